// Rule 5, the waiting list: FIFO. When seats free up, the first people waiting get an
// `offered` seat held 24 h, never past 2 h before the start; accept → confirmed; a lapsed
// offer passes to the next in line. Freeing and offering are one atomic write: these
// statements go inside the caller's batch, next to the write that freed the seats
// (bookings/statements.ts puts them together with the messages they cause).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { bookings, sessions } from "../db/schema";
import { DAY, HOUR } from "../lib/time";

/** An offer is held 24 h, but never later than 2 h before the start. */
export const OFFER_HOLD_MS = DAY;
export const OFFER_CUTOFF_MS = 2 * HOUR;

/** A waitlisted booking `b`'s place in line: FIFO by queuedAt, then by arrival (rowid). */
export const waitlistPosition = sql`(select count(*) from bookings w where w.session_id = b.session_id
  and w.status = 'waitlisted' and (w.queued_at < b.queued_at or (w.queued_at = b.queued_at and w.rowid <= b.rowid)))`;

/** The stamp the offers of operation `opId` carry, so the same batch can tell whom it offered. */
export const offerOpOf = (opId: string) => `${opId}:offer`;

/** Bookings `b` that operation `opId` has just offered a seat (for the messages in the same batch). */
export const offeredBy = (sessionId: string, opId: string): SQL => sql`b.session_id = ${sessionId} and b.last_op = ${offerOpOf(opId)} and b.status = 'offered'`;

/**
 * Offers every free seat of a session to the first people waiting: waitlisted → offered,
 * held until min(now + 24 h, start − 2 h); nothing when that is already past. How many are
 * offered is decided inside the UPDATE from the live counter, so it is right whatever
 * happened earlier in the same batch or in a batch that ran just before. The second
 * statement counts the offered seats as held (rule 1).
 */
export function offerSeatsStatements(db: Db, { sessionId, opId, now }: { sessionId: string; opId: string; now: number }) {
  const offerOp = offerOpOf(opId);
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
  ] as const;
}

/**
 * When a session moves, a hold never outlasts the new time: an offer ends 2 h before the new
 * start (as a new offer would), a consent hold at it (rule 3).
 */
export function holdWithinNewStart(startsAt: number): SQL {
  return sql`min(${bookings.holdExpiresAt}, case when ${bookings.status} = 'offered' then ${startsAt - OFFER_CUTOFF_MS} else ${startsAt} end)`;
}

/** Sessions `s` with seats free and people waiting that could still be offered them at `now`. */
export function strandedSeats(now: number): SQL {
  return sql`s.status = 'scheduled' and s.seats_taken < s.capacity and s.starts_at - ${OFFER_CUTOFF_MS} > ${now}
      and exists (select 1 from bookings w where w.session_id = s.id and w.status = 'waitlisted')`;
}

/** The holds that lapse (rules 3 and 5): a consent hold or an offer whose time has passed. */
export const LAPSING_STATUSES = ["pending_consent", "offered"] as const;

/**
 * The place in line someone joining session `sessionId` now would have (issue #14: "you would
 * be number N", said before they book). It is waitlistPosition's count for a booking queued
 * after everyone already waiting: all of them, plus one.
 */
export async function nextWaitlistPosition(db: Db, sessionId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(*) + 1 as n from bookings w where w.session_id = ${sessionId} and w.status = 'waitlisted'`);
  return Number(row?.n ?? 1);
}
