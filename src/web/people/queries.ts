// Read-only queries behind the people pages. Who may see what is decided by the services'
// own loaders (bookings/lookups, mentoring/booking); these only gather what a page shows.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, mentoringSlots, mentors, people, sessions, venues } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";

/** The session, its activity and its place, for a booking form or a booking's page. */
export async function sessionDetails(db: Db, sessionId: string) {
  const [row] = await db
    .select({ session: sessions, event: events, venue: venues })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return row ?? null;
}

export type SessionDetails = NonNullable<Awaited<ReturnType<typeof sessionDetails>>>;

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

/** One slot with its mentor and place, for the mentoring booking form. */
export async function slotDetails(db: Db, slotId: string) {
  const [row] = await db
    .select({ slot: mentoringSlots, mentor: mentors, venue: venues })
    .from(mentoringSlots)
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .leftJoin(venues, eq(venues.id, mentoringSlots.venueId))
    .where(and(eq(mentoringSlots.id, slotId), eq(mentoringSlots.status, "open")))
    .limit(1);
  return row ?? null;
}

/** The sectors and languages mentors offer, for the finder's choices. */
export async function mentorChoices(db: Db) {
  const [sectors, languages] = await Promise.all([
    db.selectDistinct({ sector: mentors.sector }).from(mentors).orderBy(asc(mentors.sector)).limit(50),
    db.all<{ value: string }>(sql`select distinct j.value as value from mentors m, json_each(m.languages) j order by 1 limit 50`),
  ]);
  return { sectors: sectors.map((s) => s.sector), languages: languages.map((l) => l.value) };
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
