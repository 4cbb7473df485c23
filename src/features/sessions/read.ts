// Reading sessions, as the API and the pages show them: one session, an event's sessions, who is booked.
import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, sessions, UPCOMING_STATUSES, venues } from "../../db/schema";
import { DAY } from "../../lib/time";
import type { Deps } from "../../lib/deps";
import { refuse } from "../../lib/refusal";

/** A session with what someone deciding whether to go needs: the event and the venue's access facts. */
export async function getSessionDetail(deps: Deps, id: string): Promise<SessionDetails> {
  const row = await sessionDetails(deps.db, id);
  if (!row) throw refuse("no_session_with_id");
  return row;
}

/** Enough for a staff page to stay well under 60 KB on a slow phone. */
const LIST_LIMIT = 100;

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

/** An event's sessions from a week ago onwards (recent ones still need their attendance). */
export function eventSessions(db: Db, eventId: string, now: number) {
  return db
    .select({ session: sessions, venueName: venues.name })
    .from(sessions)
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(eq(sessions.eventId, eventId), gt(sessions.endsAt, now - 7 * DAY)))
    .orderBy(asc(sessions.startsAt))
    .limit(LIST_LIMIT);
}

/** Who would be told if the session were cancelled: every upcoming booking, waiting list included. */
export async function bookedOn(db: Db, sessionId: string) {
  const rows = await db
    .select({ kind: bookings.kind, n: count() })
    .from(bookings)
    .where(and(eq(bookings.sessionId, sessionId), inArray(bookings.status, [...UPCOMING_STATUSES])))
    .groupBy(bookings.kind);
  const of = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { people: of("individual"), groups: of("group") };
}

/**
 * A host partner's own sessions (its events' sessions from a week ago on), each with its
 * event and venue: the host area's list. Nothing of other hosts'.
 */
export function hostedSessions(db: Db, organisationId: string, now: number) {
  return db
    .select({ session: sessions, event: events, venueName: venues.name })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(eq(events.hostOrganisationId, organisationId), gt(sessions.endsAt, now - 7 * DAY)))
    .orderBy(asc(sessions.startsAt))
    .limit(LIST_LIMIT);
}

/** The events an organisation hosts (for their feedback), newest first. */
export function hostedEvents(db: Db, organisationId: string) {
  return db.select().from(events).where(eq(events.hostOrganisationId, organisationId)).orderBy(asc(events.createdAt), asc(events.id)).limit(LIST_LIMIT);
}

/** Which of these organisations host at least one event: they get a host partner area. */
export async function hostingOrganisations(db: Db, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: events.hostOrganisationId })
    .from(events)
    .where(inArray(events.hostOrganisationId, organisationIds.slice(0, 50)));
  return rows.map((r) => r.id);
}
