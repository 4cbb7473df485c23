// Batch-statement builders shared by every write that frees or offers seats. Each returns
// drizzle queries to put INSIDE the caller's one `db.batch`, so the seat counter, the booking
// rows, the waiting list and the outbox can never disagree (rules 1, 5, 9). The rules
// themselves (the guards, the offer) are in src/rules/capacity.ts and waiting-list.ts; this
// file only adds the messages they cause.
//
// The `last_op` stamp protocol and `insertSelect` are in src/db/conditional.ts; messages
// conditional on a write go through `enqueueForBookings` (notifications/outbox.ts).
import type { Db } from "../../db/client";
import { enqueueForBookings } from "../notifications/outbox";
import { freeSeatsStatement } from "../../rules/capacity";
import { offeredBy, offerSeatsStatements } from "../../rules/waiting-list";

/** Offers every free seat of a session to the first people waiting (rule 5) and tells them. */
export function offerFreeSeatsStatements(db: Db, { sessionId, opId, now }: { sessionId: string; opId: string; now: number }) {
  return [...offerSeatsStatements(db, { sessionId, opId, now }), enqueueForBookings(db, "offer_made", offeredBy(sessionId, opId), now)];
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
  return [freeSeatsStatement(db, { sessionId, seats, opId, freedBy, now }), ...offerFreeSeatsStatements(db, { sessionId, opId, now })];
}
