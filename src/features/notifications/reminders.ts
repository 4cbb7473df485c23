// Rule 11: a reminder 24 h before a session (2 h before mentoring), exactly once per booking.
import { and, eq, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { rowsAffected } from "../../db/client";
import { alias } from "drizzle-orm/sqlite-core";
import { bookings, mentoringSlots, mentors, people, sessions } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { HOUR } from "../../lib/time";
import { bookingStampedBy } from "../../db/conditional";
import { enqueueIf } from "./outbox";

export const REMINDER_LEAD_MS = 24 * HOUR;
export const MENTORING_REMINDER_LEAD_MS = 2 * HOUR;

/**
 * `reminder_sent_at` for a booking moved to `newStartsAt`. A reminder sent within two leads
 * of the new start (e.g. the day before, for a session moved an hour) still does its job; one
 * sent earlier than that (the session moved days later) is cleared, so the person is reminded
 * again before the new time. The change email went out either way.
 */
export function reminderAfterMove(newStartsAt: number, lead: number): SQL {
  return sql`case when reminder_sent_at < ${newStartsAt - 2 * lead} then null else reminder_sent_at end`;
}

/** When a booking's reminder is due: its start minus the lead for its kind. */
const remindAt = sql`(${bookings.startsAt} - case when ${bookings.kind} = 'mentoring' then ${MENTORING_REMINDER_LEAD_MS} else ${REMINDER_LEAD_MS} end)`;

/**
 * Queues the reminders that are due. Never for a booking that is not confirmed or whose
 * session was called off; none for a booking made after its reminder time (the confirmation
 * just told them everything). Safe to run twice at once: see the batch below.
 */
export async function sendReminders(deps: Deps, options: { limit?: number } = {}): Promise<{ queued: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  // Mentors get the same reminder as the young person (issue #15), in their own language when
  // they have an account, from the same stamp.
  const mentorPerson = alias(people, "mentor_person");
  const due = await db
    .select({ id: bookings.id, email: people.email, locale: people.locale, mentorEmail: mentors.email, mentorLocale: mentorPerson.locale })
    .from(bookings)
    .innerJoin(people, eq(people.id, bookings.personId))
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
    .leftJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .leftJoin(mentorPerson, eq(mentorPerson.id, mentors.personId))
    .where(
      and(
        eq(bookings.status, "confirmed"),
        isNull(bookings.reminderSentAt),
        isNull(people.erasedAt),
        or(isNull(sessions.id), eq(sessions.status, "scheduled")),
        gt(bookings.startsAt, now),
        lte(remindAt, now),
        lte(bookings.createdAt, remindAt),
      ),
    )
    .limit(options.limit ?? 200);

  let queued = 0;
  for (const b of due) {
    const op = newId("op", now);
    // Exactly once per booking: the stamp is a conditional UPDATE (still unsent, still
    // confirmed) and the message is written only if this batch's stamp is the one on the
    // row. A second runner racing us finds reminder_sent_at set and writes nothing.
    // The mentor's copy is in the same batch under the same guard: both or neither.
    const [, inserted, mentorCopy] = await db.batch([
      db
        .update(bookings)
        .set({ reminderSentAt: now, lastOp: op })
        .where(and(eq(bookings.id, b.id), isNull(bookings.reminderSentAt), eq(bookings.status, "confirmed"))),
      enqueueIf(db, { template: "reminder", to: b.email, locale: b.locale, payload: { bookingId: b.id } }, now, bookingStampedBy(b.id, op)),
      ...(b.mentorEmail ? [enqueueIf(db, { template: "reminder", to: b.mentorEmail, locale: b.mentorLocale ?? "en", payload: { bookingId: b.id } }, now, bookingStampedBy(b.id, op))] : []),
    ]);
    queued += rowsAffected(inserted) + (mentorCopy ? rowsAffected(mentorCopy) : 0);
  }
  return { queued };
}
