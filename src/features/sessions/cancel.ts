// A coordinator cancelling a session (rule 6): every booking on it cancelled, everyone told.
import { and, asc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookings, sessions } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { UPCOMING, usedSeats } from "../../rules/capacity";
import { auditEntry } from "../bookings/audit";
import { loadSession } from "../bookings/lookups";
import { enqueueForBookings } from "../notifications/outbox";
import { sessionOut } from "./schemas";
import { refuse } from "../../lib/refusal";

/** How many other dates a cancellation email offers. */
const OTHER_DATES = 5;

/**
 * Cancels the session and every booking on it, telling each person (calendar CANCEL) why, if
 * the coordinator said, and which other dates of the same event still have seats.
 */
export async function cancelSession(deps: Deps, actor: Actor, sessionId: string, input: { reason?: string } = {}) {
  const { db, clock } = deps;
  const now = clock.now();
  const s = (await loadSession(deps, sessionId)).session;
  // The other dates as they are now: the email is about this moment's choices, not a promise.
  const others = await db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.eventId, s.eventId), ne(sessions.id, sessionId), eq(sessions.status, "scheduled"), gt(sessions.startsAt, now), lt(sessions.seatsTaken, sessions.capacity)))
    .orderBy(asc(sessions.startsAt))
    .limit(OTHER_DATES);
  const reason = input.reason?.trim();
  if (s.status === "cancelled") throw refuse("session_already_cancelled");
  // Once it has started, what happened is recorded by check-in and no-shows, not undone.
  if (s.startsAt <= now) throw refuse("session_started_no_cancel");
  const op = newId("op", now);
  const stillScheduled = sql`exists (select 1 from sessions where id = ${sessionId} and status = 'scheduled')`;
  const cancel = db
    .update(bookings)
    .set({ status: "cancelled", cancelReason: "session_cancelled", cancelledAt: now, holdExpiresAt: null, consentTokenHash: null, lastOp: op, updatedAt: now, sequence: sql`${bookings.sequence} + 1` })
    .where(and(eq(bookings.sessionId, sessionId), sql`${bookings.status} in ${UPCOMING}`, stillScheduled));
  // Invariant (rules 1, 6, 9): the session and all its bookings are cancelled together, its
  // held seats are released with them, and everyone's cancellation is queued in the same write.
  // The messages come first, while each booking's status still says whether it ever had an
  // invite (only a confirmed place did): the others are told without a calendar CANCEL. The
  // same guard as the update, in the same batch, so they are written exactly for its rows.
  const [, cancelled, , [after]] = await db.batch([
    enqueueForBookings(db, "session_cancelled", sql`b.session_id = ${sessionId} and b.status in ${UPCOMING} and ${stillScheduled}`, now, {
      payload: {
        invited: sql`b.status = 'confirmed'`,
        eventId: s.eventId,
        otherDates: sql`json(${JSON.stringify(others)})`,
        ...(reason ? { reason } : {}),
      },
    }),
    cancel,
    auditEntry(db, actor, "session.cancelled", { type: "session", id: sessionId }, now, { onlyIf: stillScheduled }),
    db
      .update(sessions)
      // Only seats already used (attended / no_show) stay counted; every held seat is released.
      .set({ status: "cancelled", seatsTaken: usedSeats(sessionId), updatedAt: now }).where(and(eq(sessions.id, sessionId), eq(sessions.status, "scheduled")))
      .returning(),
  ]);
  // The session update is the batch's last statement, so the row it returns is the final one.
  if (!after) throw refuse("session_already_cancelled");
  return { ...sessionOut(after), bookingsCancelled: rowsAffected(cancelled) };
}
