// Batch-statement builders shared by every write that takes, frees or offers seats. Each
// returns drizzle queries to put INSIDE the caller's one `db.batch`, so the seat counter,
// the booking rows, the waiting list and the outbox can never disagree (rules 1, 5, 9).
//
// The `last_op` stamp protocol and `insertSelect` are in src/db/conditional.ts; messages
// conditional on a write go through `enqueueForBookings` (notifications/outbox.ts).
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, SEAT_HOLDING_STATUSES, SEAT_USED_STATUSES, sessions, UPCOMING_STATUSES } from "../../db/schema";
import { enqueueForBookings } from "../notifications/outbox";
import { DAY, HOUR } from "../../lib/time";

/** SEAT_HOLDING_STATUSES as an SQL list: rule 1 counts these against capacity, rule 4 for clashes. */
export const HOLDING = statusList(SEAT_HOLDING_STATUSES);
/** SEAT_USED_STATUSES as an SQL list: seats that stay counted whatever happens next. */
export const USED = statusList(SEAT_USED_STATUSES);
/** UPCOMING_STATUSES as an SQL list: held seats and the waiting list. */
export const UPCOMING = statusList(UPCOMING_STATUSES);

function statusList(statuses: readonly string[]) {
  return sql.raw(`(${statuses.map((s) => `'${s}'`).join(", ")})`);
}

/** An offer is held 24 h, but never later than 2 h before the start. */
export const OFFER_HOLD_MS = DAY;
export const OFFER_CUTOFF_MS = 2 * HOUR;

/** A waitlisted booking's place in line: FIFO by queuedAt, then by arrival (rowid). */
export const waitlistPosition = sql`(select count(*) from bookings w where w.session_id = b.session_id
  and w.status = 'waitlisted' and (w.queued_at < b.queued_at or (w.queued_at = b.queued_at and w.rowid <= b.rowid)))`;

/**
 * Offers every free seat of a session to the first people waiting (rule 5): waitlisted →
 * offered, held until min(now + 24 h, start − 2 h); skipped when that is already past. How
 * many are offered is decided inside the UPDATE from the live counter, so it is right
 * whatever happened earlier in the same batch or in a batch that ran just before.
 */
export function offerFreeSeatsStatements(db: Db, { sessionId, opId, now }: { sessionId: string; opId: string; now: number }) {
  const offerOp = `${opId}:offer`;
  const free = sql`coalesce((select max(0, capacity - seats_taken) from sessions
    where id = ${sessionId} and status = 'scheduled' and starts_at - ${OFFER_CUTOFF_MS} > ${now}), 0)`;
  return [
    db
      .update(bookings)
      .set({
        status: "offered",
        lastOp: offerOp,
        updatedAt: now,
        holdExpiresAt: sql`min(${now + OFFER_HOLD_MS}, (select starts_at from sessions where id = ${sessionId}) - ${OFFER_CUTOFF_MS})`,
      })
      .where(
        sql`${bookings.id} in (select w.id from bookings w where w.session_id = ${sessionId} and w.status = 'waitlisted'
          order by w.queued_at, w.rowid limit ${free})`,
      ),
    // Offered seats are held seats: count exactly the rows the previous statement changed.
    db
      .update(sessions)
      .set({
        seatsTaken: sql`seats_taken + (select count(*) from bookings where session_id = ${sessionId} and last_op = ${offerOp} and status = 'offered')`,
        updatedAt: now,
      })
      .where(sql`${sessions.id} = ${sessionId}`),
    enqueueForBookings(db, "offer_made", sql`b.session_id = ${sessionId} and b.last_op = ${offerOp} and b.status = 'offered'`, now),
  ];
}

/**
 * Frees `seats` of a session, but only if the freeing write (which stamped `last_op = opId`
 * on booking `freedBy`) really happened, then offers the freed seats to the waiting list —
 * the freeing and the offering are one atomic write (rule 5). Every path that frees seats
 * (cancel, consent refused, hold expired, smaller group) uses this.
 */
export function releaseSeatsStatements(
  db: Db,
  { sessionId, seats, opId, freedBy, now }: { sessionId: string; seats: number; opId: string; freedBy: string; now: number },
) {
  return [
    db
      .update(sessions)
      .set({ seatsTaken: sql`seats_taken - ${seats}`, updatedAt: now })
      .where(sql`${sessions.id} = ${sessionId} and exists (select 1 from bookings where id = ${freedBy} and last_op = ${opId})`),
    ...offerFreeSeatsStatements(db, { sessionId, opId, now }),
  ];
}

/** Takes `seats` of a session if booking `heldBy` was really written as a seat holder by `opId`. */
export function takeSeatsStatement(db: Db, { sessionId, seats, opId, heldBy, now }: { sessionId: string; seats: number; opId: string; heldBy: string; now: number }) {
  return db
    .update(sessions)
    .set({ seatsTaken: sql`seats_taken + ${seats}`, updatedAt: now })
    .where(sql`${sessions.id} = ${sessionId} and exists (select 1 from bookings where id = ${heldBy} and last_op = ${opId} and status in ${HOLDING})`);
}
