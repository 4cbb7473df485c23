// Undoing a check-in: the host ticked the wrong name. The booking goes back to expected, the
// audit row and the timebank's reversal (rule 18) in the same batch.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookingStampedBy } from "../../db/conditional";
import { bookings } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { auditEntry } from "../bookings/audit";
import { loadSession } from "../bookings/lookups";
import { reverseAttendanceStatement } from "../timebank/ledger";
import { requireHost } from "./access";

/**
 * Possible until the register is closed (feedback invitations going out say "thanks for
 * coming"): after that the record stands and a coordinator corrects it.
 */
export async function undoCheckIn(deps: Deps, actor: Actor, sessionId: string, bookingId: string): Promise<void> {
  const { db, clock } = deps;
  const { event } = await loadSession(deps, sessionId);
  requireHost(actor, event, "host_only_check_in");
  const now = clock.now();
  const op = newId("op", now);
  // Invariant (rules 12 and 18): a booking is either checked in with its hours credited, or
  // not checked in with any credit reversed. The reversal reads `checked_in_at IS NULL`, so it
  // applies exactly when this batch's UPDATE did; the audit row only if the UPDATE stamped it.
  const [updated] = await db.batch([
    db
      .update(bookings)
      .set({ status: "confirmed", checkedInAt: null, checkedInCount: null, lastOp: op, updatedAt: now })
      .where(
        and(
          eq(bookings.id, bookingId),
          eq(bookings.sessionId, sessionId),
          eq(bookings.status, "attended"),
          isNotNull(bookings.checkedInAt),
          isNull(bookings.feedbackInvitedAt),
        ),
      ),
    reverseAttendanceStatement(db, bookingId, now, actor),
    auditEntry(db, actor, "check_in.undone", { type: "booking", id: bookingId }, now, { detail: { sessionId }, onlyIf: bookingStampedBy(bookingId, op) }),
  ]);
  if (rowsAffected(updated) === 1) return;
  const [row] = await db.select().from(bookings).where(and(eq(bookings.id, bookingId), eq(bookings.sessionId, sessionId))).limit(1);
  if (!row) throw refuse("no_such_booking");
  if (row.feedbackInvitedAt !== null) throw refuse("check_in_undo_closed");
  throw refuse("check_in_undo_not_in");
}
