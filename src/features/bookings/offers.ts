// Accepting a seat offered from the waiting list (rule 5).
import { and, eq, sql } from "drizzle-orm";
import { bookings } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { londonWallTime } from "../../lib/time";
import { clashProblem, loadVisibleBooking } from "./lookups";
import { consentUrl, guardianDailyLimit } from "./book";
import { enqueueForBookings } from "../notifications/outbox";
import { clashExists, findClash } from "../../rules/clash";
import { consentHoldUntil, guardianAllowanceLeft, guardianHasAllowance } from "../../rules/consent";
import { bookingOut, type BookingRow } from "./view";
import { refuse } from "../../lib/refusal";

/** Accepts an offered seat: confirmed, or pending_consent when a guardian has to agree first. */
export async function acceptOffer(deps: Deps, actor: Actor, bookingId: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const b = await loadVisibleBooking(deps, actor, bookingId);
  if (b.kind !== "individual" || !(isCoordinator(actor) || (actor.kind === "person" && actor.person.id === b.personId))) {
    throw refuse("no_such_booking");
  }
  assertOfferOpen(b, now);
  // A clash is refused by the UPDATE's own guard and named after it, so it is not read first.
  const needsConsent = b.guardianEmail !== null;
  const token = needsConsent ? newSecret() : null;
  const op = newId("op", now);
  const mine = sql`b.id = ${b.id} and b.last_op = ${op}`;
  // Invariant (rules 4, 5, 9): the offered seat (already counted in seats_taken) becomes the
  // person's only while the offer is still open and they hold nothing overlapping; the
  // confirmation or consent request is queued in the same write.
  const [accepted] = await db.batch([
    db
      .update(bookings)
      .set({
        status: needsConsent ? "pending_consent" : "confirmed",
        holdExpiresAt: needsConsent ? consentHoldUntil(now, sql`${bookings.startsAt}`) : null,
        consentTokenHash: token ? await sha256Hex(token) : null,
        lastOp: op,
        updatedAt: now,
      })
      .where(
        and(
          eq(bookings.id, b.id),
          eq(bookings.status, "offered"),
          sql`${bookings.holdExpiresAt} > ${now}`,
          sql`not ${clashExists(b.personId!, b.startsAt, b.endsAt, { sessionId: b.sessionId! })}`,
          // Issue #14: the guardian's daily allowance of consent requests, counted in this write.
          needsConsent ? guardianHasAllowance(b.guardianEmail!, now) : undefined,
        ),
      )
      .returning(),
    enqueueForBookings(db, "booking_confirmed", sql`${mine} and b.status = 'confirmed'`, now),
    enqueueForBookings(db, "booking_pending_consent", sql`${mine} and b.status = 'pending_consent'`, now),
    enqueueForBookings(db, "consent_request", sql`${mine} and b.status = 'pending_consent'`, now, {
      to: "guardian",
      payload: { consentUrl: token ? consentUrl(deps, token) : "" },
    }),
  ]);
  if (accepted[0]) return bookingOut(accepted[0]);
  const [row] = await db.select().from(bookings).where(eq(bookings.id, b.id)).limit(1);
  assertOfferOpen(row!, clock.now());
  if (needsConsent && !(await guardianAllowanceLeft(db, b.guardianEmail!, clock.now()))) throw guardianDailyLimit();
  const clashNow = await findClash(deps, b.personId!, b.startsAt, b.endsAt, { sessionId: b.sessionId! });
  throw clashNow ? clashProblem(clashNow) : refuse("offer_changed_meanwhile");
}

function assertOfferOpen(b: BookingRow, now: number) {
  if (b.status === "cancelled" && b.cancelReason === "offer_expired") throw offerExpired(b);
  if (b.status !== "offered") throw refuse("no_offer_waiting");
  if (b.holdExpiresAt !== null && b.holdExpiresAt <= now) throw offerExpired(b);
}

function offerExpired(b: BookingRow) {
  const at = b.holdExpiresAt ? londonWallTime(b.holdExpiresAt) : null;
  if (!at) return refuse("offer_ran_out");
  return refuse("offer_ran_out_at", { time: `${String(at.hour).padStart(2, "0")}:${String(at.minute).padStart(2, "0")}`, date: `${at.day}/${at.month}` });
}
