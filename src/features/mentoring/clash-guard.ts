import { sql, type SQL } from "drizzle-orm";
import { SEAT_HOLDING_STATUSES } from "../../db/schema";

/** Booking statuses that count as "holding" a time: rule 4's clash rule looks only at these. */
export const LIVE_STATUSES = SEAT_HOLDING_STATUSES;
const LIVE_LIST = sql.raw(LIVE_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * Rule 4 (no clashes), as a condition for the WHERE of a conditional write: true when the
 * person holds no live booking of any kind (event, group, mentoring) overlapping
 * [startsAt, endsAt). Evaluated inside the write itself, so two bookings racing for
 * overlapping times cannot both pass it; `bookings_person_time_idx` makes it one index range.
 * `excludeBookingId` lets a booking being moved ignore itself.
 *
 * To be unified with the booking engine's equivalent at merge.
 */
export function noClashFor(personId: string, startsAt: number | SQL, endsAt: number | SQL, excludeBookingId?: string): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM bookings AS clash
    WHERE clash.person_id = ${personId}
      AND clash.status IN (${LIVE_LIST})
      AND clash.starts_at < ${endsAt}
      AND clash.ends_at > ${startsAt}
      ${excludeBookingId ? sql`AND clash.id <> ${excludeBookingId}` : sql``})`;
}

/** Live mentoring bookings the person holds that start after `now` (rule 8's cap counts these). */
export function futureMentoringCount(personId: string, now: number): SQL {
  return sql`(SELECT count(*) FROM bookings AS mine
    WHERE mine.person_id = ${personId}
      AND mine.kind = 'mentoring'
      AND mine.status IN (${LIVE_LIST})
      AND mine.starts_at > ${now})`;
}
