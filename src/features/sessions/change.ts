// Coordinators changing a session (rules 1, 4, 5 and 6): its capacity, or moving it to a new time or place.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { bookings, sessions, venues } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { auditEntry } from "../bookings/audit";
import { loadSession } from "../bookings/lookups";
import { offerFreeSeatsStatements } from "../bookings/statements";
import { enqueueForBookings } from "../notifications/outbox";
import { reminderAfterMove, REMINDER_LEAD_MS } from "../notifications/reminders";
import { capacityCoversTaken, HOLDING, UPCOMING } from "../../rules/capacity";
import { countClashing, peopleClashingAt } from "../../rules/clash";
import { holdWithinNewStart } from "../../rules/waiting-list";
import { findVenueTaker, venueTakenExists } from "../../rules/shared-venues";
import { sessionOut } from "./schemas";
import { field, refuse } from "../../lib/refusal";

export interface SessionChange {
  capacity?: number;
  startsAt?: number;
  endsAt?: number;
  venueId?: string | null;
  onlineUrl?: string | null;
}

const RETRIES = 5;

/**
 * Applies a coordinator's change. More capacity is offered to the waiting list; less than
 * is taken is refused by the UPDATE's own guard; a new time or place bumps the calendar
 * SEQUENCE, moves every booking's copied times and tells everyone holding a seat.
 */
export async function changeSession(deps: Deps, actor: Actor, sessionId: string, change: SessionChange) {
  const { db, clock } = deps;
  if (change.venueId) {
    const [venue] = await db.select({ id: venues.id }).from(venues).where(eq(venues.id, change.venueId)).limit(1);
    if (!venue) throw refuse("session_venue_unknown", {}, { fields: [field("venueId", "no_such_venue_field")] });
  }
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const now = clock.now();
    const s = (await loadSession(deps, sessionId)).session;
    if (s.status === "cancelled") throw refuse("session_cancelled_no_change");
    // Everyone has been told the old time and may be on their way: no changes from the start.
    if (s.startsAt <= now) throw refuse("session_started_no_change");
    const startsAt = change.startsAt ?? s.startsAt;
    const endsAt = change.endsAt ?? s.endsAt;
    if (startsAt !== s.startsAt && startsAt <= now) {
      throw refuse("session_move_into_past", {}, { fields: [field("startsAt", "must_be_in_future")] });
    }
    if (endsAt <= startsAt) {
      throw refuse("session_end_before_start", {}, { fields: [field("endsAt", "must_be_after_starts_at")] });
    }
    const venueId = change.venueId !== undefined ? change.venueId : s.venueId;
    const onlineUrl = change.onlineUrl !== undefined ? change.onlineUrl : s.onlineUrl;
    // A new place follows the same rule as a new session: people need to know where to go,
    // and only one place.
    const placeChanged = change.venueId !== undefined || change.onlineUrl !== undefined;
    if (placeChanged && (venueId ? 1 : 0) + (onlineUrl ? 1 : 0) !== 1) {
      throw refuse("venue_or_link", {}, { fields: [field("venueId", "one_of_venue_or_link")] });
    }
    const moved = startsAt !== s.startsAt || endsAt !== s.endsAt || venueId !== s.venueId || onlineUrl !== s.onlineUrl;
    const capacity = change.capacity ?? s.capacity;
    // The state this change was decided on; if anything moved since, the batch does nothing
    // and we decide again. The capacity guard is here, not in the read above.
    const retimed = startsAt !== s.startsAt || endsAt !== s.endsAt;
    // Rule 16: a session moved in time or place must find the venue free then, in this same
    // guard, so two moves (or a move and a create) racing for one slot cannot both land.
    // Check-in opens before the start: once someone is through the door, the time is what
    // happened, so it stays (checked in inside this guard, so a scan racing the move wins).
    // Rule 4 holds for a move too: nobody booked here may end up holding another booking at
    // the new time, checked in the same guard so a booking racing the move cannot slip in.
    const guard = sql`exists (select 1 from sessions where id = ${sessionId} and status = 'scheduled'
      and sequence = ${s.sequence} and ${capacityCoversTaken(capacity)})
      and (${retimed ? 1 : 0} = 0 or (not exists (select 1 from bookings where session_id = ${sessionId} and checked_in_at is not null)
        and not exists (${peopleClashingAt(sessionId, startsAt, endsAt)})))
      and (${moved && venueId ? 1 : 0} = 0 or not ${venueTakenExists(venueId ?? "", startsAt, endsAt, sessionId)})`;
    const op = newId("op", now);
    // Invariant (rules 1, 5, 6, 9): the session, every booking's copied time, the offers that
    // new seats allow and the change emails commit together; capacity never drops below the
    // seats taken.
    const [, , , updated] = await db.batch([
      db
        .update(bookings)
        .set({ startsAt, endsAt, reminderSentAt: reminderAfterMove(startsAt, REMINDER_LEAD_MS), lastOp: op, updatedAt: now })
        .where(and(eq(bookings.sessionId, sessionId), sql`${bookings.status} in ${UPCOMING}`, moved ? guard : sql`0`)),
      // Holds never outlast the new time: offers end 2 h before the start, consent holds at it.
      db
        .update(bookings)
        .set({
          holdExpiresAt: holdWithinNewStart(startsAt),
        })
        .where(and(eq(bookings.sessionId, sessionId), sql`${bookings.status} in ('pending_consent', 'offered')`, moved ? guard : sql`0`)),
      // Before the update, under the same guard: written exactly when the update applies.
      auditEntry(db, actor, "session.changed", { type: "session", id: sessionId }, now, {
        detail: { ...change, before: { capacity: s.capacity, startsAt: s.startsAt, endsAt: s.endsAt, venueId: s.venueId, onlineUrl: s.onlineUrl } },
        onlyIf: guard,
      }),
      db
        .update(sessions)
        .set({ capacity, startsAt, endsAt, venueId, onlineUrl, sequence: moved ? s.sequence + 1 : s.sequence, updatedAt: now })
        .where(and(eq(sessions.id, sessionId), guard)),
      enqueueForBookings(db, "session_changed", sql`b.session_id = ${sessionId} and b.last_op = ${op} and b.status in ${HOLDING}`, now),
      ...offerFreeSeatsStatements(db, { sessionId, opId: op, now }),
    ]);
    if (rowsAffected(updated) === 1) return sessionOut((await loadSession(deps, sessionId)).session);
    const fresh = (await loadSession(deps, sessionId)).session;
    if (fresh.status === "cancelled") throw refuse("session_cancelled_no_change");
    if (retimed && (await anyoneCheckedIn(deps, sessionId))) {
      throw refuse("check_in_begun_no_move", {}, { fields: [field("startsAt", "check_in_has_begun")] });
    }
    const clashing = retimed ? await countClashing(deps, sessionId, startsAt, endsAt) : 0;
    if (clashing > 0) {
      throw refuse("move_clashes", { count: clashing }, { extra: { peopleClashing: clashing }, fields: [field("startsAt", "clashes_with_booked")] });
    }
    const taker = moved && venueId ? await findVenueTaker(deps, venueId, [{ startsAt, endsAt }], sessionId) : null;
    if (taker) {
      const facts = { event: taker.title, at: { at: taker.startsAt } };
      throw refuse("venue_taken", facts, { extra: { sessionId: taker.sessionId }, fields: [field(venueId !== s.venueId ? "venueId" : "startsAt", "venue_taken_by", facts)] });
    }
    if (fresh.seatsTaken > capacity) {
      throw refuse("capacity_below_seats", { taken: fresh.seatsTaken }, { extra: { seatsTaken: fresh.seatsTaken }, fields: [field("capacity", "must_be_at_least", { min: fresh.seatsTaken })] });
    }
  }
  throw refuse("session_busy");
}

async function anyoneCheckedIn({ db }: Deps, sessionId: string): Promise<boolean> {
  const [row] = await db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.sessionId, sessionId), isNotNull(bookings.checkedInAt))).limit(1);
  return row !== undefined;
}
