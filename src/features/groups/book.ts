// Booking a school group onto a session (rules 1 and 7): pupils + staff seats, or a refusal.
import { and, eq, sql } from "drizzle-orm";
import { bookings, organisations } from "../../db/schema";
import { newId, newTicketCode } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { assertBookable, loadSession } from "../bookings/lookups";
import { insertSelect } from "../../db/conditional";
import { enqueueForBookings } from "../notifications/outbox";
import { seatsFit, seatsLeft, takeSeatsStatement } from "../../rules/capacity";
import { bookingOut } from "../bookings/view";
import { field, refuse } from "../../lib/refusal";
import { assertRatio, assertRoster, fullProblem } from "../../rules/groups";

export interface GroupInput {
  schoolId: string;
  pupils: number;
  staff: number;
  accessNeeds?: string;
  roster?: string[];
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
