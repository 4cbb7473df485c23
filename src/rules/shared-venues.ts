// Rule 16, shared venues: a venue holds at most one live session at a time unless it is marked
// as able to hold several (`venues.holds_several_sessions`). The venue is the room: a building
// with rooms that are used at once is either one venue per room or marked as holding several.
// The writes that create or move a session put `not venueTakenExists(...)` in their own WHERE,
// so two sessions racing for the same slot cannot both be written; findVenueTaker only says
// which session was in the way after a refusal.
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import { events, sessions, venues } from "../db/schema";
import type { Deps } from "../lib/deps";

/** What a refusal names: the session already at the venue then. */
export interface VenueTaker {
  sessionId: string;
  title: { en: string } & Record<string, string | undefined>;
  startsAt: number;
  endsAt: number;
}

/**
 * Sessions already holding `venueId` during [startsAt, endsAt), as SQL conditions on a
 * `sessions` row aliased `taker`: scheduled (a cancelled session frees its room), overlapping
 * (touching ends do not overlap), at a venue that holds one session at a time.
 * `startsAt`/`endsAt` may be SQL (a column of the row being inserted).
 */
function takerCondition(venueId: string | SQL, startsAt: number | SQL, endsAt: number | SQL, exceptSessionId?: string): SQL {
  return sql`taker.venue_id = ${venueId} and taker.status = 'scheduled'
    and taker.starts_at < ${endsAt} and taker.ends_at > ${startsAt}
    and not (select holds_several_sessions from venues where venues.id = taker.venue_id)
    ${exceptSessionId !== undefined ? sql`and taker.id <> ${exceptSessionId}` : sql``}`;
}

/** True when another session holds the venue then: the guard of every session write. */
export function venueTakenExists(venueId: string | SQL, startsAt: number | SQL, endsAt: number | SQL, exceptSessionId?: string): SQL {
  return sql`exists (select 1 from sessions as taker where ${takerCondition(venueId, startsAt, endsAt, exceptSessionId)})`;
}

/** Pure form of the rule, for tests and for reading two sessions side by side. */
export function overlaps(a: { startsAt: number; endsAt: number }, b: { startsAt: number; endsAt: number }): boolean {
  return a.startsAt < b.endsAt && a.endsAt > b.startsAt;
}

/**
 * The first session that holds `venueId` during any of `times`, read after a guarded write
 * wrote nothing, to name it in the refusal.
 */
export async function findVenueTaker(deps: Deps, venueId: string, times: { startsAt: number; endsAt: number }[], exceptSessionId?: string): Promise<VenueTaker | null> {
  const [venue] = await deps.db.select({ several: venues.holdsSeveralSessions }).from(venues).where(eq(venues.id, venueId)).limit(1);
  if (!venue || venue.several) return null;
  const first = Math.min(...times.map((t) => t.startsAt));
  const last = Math.max(...times.map((t) => t.endsAt));
  const rows = await deps.db
    .select({ sessionId: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, title: events.title })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(
      and(
        eq(sessions.venueId, venueId),
        eq(sessions.status, "scheduled"),
        sql`${sessions.startsAt} < ${last} and ${sessions.endsAt} > ${first}`,
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .orderBy(asc(sessions.startsAt));
  const taker = rows.find((r) => times.some((t) => overlaps(r, t)));
  return taker ? { ...taker, title: taker.title as VenueTaker["title"] } : null;
}
