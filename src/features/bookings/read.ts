// Reading bookings for the pages: a person's own list, and the booking a guardian's consent link
// is for. Who may see a booking is decided by lookups.ts (loadVisibleBooking); these only gather.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, mentoringSlots, mentors, people, sessions, venues } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";

/**
 * The booking a consent link is for, only while it can still be answered. The token is
 * stored hashed, so it is looked up by its hash.
 */
export async function consentRequest(db: Db, token: string, now: number) {
  const [row] = await db
    .select({ booking: bookings, person: { displayName: people.displayName }, session: sessions, event: events, venue: venues })
    .from(bookings)
    .innerJoin(people, eq(people.id, bookings.personId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(eq(bookings.consentTokenHash, await sha256Hex(token)), eq(bookings.status, "pending_consent"), gt(bookings.holdExpiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** What a person has booked, soonest first, with what is needed to describe each. */
export async function bookingsOf(db: Db, personId: string) {
  const rows = await db
    .select({ booking: bookings, event: events, mentorName: mentors.displayName, sessionVenue: venues })
    .from(bookings)
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
    .leftJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .leftJoin(venues, eq(venues.id, sql`coalesce(${sessions.venueId}, ${mentoringSlots.venueId})`))
    .where(eq(bookings.personId, personId))
    .orderBy(asc(bookings.startsAt))
    .limit(200);
  return rows;
}

/**
 * A booking's row as stored, for its page (the API's shape lacks the guardian's address). The
 * caller has already decided the person may see it (lookups.ts loadVisibleBooking).
 */
export async function bookingRow(db: Db, bookingId: string) {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  return row ?? null;
}
