// Creating sessions: one, or a repeating series expanded in London wall time.
import { and, eq, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { insertSelect } from "../../db/conditional";
import { sessions } from "../../db/schema";
import type { Actor } from "../../lib/env";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { field, refuse } from "../../lib/refusal";
import { getEventToManage, type Session } from "../catalogue/events";
import { expandLondonRule } from "../../lib/recurrence";
import { findVenue } from "../catalogue/venues";
import { findVenueTaker, venueTakenExists } from "../../rules/shared-venues";

/**
 * Rows per INSERT … SELECT: each row binds its id, start and end in the VALUES list (3
 * parameters) and the rest once, so 25 rows stay well inside D1's 100 bound parameters.
 */
const ROWS_PER_STATEMENT = 25;

interface Place {
  venueId?: string;
  onlineUrl?: string;
  capacity: number;
}
export type SessionInput =
  | ({ kind: "single"; startsAt: string; endsAt: string } & Place)
  | ({ kind: "series"; start: string; durationMinutes: number; rrule: string } & Place);

/**
 * Adds one session or a whole series. A series is all-or-nothing: its rows go in one batch,
 * so nobody ever sees half a series (and a retry cannot leave a partial one behind).
 */
export async function addSessions(deps: Deps, actor: Actor, eventId: string, input: SessionInput): Promise<Session[]> {
  await getEventToManage(deps, actor, eventId);
  if ((input.venueId ? 1 : 0) + (input.onlineUrl ? 1 : 0) !== 1) {
    throw refuse("venue_or_link", {}, { fields: [field("venueId", "one_of_venue_or_link")] });
  }
  if (input.venueId && !(await findVenue(deps, input.venueId))) {
    throw refuse("new_session_venue_unknown", {}, { fields: [field("venueId", "no_such_venue_field")] });
  }

  const now = deps.clock.now();
  let times: { startsAt: number; endsAt: number }[];
  let seriesId: string | null = null;
  if (input.kind === "single") {
    const startsAt = Date.parse(input.startsAt);
    const endsAt = Date.parse(input.endsAt);
    if (endsAt <= startsAt) throw refuse("new_session_end_before_start", {}, { fields: [field("endsAt", "must_be_after_starts_at")] });
    times = [{ startsAt, endsAt }];
  } else {
    const starts = expandLondonRule(input.start, input.rrule);
    times = starts.map((startsAt) => ({ startsAt, endsAt: startsAt + input.durationMinutes * 60_000 }));
    // Sessions of one series that overlap each other would let a person hold two seats at once.
    if (times.some((t, i) => i > 0 && t.startsAt < times[i - 1]!.endsAt)) {
      throw refuse("series_overlaps", {}, { fields: [field("durationMinutes", "longer_than_gap")] });
    }
    seriesId = newId("ser", now);
  }
  if (times[0]!.startsAt <= now) {
    throw refuse("sessions_in_future", {}, { fields: [field(input.kind === "single" ? "startsAt" : "start", "must_be_in_future")] });
  }

  const rows = times.map((t) => ({ id: newId("ses", now), startsAt: t.startsAt, endsAt: t.endsAt }));
  const venueId = input.venueId ?? null;
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const list = sql.join(chunk.map((r) => sql`(${r.id}, ${r.startsAt}, ${r.endsAt})`), sql`, `);
    // Rule 16: each row is written only if no other session holds the venue at its time,
    // checked by the INSERT itself, so two creates racing for one slot cannot both land.
    statements.push(
      insertSelect(
        deps.db,
        sessions,
        {
          id: sql`n.column1`,
          eventId,
          startsAt: sql`n.column2`,
          endsAt: sql`n.column3`,
          venueId,
          onlineUrl: input.onlineUrl ?? null,
          capacity: input.capacity,
          seatsTaken: 0,
          status: "scheduled",
          sequence: 0,
          seriesId,
          createdAt: now,
          updatedAt: now,
        },
        sql`FROM (VALUES ${list}) AS n WHERE NOT ${venueId ? venueTakenExists(venueId, sql`n.column2`, sql`n.column3`) : sql`0`}`,
      ),
    );
  }
  // Invariant (a series is all-or-nothing): when the venue was taken for any occurrence, the
  // occurrences that were written are removed again in the same batch, so nobody ever sees
  // half a series.
  const cleanup = seriesId
    ? [deps.db.delete(sessions).where(and(eq(sessions.seriesId, seriesId), sql`(select count(*) from sessions where series_id = ${seriesId}) < ${rows.length}`))]
    : [];
  const [first, ...rest] = [...statements, ...cleanup];
  const results = await deps.db.batch([first!, ...rest]);
  const written = results.slice(0, statements.length).reduce((n, r) => n + rowsAffected(r), 0);
  if (written < rows.length) {
    const taker = venueId ? await findVenueTaker(deps, venueId, rows) : null;
    if (taker) {
      const facts = { event: taker.title, at: { at: taker.startsAt } };
      throw refuse("venue_taken", facts, {
        extra: { sessionId: taker.sessionId },
        fields: [field(input.kind === "single" ? "startsAt" : "start", "venue_taken_by", facts)],
      });
    }
    throw refuse("session_busy");
  }
  return rows
    .map((r) => ({
      ...r,
      eventId,
      venueId,
      onlineUrl: input.onlineUrl ?? null,
      capacity: input.capacity,
      seatsTaken: 0,
      status: "scheduled" as const,
      sequence: 0,
      seriesId,
      createdAt: now,
      updatedAt: now,
    }))
    .sort((a, b) => a.startsAt - b.startsAt);
}
