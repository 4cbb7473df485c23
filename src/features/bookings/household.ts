// A parent or carer books places for their household at a family event (issue #16 item 10):
// adults + children seats in ONE guarded write (rule 1), or a refusal; no account for the
// children, nothing stored about them but how many.
import { sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import { bookings } from "../../db/schema";
import { newId, newTicketCode } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { HOLDING, seatsFit, seatsLeft, takeSeatsStatement } from "../../rules/capacity";
import { householdSeats, isForFamilies } from "../../rules/families";
import { enqueueForBookings } from "../notifications/outbox";
import { assertBookable, loadSession } from "./lookups";
import { bookingOut } from "./view";

export interface HouseholdInput {
  adults: number;
  children: number;
  accessNeeds?: string;
}

/** The household's live booking for a session, if it has one: a parent books once per session. */
const householdBooked = (sessionId: string, personId: string) =>
  sql`exists (select 1 from bookings h where h.session_id = ${sessionId} and h.person_id = ${personId} and h.kind = 'family' and h.status in ${HOLDING})`;

export async function bookHousehold(deps: Deps, actor: Extract<Actor, { kind: "person" }>, sessionId: string, input: HouseholdInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const { session, event } = await loadSession(deps, sessionId);
  assertBookable(session, now);
  if (!isForFamilies(event)) throw refuse("household_families_only");
  const seats = householdSeats(input);
  const id = newId("bkg", now);
  const op = newId("op", now);
  // Invariant (rules 1, 9): every seat of the household is taken only if all of them are free
  // when the batch runs, and only once per parent per session; the counter and the
  // confirmation go with it. No waiting list: a household comes together or not at all.
  const [[row]] = await db.batch([
    insertSelect(
      db,
      bookings,
      {
        id,
        kind: "family",
        sessionId,
        personId: actor.person.id,
        staff: input.adults,
        pupils: input.children,
        seats,
        status: "confirmed",
        startsAt: sql`s.starts_at`,
        endsAt: sql`s.ends_at`,
        accessNeeds: input.accessNeeds ?? "",
        ticketCode: newTicketCode(),
        lastOp: op,
        createdAt: now,
        updatedAt: now,
      },
      sql`from sessions s where s.id = ${sessionId} and s.status = 'scheduled' and s.starts_at > ${now} and ${seatsFit(seats)} and not ${householdBooked(sessionId, actor.person.id)}`,
    ).returning(),
    takeSeatsStatement(db, { sessionId, seats, opId: op, heldBy: id, now }),
    enqueueForBookings(db, "booking_confirmed", sql`b.id = ${id} and b.last_op = ${op}`, now),
  ]);
  if (row) return bookingOut(row);
  const { session: fresh } = await loadSession(deps, sessionId);
  assertBookable(fresh, clock.now());
  const [{ booked }] = (await db.all(sql`select ${householdBooked(sessionId, actor.person.id)} as booked`)) as [{ booked: number }];
  if (booked) throw refuse("already_has_place");
  const left = seatsLeft(fresh);
  throw left === 0 ? refuse("household_session_full", {}, { extra: { seatsLeft: 0 } }) : refuse("household_seats_short", { seatsLeft: left, wanted: seats }, { extra: { seatsLeft: left } });
}
