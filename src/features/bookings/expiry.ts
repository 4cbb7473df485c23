// Lapsed holds (rules 3 and 5), run by the minute cron and the Node timer.
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookings } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { enqueueForBookings } from "../notifications/outbox";
import { offerFreeSeatsStatements, releaseSeatsStatements } from "./statements";
import { LAPSING_STATUSES, strandedSeats } from "../../rules/waiting-list";

const BATCH_LIMIT = 500;

/**
 * Cancels pending_consent bookings whose 48 h hold has passed (consent_refused, reason
 * expired) and offers whose hold has passed (offer_expired), each freeing its seat to the
 * next person in the same write. Every write is guarded by the state it expects, so running
 * this twice, or twice at once, changes nothing more than once.
 */
export async function expireHolds(deps: Deps): Promise<{ consentsExpired: number; offersExpired: number; offersMade: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const due = await db
    .select({ id: bookings.id, status: bookings.status, sessionId: bookings.sessionId, seats: bookings.seats })
    .from(bookings)
    .where(and(inArray(bookings.status, [...LAPSING_STATUSES]), lte(bookings.holdExpiresAt, now)))
    .limit(BATCH_LIMIT);
  const tally = { consentsExpired: 0, offersExpired: 0, offersMade: 0 };
  for (const b of due) {
    if (!b.sessionId) continue;
    const op = newId("op", now);
    const consent = b.status === "pending_consent";
    // Invariant (rules 1, 3, 5, 9): the lapsed hold is cancelled, its seat freed and offered to
    // the next in line, and both emails queued, in one write — or not at all if someone
    // (a guardian clicking, another runner) changed the booking first.
    const [expired] = await db.batch([
      db
        .update(bookings)
        .set({
          status: "cancelled",
          cancelReason: consent ? "consent_expired" : "offer_expired",
          cancelledAt: now,
          consentTokenHash: null,
          lastOp: op,
          updatedAt: now,
        })
        .where(and(eq(bookings.id, b.id), eq(bookings.status, b.status), lte(bookings.holdExpiresAt, now))),
      ...releaseSeatsStatements(db, { sessionId: b.sessionId, seats: b.seats, opId: op, freedBy: b.id, now }),
      consent
        ? enqueueForBookings(db, "consent_refused", sql`b.id = ${b.id} and b.last_op = ${op}`, now, { payload: { reason: "expired" } })
        : enqueueForBookings(db, "offer_expired", sql`b.id = ${b.id} and b.last_op = ${op}`, now),
    ]);
    if (rowsAffected(expired) === 1) tally[consent ? "consentsExpired" : "offersExpired"]++;
  }
  tally.offersMade = await offerStrandedSeats(deps);
  return tally;
}

/**
 * A safety net: a session with free seats and people waiting (which the writes above should
 * never leave behind) gets its offers made. Cheap when there is nothing to do.
 */
async function offerStrandedSeats(deps: Deps): Promise<number> {
  const { db, clock } = deps;
  const now = clock.now();
  const stranded = await db.all<{ id: string }>(sql`select s.id as id from sessions s where ${strandedSeats(now)} limit ${BATCH_LIMIT}`);
  let made = 0;
  for (const { id } of stranded) {
    const op = newId("op", now);
    // Invariant (rules 1, 5): offers and the counter move together, bounded by free seats.
    const [offered] = await db.batch(offerFreeSeatsStatements(db, { sessionId: id, opId: op, now }) as [ReturnType<typeof offerFreeSeatsStatements>[0]]);
    made += rowsAffected(offered);
  }
  return made;
}
