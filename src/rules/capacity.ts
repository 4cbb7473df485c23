// Rule 1, capacity: confirmed + held seats never exceed capacity, under any concurrency, on
// every database. sessions.seats_taken is the counter; it only ever moves inside the same
// db.batch as the booking rows it counts, and only through the guards below, so the check
// and the write are one statement and two racing requests cannot both take the last seat.
// A group takes pupils + staff seats (rule 7): `seats` is that sum.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { SEAT_HOLDING_STATUSES, SEAT_USED_STATUSES, sessions, UPCOMING_STATUSES } from "../db/schema";

/** SEAT_HOLDING_STATUSES as an SQL list: rule 1 counts these against capacity, rule 4 for clashes. */
export const HOLDING = statusList(SEAT_HOLDING_STATUSES);
/** SEAT_USED_STATUSES as an SQL list: seats that stay counted whatever happens next. */
export const USED = statusList(SEAT_USED_STATUSES);
/** UPCOMING_STATUSES as an SQL list: held seats and the waiting list. */
export const UPCOMING = statusList(UPCOMING_STATUSES);

function statusList(statuses: readonly string[]) {
  return sql.raw(`(${statuses.map((s) => `'${s}'`).join(", ")})`);
}

/**
 * The guard of every write that takes seats: `seats` more still fit in the session row
 * `session` (an alias in the caller's FROM, `s` by default) at the moment the write runs.
 */
export function seatsFit(seats: number | SQL, session = "s"): SQL {
  const s = sql.raw(session);
  return sql`${s}.seats_taken + ${seats} <= ${s}.capacity`;
}

/** The guard of a capacity change: never less than the seats already taken (read inside the write). */
export function capacityCoversTaken(capacity: number): SQL {
  return sql`seats_taken <= ${capacity}`;
}

/** Free seats of a session row, never negative (for explaining a refusal after the write said no). */
export const seatsLeft = (session: { capacity: number; seatsTaken: number }) => Math.max(0, session.capacity - session.seatsTaken);

/** Takes `seats` of a session if booking `heldBy` was really written as a seat holder by `opId`. */
export function takeSeatsStatement(
  db: Db,
  { sessionId, seats, opId, heldBy, now }: { sessionId: string | SQL; seats: number; opId: string | SQL; heldBy: string | SQL; now: number | SQL },
) {
  return db
    .update(sessions)
    .set({ seatsTaken: sql`seats_taken + ${seats}`, updatedAt: now })
    .where(sql`${sessions.id} = ${sessionId} and exists (select 1 from bookings where id = ${heldBy} and last_op = ${opId} and status in ${HOLDING})`);
}

/**
 * Gives back `seats` of a session, but only if the freeing write (which stamped
 * `last_op = opId` on booking `freedBy`) really happened in the same batch. Rule 5 wants the
 * freed seats offered on in the same write: see bookings/statements.ts releaseSeatsStatements.
 */
export function freeSeatsStatement(db: Db, { sessionId, seats, opId, freedBy, now }: { sessionId: string; seats: number; opId: string; freedBy: string; now: number }) {
  return db
    .update(sessions)
    .set({ seatsTaken: sql`seats_taken - ${seats}`, updatedAt: now })
    .where(sql`${sessions.id} = ${sessionId} and exists (select 1 from bookings where id = ${freedBy} and last_op = ${opId})`);
}

/** What a cancelled session keeps counted: only seats already used (attended / no_show). */
export function usedSeats(sessionId: string): SQL {
  return sql`(select coalesce(sum(seats), 0) from bookings where session_id = ${sessionId} and status in ${USED})`;
}


export interface SeatMismatch {
  sessionId: string;
  capacity: number;
  seatsTaken: number;
  /** Seats held according to the booking rows. */
  counted: number;
  problem: "counter_drift" | "over_capacity";
}

/**
 * Rule 1's ledger check: the counter we guard against must equal what the bookings say.
 * Recomputes every session's held seats from its bookings (SEAT_HOLDING_STATUSES: held or
 * used) and returns each session whose counter disagrees, or that holds more than its
 * capacity. Empty means consistent.
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
