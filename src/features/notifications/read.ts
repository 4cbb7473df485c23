// Everything a message or a calendar file about one booking needs, read at send time so the
// outbox payload stays small and the email shows the session as it is now. The rows read here
// are a BookingFacts (emails/booking.ts), the plain shape the templates and invites take.
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { bookings, events, mentoringSlots, mentors, organisations, people, sessions, venues } from "../../db/schema";
import type { BookingFacts } from "../../../emails";
import { UnrenderableMessage } from "./errors";

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

const hostOrg = alias(organisations, "host");
const schoolOrg = alias(organisations, "school");

/**
 * Two queries for any number of bookings: on D1 every query is a round trip, and the feed and
 * the dispatcher read many bookings. (Two, not one, because D1 refuses a result wider than
 * 100 columns.) The venue and host come from the session's event or from the mentoring slot.
 */
export async function loadManyBookingDetails(db: Db, where: SQL | undefined, options: { limit?: number } = {}): Promise<BookingDetails[]> {
  const main = await db
    .select({ booking: bookings, person: people, session: sessions, event: events })
    .from(bookings)
    .leftJoin(people, eq(people.id, bookings.personId))
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .where(where)
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(options.limit ?? 500);
  if (main.length === 0) return [];
  // D1 binds at most 100 parameters per query, so the ids go in chunks.
  const ids = main.map((r) => r.booking.id);
  const chunks = Array.from({ length: Math.ceil(ids.length / 90) }, (_, i) => ids.slice(i * 90, i * 90 + 90));
  const extra = (await Promise.all(chunks.map((chunk) => extraDetails(db, chunk)))).flat();
  const byId = new Map(extra.map((r) => [r.id, r]));
  return main.map(({ booking, person, session, event }) => {
    const { slot = null, mentor = null, venue = null, host = null, school = null } = byId.get(booking.id) ?? {};
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
  });
}

function extraDetails(db: Db, ids: string[]) {
  return db
    .select({ id: bookings.id, slot: mentoringSlots, mentor: mentors, venue: venues, host: hostOrg, school: schoolOrg })
    .from(bookings)
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
    .leftJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .leftJoin(venues, eq(venues.id, sql`coalesce(${sessions.venueId}, ${mentoringSlots.venueId})`))
    .leftJoin(hostOrg, eq(hostOrg.id, sql`coalesce(${events.hostOrganisationId}, ${mentors.organisationId})`))
    .leftJoin(schoolOrg, eq(schoolOrg.id, bookings.organisationId))
    .where(inArray(bookings.id, ids));
}

// Type-checks that the rows read here are what the templates and invites expect.
true satisfies BookingDetails extends BookingFacts ? true : never;

export async function loadBookingDetails(db: Db, bookingId: string): Promise<BookingDetails> {
  const [details] = await loadManyBookingDetails(db, eq(bookings.id, bookingId), { limit: 1 });
  if (!details) throw new UnrenderableMessage(`booking ${bookingId} not found`);
  return details;
}
