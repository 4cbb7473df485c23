// Everything a message or a calendar file about one booking needs, read at send time so the
// outbox payload stays small and the email shows the session as it is now.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { message } from "../../../emails/messages";
import { UnrenderableMessage } from "../../../emails/errors";
import { bookings, events, mentoringSlots, mentors, organisations, people, sessions, venues, type Locale, type LocalisedText } from "../../db/schema";

export interface BookingDetails {
  booking: typeof bookings.$inferSelect;
  person: typeof people.$inferSelect | null;
  session: typeof sessions.$inferSelect | null;
  event: typeof events.$inferSelect | null;
  slot: typeof mentoringSlots.$inferSelect | null;
  mentor: typeof mentors.$inferSelect | null;
  venue: typeof venues.$inferSelect | null;
  /** Who runs it: the event's host, or the mentor's employer. */
  host: typeof organisations.$inferSelect | null;
  /** The school, for group bookings. */
  school: typeof organisations.$inferSelect | null;
  startsAt: number;
  endsAt: number;
  onlineUrl: string | null;
  /** iCalendar SEQUENCE of the invite as it stands (booking + session or slot). */
  sequence: number;
  /** True when the session or slot itself was called off. */
  occurrenceCancelled: boolean;
}

async function one<T>(rows: Promise<T[]>): Promise<T | null> {
  return (await rows)[0] ?? null;
}

export async function loadBookingDetails(db: Db, bookingId: string): Promise<BookingDetails> {
  const booking = await one(db.select().from(bookings).where(eq(bookings.id, bookingId)).limit(1));
  if (!booking) throw new UnrenderableMessage(`booking ${bookingId} not found`);
  const person = booking.personId ? await one(db.select().from(people).where(eq(people.id, booking.personId)).limit(1)) : null;
  const session = booking.sessionId ? await one(db.select().from(sessions).where(eq(sessions.id, booking.sessionId)).limit(1)) : null;
  const event = session ? await one(db.select().from(events).where(eq(events.id, session.eventId)).limit(1)) : null;
  const slot = booking.slotId ? await one(db.select().from(mentoringSlots).where(eq(mentoringSlots.id, booking.slotId)).limit(1)) : null;
  const mentor = slot ? await one(db.select().from(mentors).where(eq(mentors.id, slot.mentorId)).limit(1)) : null;
  const venueId = session?.venueId ?? slot?.venueId ?? null;
  const venue = venueId ? await one(db.select().from(venues).where(eq(venues.id, venueId)).limit(1)) : null;
  const hostId = event?.hostOrganisationId ?? mentor?.organisationId ?? null;
  const host = hostId ? await one(db.select().from(organisations).where(eq(organisations.id, hostId)).limit(1)) : null;
  const school = booking.organisationId ? await one(db.select().from(organisations).where(eq(organisations.id, booking.organisationId)).limit(1)) : null;
  return {
    booking,
    person,
    session,
    event,
    slot,
    mentor,
    venue,
    host,
    school,
    startsAt: session?.startsAt ?? slot?.startsAt ?? booking.startsAt,
    endsAt: session?.endsAt ?? slot?.endsAt ?? booking.endsAt,
    onlineUrl: session?.onlineUrl ?? (slot?.mode === "online" ? slot.meetingUrl : null) ?? null,
    sequence: booking.sequence + (session?.sequence ?? slot?.sequence ?? 0),
    occurrenceCancelled: session?.status === "cancelled" || slot?.status === "withdrawn",
  };
}

export function localised(text: LocalisedText | null | undefined, locale: Locale): string {
  if (!text) return "";
  return text[locale] || text.en;
}

/** One line for a calendar LOCATION or an email: "Name, address, postcode". */
export function venueLine(venue: NonNullable<BookingDetails["venue"]>): string {
  return [venue.name, venue.address, venue.postcode].filter((s) => s.trim() !== "").join(", ");
}

/** What the booking is for, in the reader's language: the event title, or "Mentoring with …". */
export function bookingTitle(d: BookingDetails, locale: Locale): string {
  if (d.event) return localised(d.event.title, locale);
  if (d.mentor) return message(locale, "mentoringTitle", { mentor: d.mentor.displayName });
  return "Open Door";
}

/** Where people manage (and cancel) a booking on the website. */
export const manageUrl = (publicUrl: string, bookingId: string) => `${publicUrl}/bookings/${bookingId}`;

/** The bare address in "Open Door <bookings@…>". */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
