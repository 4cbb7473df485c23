// Families at community events (issue #16 item 10): an event tagged `families` takes bookings
// from a parent or carer for their household, adults and children of any age, one seat each,
// no account for anyone but the booker. The seats go through rule 1's guard (capacity.ts) in
// one write: the household gets all its places or none.

/** The event tag that opens household booking (shown as "For families" on pages and posters). */
export const FAMILY_TAG = "families";
/** At least one adult books and comes; a household takes at most this many seats in one booking. */
export const HOUSEHOLD_MAX_SEATS = 10;
export const HOUSEHOLD_MAX_ADULTS = 6;

export const isForFamilies = (event: { tags: string[] }) => event.tags.includes(FAMILY_TAG);
export const householdSeats = (h: { adults: number; children: number }) => h.adults + h.children;
