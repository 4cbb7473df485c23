import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { auditLog, bookings, mentoringSlots, mentors, people, SEAT_HOLDING_STATUSES } from "../../db/schema";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ageOn, londonDate } from "../../lib/time";
import { dbsProblemOn, minorOn } from "../../rules/safeguarding";

/**
 * Rule 8, after the fact: future live mentoring bookings where the young person will be under
 * 18 on the day and the mentor's DBS is missing, revoked, or expired by then. Computed from
 * the current state on every call, so an expiry or revocation shows up without a job.
 * Reading it is audit-logged (it names young people).
 */
export async function safeguardingAlerts(deps: Deps, actor: Actor) {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({ booking: bookings, slot: mentoringSlots, mentor: mentors, person: { id: people.id, displayName: people.displayName, dateOfBirth: people.dateOfBirth } })
    .from(bookings)
    .innerJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .innerJoin(people, eq(people.id, bookings.personId))
    .where(and(eq(bookings.kind, "mentoring"), inArray(bookings.status, [...SEAT_HOLDING_STATUSES]), gt(bookings.startsAt, now)))
    .orderBy(asc(bookings.startsAt));
  const alerts = rows.flatMap((r) => {
    const day = londonDate(r.booking.startsAt);
    if (!minorOn(r.person, day)) return [];
    const reason = dbsProblemOn(r.mentor, day);
    if (!reason) return [];
    return [
      {
        bookingId: r.booking.id,
        slotId: r.slot.id,
        startsAt: r.booking.startsAt,
        reason,
        mentor: { id: r.mentor.id, displayName: r.mentor.displayName, organisationId: r.mentor.organisationId, dbsExpiresOn: r.mentor.dbsExpiresOn, dbsRevokedAt: r.mentor.dbsRevokedAt },
        youngPerson: { id: r.person.id, displayName: r.person.displayName, ageOnDay: r.person.dateOfBirth ? ageOn(r.person.dateOfBirth, day) : null },
      },
    ];
  });
  await deps.db.insert(auditLog).values({ id: newId("aud", now), actorId: actorId(actor), action: "safeguarding.alerts.read", subjectType: "mentoring_booking", subjectId: null, detail: { count: alerts.length }, at: now });
  return alerts;
}
