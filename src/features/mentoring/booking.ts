import { isUniqueViolation } from "../../lib/constraint";
import { and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, mentoringSlots, mentors, people, SEAT_HOLDING_STATUSES, venues } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId, newTicketCode } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor, Person } from "../../lib/env";
import { londonDate } from "../../lib/time";
import { clashExists, findClash } from "../../rules/clash";
import { guardianEmailIsAChilds } from "../../rules/consent";
import { field, refuse } from "../../lib/refusal";
import { atMentoringCap, dbsProblemOn, dbsValidSql, MENTORING_GUARDIAN_AGE, minorOn, needsMentoringGuardian, underMentoringCap } from "../../rules/safeguarding";
import { bookingStampedBy, insertSelect } from "../../db/conditional";
import { enqueueIf } from "../notifications/outbox";
import { managesMentor, type Mentor } from "./mentors";
import { mentoringNotices, type Audience } from "./notices";

export type Booking = typeof bookings.$inferSelect;

const slotTaken = () => refuse("slot_just_taken");

export interface BookingRow {
  id: string;
  slotId: string;
  personId: string;
  ticketCode: string;
  guardianEmail: string | null;
  op: string;
  now: number;
}

/**
 * The mentoring booking INSERT ... SELECT: the row is copied from the slot (so its times are
 * the slot's at the moment of writing) and written only when every condition in `guard`
 * holds at that moment. Exported so the concurrency tests can show what happens without it.
 */
export function bookingInsert(db: Db, b: BookingRow, guard: SQL) {
  return insertSelect(
    db,
    bookings,
    {
      id: b.id,
      kind: "mentoring",
      slotId: sql`s.id`,
      personId: b.personId,
      status: "confirmed",
      startsAt: sql`s.starts_at`,
      endsAt: sql`s.ends_at`,
      ticketCode: b.ticketCode,
      guardianEmail: b.guardianEmail,
      seats: 1,
      lastOp: b.op,
      createdAt: b.now,
      updatedAt: b.now,
    },
    sql`FROM mentoring_slots AS s JOIN mentors AS m ON m.id = s.mentor_id WHERE s.id = ${b.slotId} AND ${guard}`,
  );
}

/**
 * Rule 8 and rule 4 as one condition on the slot `s` and its mentor `m`, checked by the write
 * itself: the slot is still open and unchanged since we read it (so the DBS date we checked
 * is the slot's date), the young person is under the cap of future mentoring bookings and has
 * nothing else at that time, and, for an under-18, the mentor's DBS is valid on the day.
 */
function bookingGuard(slot: typeof mentoringSlots.$inferSelect, personId: string, needsDbs: boolean, cap: number, now: number): SQL {
  const day = londonDate(slot.startsAt);
  return sql`s.status = 'open' AND s.sequence = ${slot.sequence} AND s.starts_at > ${now}
    AND ${underMentoringCap(personId, now, cap)}
    AND NOT ${clashExists(personId, sql`s.starts_at`, sql`s.ends_at`)}
    ${needsDbs ? sql`AND ${dbsValidSql(day)}` : sql``}`;
}

export async function bookSlot(deps: Deps, person: Person, slotId: string, input: { guardianEmail?: string }): Promise<Booking> {
  const { db, clock, config } = deps;
  if (!person.isYoungPerson) throw refuse("mentoring_young_people_only");
  const [row] = await db
    .select({ slot: mentoringSlots, mentor: mentors })
    .from(mentoringSlots)
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .where(eq(mentoringSlots.id, slotId))
    .limit(1);
  if (!row || row.slot.status === "withdrawn") throw refuse("no_such_slot");
  const { slot, mentor } = row;
  const now = clock.now();
  if (slot.startsAt <= now) throw refuse("slot_started");
  if (!person.dateOfBirth) throw refuse("mentoring_needs_birthday");
  const day = londonDate(slot.startsAt);
  const needsGuardian = needsMentoringGuardian(person.dateOfBirth, day);
  if (needsGuardian && !input.guardianEmail) {
    throw refuse("mentoring_guardian_needed", { age: MENTORING_GUARDIAN_AGE }, { fields: [field("guardianEmail", "required_under_16")] });
  }
  // Issue #14: the guardian's copy goes to an adult, never to the child or another child.
  if (needsGuardian && (await guardianEmailIsAChilds(db, person, input.guardianEmail!, slot.startsAt))) {
    throw refuse("guardian_email_is_a_childs", {}, { fields: [field("guardianEmail", "guardian_must_be_adult")] });
  }
  const needsDbs = minorOn(person, day);
  const dbsProblem = needsDbs ? dbsProblemOn(mentor, day) : null;
  if (dbsProblem) throw refuse(dbsProblem);

  const b: BookingRow = {
    id: newId("bkg", now),
    slotId,
    personId: person.id,
    ticketCode: newTicketCode(),
    guardianEmail: needsGuardian ? input.guardianEmail! : null,
    op: newId("op", now),
    now,
  };
  const stamped = bookingStampedBy(b.id, b.op);
  const audiences: Audience[] = ["young_person", "mentor", "safeguarding", ...(needsGuardian ? (["guardian"] as const) : [])];
  const notices = mentoringNotices(
    "mentoring_confirmed",
    { bookingId: b.id, youngPerson: person, mentorEmail: mentor.email, guardianEmail: b.guardianEmail, safeguardingEmail: config.safeguardingEmail },
    audiences,
  );
  let inserted: Booking[];
  try {
    // One batch: the booking, the slot marked booked, and the confirmations to the young
    // person, mentor, safeguarding contact (and guardian) exist together or not at all. The
    // guard in the INSERT decides; bookings_one_per_slot is the backstop for one per slot.
    [inserted] = await db.batch([
      bookingInsert(db, b, bookingGuard(slot, person.id, needsDbs, config.maxFutureMentoringBookings, now)).returning(),
      db.update(mentoringSlots).set({ status: "booked" }).where(and(eq(mentoringSlots.id, slotId), stamped)),
      ...notices.map((m) => enqueueIf(db, m, now, stamped)),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw slotTaken();
    throw err;
  }
  return inserted[0] ?? (await explainRefusal(deps, person, slot.id, needsDbs));
}

/** The write said no: find out which rule did, reading the state as it is now. */
async function explainRefusal(deps: Deps, person: Person, slotId: string, needsDbs: boolean): Promise<never> {
  const [row] = await deps.db.select({ slot: mentoringSlots, mentor: mentors }).from(mentoringSlots).innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId)).where(eq(mentoringSlots.id, slotId));
  const { slot, mentor } = row!;
  if (slot.status !== "open") throw slotTaken();
  if (await atMentoringCap(deps, person.id)) {
    throw refuse("mentoring_cap_reached", { max: deps.config.maxFutureMentoringBookings });
  }
  if (await findClash(deps, person.id, slot.startsAt, slot.endsAt)) throw refuse("mentoring_clash");
  const dbsProblem = needsDbs ? dbsProblemOn(mentor, londonDate(slot.startsAt)) : null;
  if (dbsProblem) throw refuse(dbsProblem);
  throw refuse("slot_changed_while_booking");
}

export interface MentoringBookingView {
  booking: Booking;
  slot: typeof mentoringSlots.$inferSelect;
  mentor: Mentor;
  person: Person;
  venue: typeof venues.$inferSelect | null;
}

/** A mentoring booking, for the booked young person, the mentor's side or a coordinator only (404 for anyone else). */
export async function getMentoringBooking(deps: Deps, actor: Actor, bookingId: string): Promise<MentoringBookingView> {
  const [row] = await deps.db
    .select({ booking: bookings, slot: mentoringSlots, mentor: mentors, person: people, venue: venues })
    .from(bookings)
    .innerJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .innerJoin(people, eq(people.id, bookings.personId))
    .leftJoin(venues, eq(venues.id, mentoringSlots.venueId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.kind, "mentoring")))
    .limit(1);
  const mine = row && actor.kind === "person" && actor.person.id === row.booking.personId;
  if (!row || !(mine || isCoordinator(actor) || managesMentor(actor, row.mentor))) {
    throw refuse("no_visible_mentoring_booking");
  }
  return row;
}

function cancelledBy(actor: Actor, booking: Booking, mentor: Mentor): "young_person" | "mentor" | "coordinator" {
  if (actor.kind === "api_key") return "mentor";
  if (actor.person.id === booking.personId) return "young_person";
  const mentorSide = actor.organisationIds.includes(mentor.organisationId) || actor.person.id === mentor.personId;
  return mentorSide ? "mentor" : "coordinator";
}

/**
 * After a cancellation in the same batch (`cancelled`: its stamp is on the booking), the slot
 * is free for someone else again. A withdrawn slot stays withdrawn. Shared with erasure.
 */
export function reopenSlotStatement(db: Db, slotId: string, cancelled: SQL) {
  return db.update(mentoringSlots).set({ status: "open" }).where(and(eq(mentoringSlots.id, slotId), eq(mentoringSlots.status, "booked"), cancelled));
}

/** Either side cancels before the start: booking cancelled, slot open again, both told; one batch. */
export async function cancelMentoringBooking(deps: Deps, actor: Actor, bookingId: string): Promise<MentoringBookingView> {
  const view = await getMentoringBooking(deps, actor, bookingId);
  const { booking, slot, mentor, person } = view;
  const now = deps.clock.now();
  if (!(SEAT_HOLDING_STATUSES as readonly string[]).includes(booking.status)) throw refuse("mentoring_already_cancelled");
  if (booking.startsAt <= now) throw refuse("mentoring_started_no_cancel");
  const by = cancelledBy(actor, booking, mentor);
  const op = newId("op", now);
  const stamped = bookingStampedBy(booking.id, op);
  const { db } = deps;
  const [[cancelled], [reopened]] = await db.batch([
    db
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: `cancelled_by_${by}`, lastOp: op, updatedAt: now })
      .where(and(eq(bookings.id, booking.id), inArray(bookings.status, [...SEAT_HOLDING_STATUSES]), gt(bookings.startsAt, now)))
      .returning(),
    reopenSlotStatement(db, slot.id, stamped).returning(),
    ...mentoringNotices(
      "mentoring_cancelled",
      { bookingId: booking.id, youngPerson: person, mentorEmail: mentor.email, guardianEmail: booking.guardianEmail, safeguardingEmail: deps.config.safeguardingEmail },
      ["young_person", "mentor", "guardian"],
      { cancelledBy: by },
    ).map((m) => enqueueIf(db, m, now, stamped)),
  ]);
  if (!cancelled) throw refuse("mentoring_changed_reload");
  // The batch returns both rows it changed (a withdrawn slot is not reopened, so it stays as read).
  return { ...view, booking: cancelled, slot: reopened ?? slot };
}
