// Creating sessions: one, or a repeating series expanded in London wall time.
import { insertsInChunks } from "../../db/insert-chunks";
import { sessions } from "../../db/schema";
import type { Actor } from "../../lib/env";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { field, refuse } from "../../lib/refusal";
import { getEventToManage, type Session } from "../catalogue/events";
import { expandLondonRule } from "../../lib/recurrence";
import { findVenue } from "../catalogue/venues";

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

  const rows = times.map((t) => ({
    id: newId("ses", now),
    eventId,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    venueId: input.venueId ?? null,
    onlineUrl: input.onlineUrl ?? null,
    capacity: input.capacity,
    seatsTaken: 0,
    status: "scheduled" as const,
    sequence: 0,
    seriesId,
    createdAt: now,
    updatedAt: now,
  }));
  const [first, ...rest] = insertsInChunks(deps.db, sessions, rows);
  await deps.db.batch([first!, ...rest]);
  return rows.sort((a, b) => a.startsAt - b.startsAt);
}
