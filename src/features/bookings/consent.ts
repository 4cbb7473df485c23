// Guardian consent (rule 3): the emailed one-time token is the guardian's only credential.
import { eq, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookings } from "../../db/schema";
import { newId, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { enqueueForBookings } from "../notifications/outbox";
import { releaseSeatsStatements } from "./statements";
import { consentClaim, consentOpen } from "../../rules/consent";
import { refuse } from "../../lib/refusal";

export type ConsentDecision = "grant" | "refuse";

const unusable = () => refuse("consent_link_unusable");

/** Grants (→ confirmed) or refuses (→ cancelled, seat offered on) a pending booking. Single use. */
export async function decideConsent(deps: Deps, token: string, decision: ConsentDecision) {
  const { db, clock } = deps;
  const now = clock.now();
  const hash = await sha256Hex(token);
  const [b] = await db.select().from(bookings).where(eq(bookings.consentTokenHash, hash)).limit(1);
  if (!b || !consentOpen(b, now)) throw unusable();
  const op = newId("op", now);
  // The token is cleared in the same statement that uses it, and only while the hold is open:
  // two clicks on the link (or a click racing the expiry job) cannot both act.
  const claim = consentClaim(b.id, hash, now);
  const mine = sql`b.id = ${b.id} and b.last_op = ${op}`;
  const results =
    decision === "grant"
      ? // Invariant (rules 3, 9): the held seat becomes confirmed and the confirmation is queued together.
        await db.batch([
          db.update(bookings).set({ status: "confirmed", consentTokenHash: null, holdExpiresAt: null, lastOp: op, updatedAt: now }).where(claim),
          enqueueForBookings(db, "booking_confirmed", mine, now),
        ])
      : // Invariant (rules 1, 3, 5, 9): refusal frees the seat, offers it on and tells the young person, all at once.
        await db.batch([
          db
            .update(bookings)
            .set({ status: "cancelled", cancelReason: "consent_refused", cancelledAt: now, consentTokenHash: null, holdExpiresAt: null, lastOp: op, updatedAt: now })
            .where(claim),
          ...releaseSeatsStatements(db, { sessionId: b.sessionId!, seats: b.seats, opId: op, freedBy: b.id, now }),
          enqueueForBookings(db, "consent_refused", mine, now, { payload: { reason: "refused" } }),
        ]);
  if (rowsAffected(results[0]) !== 1) throw unusable();
  return { bookingId: b.id, status: decision === "grant" ? ("confirmed" as const) : ("cancelled" as const) };
}
