import { and, eq, inArray, sql } from "drizzle-orm";
import { bookings, mentoringSlots, SEAT_HOLDING_STATUSES } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ageOn, londonDate } from "../../lib/time";
import { clashExists, findClash } from "../../rules/clash";
import { dbsValidOn, minorOn } from "../../rules/safeguarding";
import { bookingStampedBy } from "../../db/conditional";
import { enqueueIf } from "../notifications/outbox";
import { MENTORING_REMINDER_LEAD_MS, reminderAfterMove } from "../notifications/reminders";
import { bookableSlots } from "./finder";
import { mentoringNotices } from "./notices";
import { checkMentorFree, checkPlace, checkTimes, liveBookingOnSlot, slotForManager, type Slot, type SlotPlace } from "./slots";
import { refuse } from "../../lib/refusal";

export interface SlotChange {
  startsAt?: string;
  endsAt?: string;
  mode?: SlotPlace["mode"];
  meetingUrl?: string;
  venueId?: string;
}

const changedMeanwhile = () => refuse("slot_changed_while_editing");

/**
 * Edits a slot. If it is booked, this is a reschedule: the booking's copied times move with
 * it, the slot's sequence goes up (so calendars replace the old invite) and both sides are
 * told, all in one batch.
 */
export async function updateSlot(deps: Deps, actor: Actor, slotId: string, change: SlotChange): Promise<Slot> {
  const { slot, mentor } = await slotForManager(deps, actor, slotId);
  const now = deps.clock.now();
  if (slot.status === "withdrawn") throw refuse("slot_withdrawn_no_change");
  if (slot.startsAt <= now) throw refuse("slot_started");

  const startsAt = change.startsAt ? Date.parse(change.startsAt) : slot.startsAt;
  const endsAt = change.endsAt ? Date.parse(change.endsAt) : change.startsAt ? startsAt + (slot.endsAt - slot.startsAt) : slot.endsAt;
  const mode = change.mode ?? slot.mode;
  const place: SlotPlace =
    mode === "online"
      ? { mode, meetingUrl: change.meetingUrl ?? (slot.mode === "online" ? (slot.meetingUrl ?? undefined) : undefined), venueId: change.venueId }
      : { mode, venueId: change.venueId ?? (slot.mode === "in_person" ? (slot.venueId ?? undefined) : undefined), meetingUrl: change.meetingUrl };
  checkTimes(startsAt, endsAt, now);
  await checkPlace(deps, place);
  if (startsAt !== slot.startsAt || endsAt !== slot.endsAt) await checkMentorFree(deps, mentor.id, [{ startsAt, endsAt }], slot.id);

  const values = {
    startsAt,
    endsAt,
    mode,
    meetingUrl: mode === "online" ? place.meetingUrl! : null,
    venueId: mode === "in_person" ? place.venueId! : null,
  };

  const live = slot.status === "booked" ? await liveBookingOnSlot(deps, slot.id) : null;
  const { db } = deps;
  const sameSlot = and(eq(mentoringSlots.id, slot.id), eq(mentoringSlots.status, slot.status), eq(mentoringSlots.sequence, slot.sequence));

  if (!live) {
    const res = await db.update(mentoringSlots).set(values).where(sameSlot).returning();
    if (!res[0]) throw changedMeanwhile();
    return res[0];
  }

  const { booking, person } = live;
  if (person.dateOfBirth && minorOn(person, londonDate(startsAt)) && !dbsValidOn(mentor, londonDate(startsAt))) {
    throw refuse("dbs_invalid_on_new_date");
  }
  const op = newId("op", now);
  // One batch, so the booking's copied times, the slot and the notices never disagree; the
  // booking moves only if the young person has nothing else at the new time (rule 4) and the
  // slot is still as we read it.
  const [, [after]] = await db.batch([
    db
      .update(bookings)
      .set({ startsAt, endsAt, reminderSentAt: reminderAfterMove(startsAt, MENTORING_REMINDER_LEAD_MS), lastOp: op, updatedAt: now })
      .where(
        and(
          eq(bookings.id, booking.id),
          inArray(bookings.status, [...SEAT_HOLDING_STATUSES]),
          sql`EXISTS (SELECT 1 FROM mentoring_slots WHERE id = ${slot.id} AND status = 'booked' AND sequence = ${slot.sequence})`,
          sql`NOT ${clashExists(booking.personId!, startsAt, endsAt, { bookingId: booking.id })}`,
        ),
      ),
    db
      .update(mentoringSlots)
      .set({ ...values, sequence: sql`${mentoringSlots.sequence} + 1` })
      .where(and(sameSlot, bookingStampedBy(booking.id, op)))
      .returning(),
    ...mentoringNotices(
      "mentoring_confirmed",
      {
        bookingId: booking.id,
        youngPerson: person,
        mentorEmail: mentor.email,
        guardianEmail: booking.guardianEmail,
        safeguardingEmail: deps.config.safeguardingEmail,
      },
      ["young_person", "mentor", "safeguarding", "guardian"],
      { change: "rescheduled" },
    ).map((m) => enqueueIf(db, m, now, bookingStampedBy(booking.id, op))),
  ]);
  // The slot changes exactly when the booking moved (its guard is the booking's stamp).
  if (!after) {
    if (await findClash(deps, booking.personId!, startsAt, endsAt, { bookingId: booking.id })) throw refuse("slot_move_clashes");
    throw changedMeanwhile();
  }
  return after;
}

/**
 * Withdraws a slot. A booked slot's booking is cancelled in the same batch, and the young
 * person is told, with up to three other slots from the same employer they could book instead.
 */
export async function withdrawSlot(deps: Deps, actor: Actor, slotId: string): Promise<{ slot: Slot; cancelledBookingId: string | null; alternatives: string[] }> {
  const { slot, mentor } = await slotForManager(deps, actor, slotId);
  const now = deps.clock.now();
  if (slot.status === "withdrawn") throw refuse("slot_already_withdrawn");
  if (slot.startsAt <= now) throw refuse("slot_started");
  const { db } = deps;
  const sameSlot = and(eq(mentoringSlots.id, slot.id), eq(mentoringSlots.status, slot.status), eq(mentoringSlots.sequence, slot.sequence));
  const live = slot.status === "booked" ? await liveBookingOnSlot(deps, slot.id) : null;

  if (!live) {
    const [row] = await db.update(mentoringSlots).set({ status: "withdrawn" }).where(sameSlot).returning();
    if (!row) throw changedMeanwhile();
    return { slot: row, cancelledBookingId: null, alternatives: [] };
  }

  const { booking, person } = live;
  const alternatives = (await bookableSlots(deps, person, { organisationId: mentor.organisationId, limit: 4 }))
    .map((s) => s.slot.id)
    .filter((id) => id !== slot.id)
    .slice(0, 3);
  const op = newId("op", now);
  const stamped = bookingStampedBy(booking.id, op);
  const parties = { bookingId: booking.id, youngPerson: person, mentorEmail: mentor.email, guardianEmail: booking.guardianEmail, safeguardingEmail: deps.config.safeguardingEmail };
  // One batch: the booking is cancelled, the slot withdrawn and everyone told, or nothing is.
  await db.batch([
    db
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: "slot_withdrawn", lastOp: op, updatedAt: now })
      .where(and(eq(bookings.id, booking.id), inArray(bookings.status, [...SEAT_HOLDING_STATUSES]))),
    db.update(mentoringSlots).set({ status: "withdrawn" }).where(and(sameSlot, stamped)),
    ...mentoringNotices("mentoring_cancelled", parties, ["young_person"], { reason: "slot_withdrawn", alternatives }).map((m) => enqueueIf(db, m, now, stamped)),
    ...mentoringNotices("mentoring_cancelled", parties, ["mentor", "guardian"], { reason: "slot_withdrawn" }).map((m) => enqueueIf(db, m, now, stamped)),
  ]);
  const [after] = await db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot.id));
  if (after!.status !== "withdrawn") throw changedMeanwhile();
  return { slot: after!, cancelledBookingId: booking.id, alternatives };
}
