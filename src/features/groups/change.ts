// Growing or shrinking a school group (rules 1, 5 and 7): seats taken or freed in the same write.
import { and, eq, sql } from "drizzle-orm";
import { bookings } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { assertBookable, loadSession, loadVisibleBooking } from "../bookings/lookups";
import { enqueueForBookings } from "../notifications/outbox";
import { releaseSeatsStatements } from "../bookings/statements";
import { seatsFit, seatsLeft, takeSeatsStatement } from "../../rules/capacity";
import { bookingOut } from "../bookings/view";
import { refuse } from "../../lib/refusal";
import { assertRatio, assertRoster, fullProblem } from "../../rules/groups";

const RETRIES = 5;

export interface GroupChange {
  pupils?: number;
  staff?: number;
  accessNeeds?: string;
  roster?: string[] | null;
}

/** Grows (if seats are free) or shrinks (freeing seats to the waiting list) a group. */
export async function changeGroupBooking(deps: Deps, actor: Actor, bookingId: string, change: GroupChange) {
  const { db, clock } = deps;
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const now = clock.now();
    const b = await loadVisibleBooking(deps, actor, bookingId);
    if (b.kind !== "group" || !b.sessionId) throw refuse("no_such_group_booking");
    if (b.status !== "confirmed") throw refuse("group_booking_closed");
    const { session, event } = await loadSession(deps, b.sessionId);
    if (!isCoordinator(actor)) assertBookable(session, now);
    const pupils = change.pupils ?? b.pupils;
    const staff = change.staff ?? b.staff;
    assertRatio(pupils, staff, event.pupilsPerStaff);
    const roster = change.roster !== undefined ? change.roster : b.roster;
    assertRoster(roster ?? undefined, pupils);
    const seats = pupils + staff;
    const delta = seats - b.seats;
    const op = newId("op", now);
    const sameAsRead = and(eq(bookings.id, b.id), eq(bookings.status, "confirmed"), eq(bookings.seats, b.seats));
    const hasRoom = sql`exists (select 1 from sessions where id = ${b.sessionId} and status = 'scheduled' and ${seatsFit(delta, "sessions")})`;
    const update = db
      .update(bookings)
      .set({ pupils, staff, seats, roster, accessNeeds: change.accessNeeds ?? b.accessNeeds, lastOp: op, updatedAt: now, sequence: sql`${bookings.sequence} + 1` })
      .where(delta > 0 ? and(sameAsRead, hasRoom) : sameAsRead)
      .returning();
    const notify = enqueueForBookings(db, "group_changed", sql`b.id = ${b.id} and b.last_op = ${op}`, now);
    // Invariant (rules 1, 5, 7, 9): the group's size and the session's counter change together
    // (growing only into free seats; shrinking offers the freed seats to the waiting list in
    // the same write), guarded by the size we read so a concurrent change is not lost.
    const [changed] = await db.batch(
      delta > 0
        ? [update, takeSeatsStatement(db, { sessionId: b.sessionId, seats: delta, opId: op, heldBy: b.id, now }), notify]
        : delta < 0
          ? [update, ...releaseSeatsStatements(db, { sessionId: b.sessionId, seats: -delta, opId: op, freedBy: b.id, now }), notify]
          : [update, notify],
    );
    // The row as the update left it; the statements after it don't change the booking.
    if (changed[0]) return bookingOut(changed[0]);
    const [now2] = await db.select().from(bookings).where(eq(bookings.id, b.id)).limit(1);
    if (now2?.seats === b.seats && now2.status === "confirmed" && delta > 0) {
      const { session: fresh } = await loadSession(deps, b.sessionId);
      if (fresh.status === "cancelled") assertBookable(fresh, now);
      throw fullProblem(seatsLeft(fresh), delta);
    }
  }
  throw refuse("group_booking_busy");
}
