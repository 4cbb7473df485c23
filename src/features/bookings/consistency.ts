// Rule 1's ledger check: the counter we guard against must equal what the bookings say.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { HOLDING } from "./statements";

export interface SeatMismatch {
  sessionId: string;
  capacity: number;
  seatsTaken: number;
  /** Seats held according to the booking rows. */
  counted: number;
  problem: "counter_drift" | "over_capacity";
}

/**
 * Recomputes every session's held seats from its bookings (SEAT_HOLDING_STATUSES:
 * held or used) and returns each session whose
 * counter disagrees, or that holds more than its capacity. Empty means consistent.
 */
export async function checkSeatAccounting(db: Db): Promise<SeatMismatch[]> {
  const rows = await db.all<{ sessionId: string; capacity: number; seatsTaken: number; counted: number }>(sql`
    select s.id as sessionId, s.capacity as capacity, s.seats_taken as seatsTaken,
      coalesce((select sum(b.seats) from bookings b where b.session_id = s.id
        and b.status in ${HOLDING}), 0) as counted
    from sessions s`);
  const out: SeatMismatch[] = [];
  for (const r of rows) {
    if (r.seatsTaken !== r.counted) out.push({ ...r, problem: "counter_drift" });
    else if (r.counted > r.capacity) out.push({ ...r, problem: "over_capacity" });
  }
  return out;
}
