// Rows for notification tests, inserted directly: bookings are made by the booking engine,
// but messages and calendars only need the rows to exist.
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { bookings, events, memberships, mentoringSlots, mentors, organisations, people, sessions, venues, type Locale } from "../../src/db/schema";
import { newId, newTicketCode } from "../../src/lib/crypto";
import { HOUR } from "../../src/lib/time";

/** `now` stamps bookings' createdAt, so rules about when a booking was made follow the test clock. */
export function notificationFixtures(db: Db, now: () => number = Date.now) {
  const organisation = async (values: Partial<typeof organisations.$inferInsert> = {}) => {
    const [row] = await db
      .insert(organisations)
      .values({ id: newId("org"), type: "community", name: "Riverside Library", contactEmail: "hello@riverside.test", ...values })
      .returning();
    return row!;
  };

  const person = async (values: Partial<typeof people.$inferInsert> & { email: string }) => {
    const [existing] = await db.select().from(people).where(eq(people.email, values.email)).limit(1);
    if (existing) {
      const [row] = await db.update(people).set(values).where(eq(people.id, existing.id)).returning();
      return row!;
    }
    const [row] = await db
      .insert(people)
      .values({ id: newId("per"), displayName: values.email.split("@")[0]!, isYoungPerson: true, dateOfBirth: "2009-05-01", locale: "en" as Locale, ...values })
      .returning();
    return row!;
  };

  const venue = async (values: Partial<typeof venues.$inferInsert> = {}) => {
    const [row] = await db
      .insert(venues)
      .values({
        id: newId("ven"),
        name: "Riverside Library",
        address: "12 Mill Lane, Leeds",
        postcode: "LS1 4AB",
        stepFree: true,
        hearingLoop: true,
        publicTransport: { en: "Bus 42 to Mill Lane, then 2 minutes on foot." },
        ...values,
      })
      .returning();
    return row!;
  };

  const event = async (hostOrganisationId: string, values: Partial<typeof events.$inferInsert> = {}) => {
    const [row] = await db
      .insert(events)
      .values({
        id: newId("evt"),
        type: "career_taster",
        title: { en: "Try being a chef", pl: "Spróbuj być kucharzem" },
        description: { en: "Cook a meal with a real chef." },
        whatToBring: { en: "An apron if you have one." },
        hostOrganisationId,
        ...values,
      })
      .returning();
    return row!;
  };

  const session = async (eventId: string, startsAt: number, values: Partial<typeof sessions.$inferInsert> = {}) => {
    const [row] = await db
      .insert(sessions)
      .values({ id: newId("ses"), eventId, startsAt, endsAt: startsAt + 90 * 60_000, capacity: 20, ...values })
      .returning();
    return row!;
  };

  const booking = async (values: Partial<typeof bookings.$inferInsert> & { startsAt: number }) => {
    const [row] = await db
      .insert(bookings)
      .values({ id: newId("bkg"), kind: "individual", status: "confirmed", endsAt: values.startsAt + 90 * 60_000, ticketCode: newTicketCode(), createdAt: now(), ...values })
      .returning();
    return row!;
  };

  /** A whole confirmed individual booking at a venue, with everything it points to. */
  const confirmedBooking = async (options: { email: string; locale?: Locale; startsAt: number; venue?: Partial<typeof venues.$inferInsert>; session?: Partial<typeof sessions.$inferInsert>; booking?: Partial<typeof bookings.$inferInsert> }) => {
    const host = await organisation();
    const v = await venue(options.venue);
    const e = await event(host.id);
    const s = await session(e.id, options.startsAt, { venueId: v.id, ...options.session });
    const p = await person({ email: options.email, locale: options.locale ?? "en" });
    const b = await booking({ sessionId: s.id, personId: p.id, startsAt: s.startsAt, endsAt: s.endsAt, ...options.booking });
    return { host, venue: v, event: e, session: s, person: p, booking: b };
  };

  const groupBooking = async (options: { staffEmail: string; startsAt: number }) => {
    const host = await organisation();
    const school = await organisation({ type: "school", name: "Hillside Academy" });
    const v = await venue();
    const e = await event(host.id, { groupsAllowed: true });
    const s = await session(e.id, options.startsAt, { venueId: v.id });
    const staff = await person({ email: options.staffEmail, isYoungPerson: false, dateOfBirth: null });
    await db.insert(memberships).values({ id: newId("mem"), organisationId: school.id, personId: staff.id });
    const b = await booking({ kind: "group", sessionId: s.id, personId: staff.id, organisationId: school.id, pupils: 18, staff: 2, seats: 20, startsAt: s.startsAt, endsAt: s.endsAt });
    return { host, school, venue: v, event: e, session: s, staff, booking: b };
  };

  const mentoringBooking = async (options: { email: string; mentorEmail?: string; startsAt: number; mode?: "online" | "in_person" }) => {
    const employer = await organisation({ type: "employer", name: "Northern Builders", contactEmail: "people@northern.test" });
    const mentor = (await db
      .insert(mentors)
      .values({ id: newId("men"), organisationId: employer.id, displayName: "Sam Patel", email: options.mentorEmail ?? "sam@northern.test" })
      .returning())[0]!;
    const mode = options.mode ?? "online";
    const v = mode === "in_person" ? await venue() : null;
    const slot = (await db
      .insert(mentoringSlots)
      .values({ id: newId("slt"), mentorId: mentor.id, startsAt: options.startsAt, endsAt: options.startsAt + HOUR, mode, venueId: v?.id ?? null, meetingUrl: mode === "online" ? "https://meet.example/secret-room" : null, status: "booked" })
      .returning())[0]!;
    const p = await person({ email: options.email });
    const b = await booking({ kind: "mentoring", slotId: slot.id, personId: p.id, startsAt: slot.startsAt, endsAt: slot.endsAt });
    return { employer, mentor, slot, venue: v, person: p, booking: b };
  };

  return { organisation, person, venue, event, session, booking, confirmedBooking, groupBooking, mentoringBooking };
}
