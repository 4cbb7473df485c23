// Creating sessions: one, or a repeating series expanded in London wall time.
import { insertsInChunks } from "../../db/insert-chunks";
import { sessions } from "../../db/schema";
import type { Actor } from "../../lib/env";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { ProblemError, type FieldError } from "../../lib/problem";
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

const unprocessable = (detail: string, errors: FieldError[]) => new ProblemError("unprocessable", detail, { errors });

/**
 * Adds one session or a whole series. A series is all-or-nothing: its rows go in one batch,
 * so nobody ever sees half a series (and a retry cannot leave a partial one behind).
 */
export async function addSessions(deps: Deps, actor: Actor, eventId: string, input: SessionInput): Promise<Session[]> {
  await getEventToManage(deps, actor, eventId);
  if ((input.venueId ? 1 : 0) + (input.onlineUrl ? 1 : 0) !== 1) {
    throw unprocessable("Give either a venue or an online link (one, not both).", [{ path: "venueId", message: "give exactly one of venueId or onlineUrl" }]);
  }
  if (input.venueId && !(await findVenue(deps, input.venueId))) {
    throw unprocessable("There is no venue with that id.", [{ path: "venueId", message: "no such venue" }]);
  }

  const now = deps.clock.now();
  let times: { startsAt: number; endsAt: number }[];
  let seriesId: string | null = null;
  if (input.kind === "single") {
    const startsAt = Date.parse(input.startsAt);
    const endsAt = Date.parse(input.endsAt);
    if (endsAt <= startsAt) throw unprocessable("The session must end after it starts.", [{ path: "endsAt", message: "must be after startsAt" }]);
    times = [{ startsAt, endsAt }];
  } else {
    const starts = expandLondonRule(input.start, input.rrule);
    times = starts.map((startsAt) => ({ startsAt, endsAt: startsAt + input.durationMinutes * 60_000 }));
    // Sessions of one series that overlap each other would let a person hold two seats at once.
    if (times.some((t, i) => i > 0 && t.startsAt < times[i - 1]!.endsAt)) {
      throw unprocessable("Sessions in this series would overlap each other. Make them shorter or further apart.", [{ path: "durationMinutes", message: "longer than the gap between sessions" }]);
    }
    seriesId = newId("ser", now);
  }
  if (times[0]!.startsAt <= now) {
    throw unprocessable("Sessions must start in the future.", [{ path: input.kind === "single" ? "startsAt" : "start", message: "must be in the future" }]);
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
