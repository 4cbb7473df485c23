import { desc, eq } from "drizzle-orm";
import { joinDetailsOf } from "../auth/read";
import { authSessions, bookings, carouselGroups, carousels, contributors, events, feedback, memberships, mentoringSlots, mentors, organisations, outbox, people, recordShares, sessions } from "../../db/schema";
import { holderKey } from "../../rules/timebank";
import { statementOf } from "../timebank/read";
import type { Deps } from "../../lib/deps";
import { iso, isoOrNull } from "../../lib/time";

/** How the export is sent, by the API and the website alike: a file to keep, never cached. */
export const EXPORT_HEADERS = { "content-disposition": 'attachment; filename="open-door-my-data.json"', "cache-control": "no-store" };

/**
 * Everything Open Door holds about one person (UK GDPR right of access), as plain JSON:
 * profile, memberships, bookings with what they were for, feedback, sign-ins and messages.
 * Secrets (token hashes, feed hashes) are described, never exported.
 */
export async function exportPersonalData(deps: Deps, personId: string) {
  const { db } = deps;
  const [person] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
  if (!person) return null;
  const [joined, orgs, bookingRows, carouselRows, feedbackRows, signIns, messages, timebank, contributed, shares] = await Promise.all([
    joinDetailsOf(db, personId),
    db
      .select({ id: organisations.id, name: organisations.name, type: organisations.type, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.personId, personId)),
    db
      .select({ booking: bookings, eventTitle: events.title, mentorName: mentors.displayName })
      .from(bookings)
      .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
      .leftJoin(events, eq(events.id, sessions.eventId))
      .leftJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
      .leftJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
      .where(eq(bookings.personId, personId))
      .orderBy(desc(bookings.startsAt)),
    // Carousel groups a school's staff member booked: what they typed (label, access needs) is theirs to see.
    db
      .select({ group: carouselGroups, carouselTitle: carousels.title, startsAt: carousels.startsAt })
      .from(carouselGroups)
      .innerJoin(carousels, eq(carousels.id, carouselGroups.carouselId))
      .where(eq(carouselGroups.bookedBy, personId))
      .orderBy(desc(carousels.startsAt)),
    db
      .select({ feedback })
      .from(feedback)
      .innerJoin(bookings, eq(bookings.id, feedback.bookingId))
      .where(eq(bookings.personId, personId)),
    db.select().from(authSessions).where(eq(authSessions.personId, personId)).orderBy(desc(authSessions.createdAt)),
    db
      .select({ id: outbox.id, template: outbox.template, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
      .from(outbox)
      .where(eq(outbox.toEmail, person.email))
      .orderBy(desc(outbox.createdAt)),
    // Their timebank: every ledger entry in their name (credits, spending, corrections) and the
    // times a host recorded them as giving time at a session.
    statementOf(deps, holderKey({ personId })),
    db
      .select({ contributor: contributors, eventTitle: events.title, startsAt: sessions.startsAt })
      .from(contributors)
      .innerJoin(sessions, eq(sessions.id, contributors.sessionId))
      .innerJoin(events, eq(events.id, sessions.eventId))
      .where(eq(contributors.personId, personId))
      .orderBy(desc(sessions.startsAt)),
    db.select().from(recordShares).where(eq(recordShares.personId, personId)).orderBy(desc(recordShares.createdAt)),
  ]);
  return {
    exportedAt: iso(deps.clock.now()),
    profile: {
      id: person.id,
      email: person.email,
      displayName: person.displayName,
      dateOfBirth: person.dateOfBirth,
      locale: person.locale,
      youngPerson: person.isYoungPerson,
      hasCalendarFeed: person.calendarFeedHash !== null,
      createdAt: iso(person.createdAt),
      school: joined?.school ?? null,
      accessNeedsToRemember: joined?.accessNeeds ?? null,
    },
    organisations: orgs.map((o) => ({ ...o, since: iso(o.since) })),
    bookings: bookingRows.map(({ booking: b, eventTitle, mentorName }) => ({
      id: b.id,
      kind: b.kind,
      what: eventTitle?.en ?? (mentorName ? `Mentoring with ${mentorName}` : null),
      status: b.status,
      startsAt: iso(b.startsAt),
      endsAt: iso(b.endsAt),
      seats: b.seats,
      pupils: b.pupils,
      staff: b.staff,
      accessNeeds: b.accessNeeds,
      guardianEmail: b.guardianEmail,
      roster: b.roster,
      // A household at a family event (issue #16): how many adults and children, nothing else about them.
      ...(b.kind === "family" ? { household: { adults: b.staff, children: b.pupils } } : {}),
      ticketCode: b.ticketCode,
      checkedInAt: isoOrNull(b.checkedInAt),
      cancelledAt: isoOrNull(b.cancelledAt),
      createdAt: iso(b.createdAt),
    })),
    carouselGroups: carouselRows.map(({ group: g, carouselTitle, startsAt }) => ({
      id: g.id,
      carousel: carouselTitle,
      startsAt: iso(startsAt),
      label: g.label,
      status: g.status,
      pupils: g.pupils,
      staff: g.staff,
      accessNeeds: g.accessNeeds,
      createdAt: iso(g.createdAt),
    })),
    feedback: feedbackRows.map(({ feedback: f }) => ({
      bookingId: f.bookingId,
      rating: f.rating,
      whatWorked: f.whatWorked,
      couldBeBetter: f.couldBeBetter,
      anonymous: f.anonymous,
      createdAt: iso(f.createdAt),
    })),
    signIns: signIns.map((s) => ({ startedAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), revokedAt: isoOrNull(s.revokedAt) })),
    timebank: {
      balanceMinutes: timebank.balance,
      entries: timebank.entries.map((e) => ({
        id: e.id,
        kind: e.kind,
        minutes: e.minutes,
        at: iso(e.at),
        what: e.eventTitle?.en ?? e.offerTitle,
        organisation: e.organisationName,
        reversesId: e.reversesId,
        note: e.note,
      })),
    },
    contributions: contributed.map(({ contributor: c, eventTitle, startsAt }) => ({
      id: c.id,
      session: eventTitle.en,
      startsAt: iso(startsAt),
      name: c.name,
      role: c.role,
      organisationName: c.organisationName,
      minutes: c.minutes,
      confirmedAt: isoOrNull(c.confirmedAt),
    })),
    recordLinks: shares.map((s) => ({ id: s.id, createdAt: iso(s.createdAt), revokedAt: isoOrNull(s.revokedAt) })),
    emails: messages.map((m) => ({ id: m.id, message: m.template, status: m.status, queuedAt: iso(m.createdAt), sentAt: isoOrNull(m.sentAt) })),
  };
}
