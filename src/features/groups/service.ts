// School group bookings (rule 7): pupils + staff seats, staff ratio, grow, shrink, cancel.
import { and, eq, sql } from "drizzle-orm";
import { bookings, organisations } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId, newTicketCode } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { assertBookable, loadSession, loadVisibleBooking } from "../bookings/lookups";
import { insertSelect } from "../../db/conditional";
import { enqueueForBookings } from "../notifications/outbox";
import { releaseSeatsStatements } from "../bookings/statements";
import { seatsFit, seatsLeft, takeSeatsStatement } from "../../rules/capacity";
import { bookingOut } from "../bookings/view";
import { field, refuse } from "../../lib/refusal";

export interface GroupInput {
  schoolId: string;
  pupils: number;
  staff: number;
  accessNeeds?: string;
  roster?: string[];
}

const RETRIES = 5;

/** Staff needed for a group: at least one, and one for every `pupilsPerStaff` pupils. */
export function staffNeeded(pupils: number, pupilsPerStaff: number) {
  return Math.max(1, Math.ceil(pupils / pupilsPerStaff));
}

function assertRatio(pupils: number, staff: number, pupilsPerStaff: number) {
  const needed = staffNeeded(pupils, pupilsPerStaff);
  if (staff < needed) {
    throw refuse("group_ratio_short", { pupils, needed, pupilsPerStaff, staff }, { extra: { staffNeeded: needed }, fields: [field("staff", "must_be_at_least", { min: needed })] });
  }
}

function assertRoster(roster: string[] | undefined, pupils: number) {
  if (roster && roster.length > pupils) {
    throw refuse("roster_too_long", { names: roster.length, pupils }, { fields: [field("roster", "at_most_names", { max: pupils })] });
  }
}

function fullProblem(seatsLeft: number, wanted: number) {
  return seatsLeft === 0 ? refuse("group_session_full", {}, { extra: { seatsLeft } }) : refuse("group_seats_short", { seatsLeft, wanted }, { extra: { seatsLeft } });
}

/** Books a group for the caller's own school; takes pupils + staff seats or refuses. */
export async function createGroupBooking(deps: Deps, actor: Actor, sessionId: string, input: GroupInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const isOwnSchool = actor.kind === "api_key" ? actor.organisationId === input.schoolId : actor.organisationIds.includes(input.schoolId);
  if (!isOwnSchool) throw refuse("own_school_only");
  const [school] = await db.select().from(organisations).where(eq(organisations.id, input.schoolId)).limit(1);
  if (school?.type !== "school") throw refuse("schools_only_groups", {}, { fields: [field("schoolId", "not_a_school")] });
  const { session, event } = await loadSession(deps, sessionId);
  assertBookable(session, now);
  if (!event.groupsAllowed) throw refuse("event_no_groups");
  assertRatio(input.pupils, input.staff, event.pupilsPerStaff);
  assertRoster(input.roster, input.pupils);

  const seats = input.pupils + input.staff;
  const id = newId("bkg", now);
  const op = newId("op", now);
  const bookerId = actor.kind === "person" ? actor.person.id : null;
  // Invariant (rules 1, 7, 9): the group's seats are taken only if all of them are free when
  // the batch runs (no waiting list for groups); the counter and the confirmation go with it.
  const [[row]] = await db.batch([
    insertSelect(
      db,
      bookings,
      {
        id,
        kind: "group",
        sessionId,
        personId: bookerId,
        organisationId: input.schoolId,
        pupils: input.pupils,
        staff: input.staff,
        seats,
        status: "confirmed",
        startsAt: sql`s.starts_at`,
        endsAt: sql`s.ends_at`,
        accessNeeds: input.accessNeeds ?? "",
        roster: input.roster ?? null,
        ticketCode: newTicketCode(),
        lastOp: op,
        createdAt: now,
        updatedAt: now,
      },
      sql`from sessions s where s.id = ${sessionId} and s.status = 'scheduled' and s.starts_at > ${now} and ${seatsFit(seats)}`,
    ).returning(),
    takeSeatsStatement(db, { sessionId, seats, opId: op, heldBy: id, now }),
    enqueueForBookings(db, "group_confirmed", sql`b.id = ${id} and b.last_op = ${op}`, now),
  ]);
  if (row) return bookingOut(row);
  const { session: fresh } = await loadSession(deps, sessionId);
  assertBookable(fresh, clock.now());
  throw fullProblem(seatsLeft(fresh), seats);
}

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

/** A group booking visible to the caller (school staff, coordinators), for the group routes. */
export async function loadGroupBooking(deps: Deps, actor: Actor, bookingId: string) {
  const b = await loadVisibleBooking(deps, actor, bookingId);
  if (b.kind !== "group") throw refuse("no_such_group_booking");
  return b;
}

