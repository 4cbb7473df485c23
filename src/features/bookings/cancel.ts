// Cancelling a booking (rules 5 and 6): the seat goes back, or to the first in the queue, in the same write.
import { and, eq, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookings, SEAT_HELD_STATUSES, sessions, UPCOMING_STATUSES } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { enqueueForBookings } from "../notifications/outbox";
import { auditEntry } from "./audit";
import { loadVisibleBooking } from "./lookups";
import { releaseSeatsStatements } from "./statements";
import { bookingOut } from "./view";

const OPTIMISTIC_RETRIES = 5;

/** Cancels a booking (individual or group). Owners and schools until the start; coordinators any time. */
export async function cancelBooking(deps: Deps, actor: Actor, bookingId: string) {
  const { db, clock } = deps;
  for (let attempt = 0; attempt < OPTIMISTIC_RETRIES; attempt++) {
    const now = clock.now();
    const b = await loadVisibleBooking(deps, actor, bookingId);
    if (b.kind === "mentoring" || !b.sessionId) throw refuse("mentoring_cancel_elsewhere");
    if (!(UPCOMING_STATUSES as readonly string[]).includes(b.status)) {
      throw refuse(b.status === "cancelled" ? "booking_already_cancelled" : "booking_already_happened");
    }
    const [session] = await db.select().from(sessions).where(eq(sessions.id, b.sessionId)).limit(1);
    const coordinator = isCoordinator(actor);
    if (!coordinator && session!.startsAt <= now) {
      throw refuse("too_late_to_cancel");
    }
    const ownAction = actor.kind === "person" && actor.person.id === b.personId;
    const reason = b.kind === "group" ? (coordinator && !ownAction ? "cancelled_by_coordinator" : "cancelled_by_school") : ownAction ? "cancelled_by_person" : "cancelled_by_coordinator";
    const op = newId("op", now);
    const holdsSeats = (SEAT_HELD_STATUSES as readonly string[]).includes(b.status);
    // Invariant (rules 1, 5, 9): the booking is cancelled, its seats are freed and offered to
    // the waiting list, and the cancellation email is queued — all or nothing. The guard on
    // the status and seats we read makes a concurrent change retry instead of freeing twice.
    const [cancelled] = await db.batch([
      db
        .update(bookings)
        .set({ status: "cancelled", cancelledAt: now, cancelReason: reason, holdExpiresAt: null, lastOp: op, updatedAt: now, sequence: sql`${bookings.sequence} + 1` })
        .where(and(eq(bookings.id, b.id), eq(bookings.status, b.status), eq(bookings.seats, b.seats))),
      ...(holdsSeats ? releaseSeatsStatements(db, { sessionId: b.sessionId, seats: b.seats, opId: op, freedBy: b.id, now }) : []),
      // Only a confirmed place ever had an invite to take back (a queue place, an offer or a
      // place waiting for consent did not).
      enqueueForBookings(db, b.kind === "group" ? "group_cancelled" : "booking_cancelled", sql`b.id = ${b.id} and b.last_op = ${op}`, now, {
        payload: { invited: b.status === "confirmed" ? 1 : 0 },
      }),
      ...(reason === "cancelled_by_coordinator" ? [auditEntry(db, actor, "booking.cancelled_by_coordinator", { type: "booking", id: b.id }, now, { onlyIf: sql`exists (select 1 from bookings where id = ${b.id} and last_op = ${op})` })] : []),
    ]);
    if (rowsAffected(cancelled) === 1) return bookingOut({ ...b, status: "cancelled", cancelledAt: now, cancelReason: reason, holdExpiresAt: null });
  }
  throw refuse("booking_busy");
}
