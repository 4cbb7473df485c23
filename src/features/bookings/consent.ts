// Guardian consent (rule 3, issue #14): the emailed one-time token is the guardian's only
// credential. It answers once (yes or no); after that the same link shows the decision and,
// for a yes, lets the guardian take it back until the session starts.
import { and, eq, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookings } from "../../db/schema";
import { newId, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { enqueueForBookings } from "../notifications/outbox";
import { auditEntry } from "./audit";
import { consentUrl } from "./book";
import { releaseSeatsStatements } from "./statements";
import { consentClaim, consentOpen } from "../../rules/consent";
import { refuse } from "../../lib/refusal";

export type ConsentDecision = "grant" | "refuse" | "withdraw";

const unusable = () => refuse("consent_link_unusable");

/**
 * Grants (→ confirmed) or refuses (→ cancelled, seat offered on) a pending booking, once; or
 * withdraws a yes (→ cancelled, seat offered on) before the session starts. The guardian is
 * sent a record of what they decided, with the same link, in the same write.
 */
export async function decideConsent(deps: Deps, token: string, decision: ConsentDecision) {
  if (decision === "withdraw") return withdrawConsent(deps, token);
  const { db, clock } = deps;
  const now = clock.now();
  const hash = await sha256Hex(token);
  const [b] = await db.select().from(bookings).where(eq(bookings.consentTokenHash, hash)).limit(1);
  if (!b || !consentOpen(b, now)) throw unusable();
  const op = newId("op", now);
  // The status changes in the same statement that uses the token, and only while the hold is
  // open: two clicks on the link (or a click racing the expiry job) cannot both act. The
  // token's hash stays, so the link goes on showing the decision (and can withdraw a yes).
  const claim = consentClaim(b.id, hash, now);
  const mine = sql`b.id = ${b.id} and b.last_op = ${op}`;
  const done = sql`exists (select 1 from bookings where id = ${b.id} and last_op = ${op})`;
  const record = (decided: "granted" | "refused") =>
    enqueueForBookings(db, "consent_decided", mine, now, { to: "guardian", payload: { decision: decided, consentUrl: consentUrl(deps, token) } });
  const results =
    decision === "grant"
      ? // Invariant (rules 3, 9, 14): the held seat becomes confirmed, and the confirmation, the
        // guardian's record and the audit entry are queued together.
        await db.batch([
          db.update(bookings).set({ status: "confirmed", holdExpiresAt: null, lastOp: op, updatedAt: now }).where(claim),
          enqueueForBookings(db, "booking_confirmed", mine, now),
          record("granted"),
          auditEntry(db, null, "booking.consent_granted", { type: "booking", id: b.id }, now, { detail: { by: "guardian" }, onlyIf: done }),
        ])
      : // Invariant (rules 1, 3, 5, 9, 14): refusal frees the seat, offers it on and tells the young person, all at once.
        await db.batch([
          db.update(bookings).set({ status: "cancelled", cancelReason: "consent_refused", cancelledAt: now, holdExpiresAt: null, lastOp: op, updatedAt: now }).where(claim),
          ...releaseSeatsStatements(db, { sessionId: b.sessionId!, seats: b.seats, opId: op, freedBy: b.id, now }),
          enqueueForBookings(db, "consent_refused", mine, now, { payload: { reason: "refused" } }),
          record("refused"),
          auditEntry(db, null, "booking.consent_refused", { type: "booking", id: b.id }, now, { detail: { by: "guardian" }, onlyIf: done }),
        ]);
  if (rowsAffected(results[0]) !== 1) throw unusable();
  return { bookingId: b.id, status: decision === "grant" ? ("confirmed" as const) : ("cancelled" as const) };
}

/**
 * The guardian takes back a yes: like a cancellation, the booking is cancelled, its seat freed
 * and offered to the first person waiting, the young person told (with the calendar entry taken
 * out) and the guardian sent a record, in one write. Only a confirmed place whose session has
 * not started, and only through the link that said yes.
 */
async function withdrawConsent(deps: Deps, token: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const hash = await sha256Hex(token);
  const [b] = await db.select().from(bookings).where(eq(bookings.consentTokenHash, hash)).limit(1);
  if (!b || !b.sessionId || b.guardianEmail === null) throw unusable();
  if (b.status !== "confirmed" || b.startsAt <= now) throw refuse("consent_not_withdrawable");
  const op = newId("op", now);
  const mine = sql`b.id = ${b.id} and b.last_op = ${op}`;
  // Invariant (rules 1, 3, 5, 9, 14): the yes is withdrawn only while the place is still a
  // confirmed one before its session starts (guarded here, so a click racing a cancellation or
  // the start cannot free the seat twice); the seat, the offer to the next person, both emails
  // and the audit entry commit with it or not at all.
  const [withdrawn] = await db.batch([
    db
      .update(bookings)
      .set({ status: "cancelled", cancelReason: "consent_withdrawn", cancelledAt: now, holdExpiresAt: null, lastOp: op, updatedAt: now, sequence: sql`${bookings.sequence} + 1` })
      .where(
        and(
          eq(bookings.id, b.id),
          eq(bookings.consentTokenHash, hash),
          eq(bookings.status, "confirmed"),
          sql`exists (select 1 from sessions s where s.id = ${b.sessionId} and s.starts_at > ${now})`,
        ),
      ),
    ...releaseSeatsStatements(db, { sessionId: b.sessionId, seats: b.seats, opId: op, freedBy: b.id, now }),
    enqueueForBookings(db, "consent_refused", mine, now, { payload: { reason: "withdrawn" } }),
    enqueueForBookings(db, "consent_decided", mine, now, { to: "guardian", payload: { decision: "withdrawn", consentUrl: consentUrl(deps, token) } }),
    auditEntry(db, null, "booking.consent_withdrawn", { type: "booking", id: b.id }, now, { detail: { by: "guardian" }, onlyIf: sql`exists (select 1 from bookings where id = ${b.id} and last_op = ${op})` }),
  ]);
  if (rowsAffected(withdrawn) !== 1) throw refuse("consent_not_withdrawable");
  return { bookingId: b.id, status: "cancelled" as const };
}
