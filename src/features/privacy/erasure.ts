// UK GDPR right to erasure (SPEC rule 14), pretix's "shredder" as a service: the person's
// personal data goes, the facts the programme must still count (bookings, attendance,
// feedback ratings) stay, attached to an anonymous person row.
import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  auditLog,
  authSessions,
  bookings,
  carouselGroups,
  devMailbox,
  feedback,
  idempotencyKeys,
  magicLinks,
  memberships,
  mentoringSlots,
  mentors,
  outbox,
  people,
  SEAT_HELD_STATUSES,
  UPCOMING_STATUSES,
  emailChanges,
  joinDetails,
  parentalConfirmations,
  contributors,
  recordShares,
} from "../../db/schema";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor, Person } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { bookingStampedBy, insertSelect } from "../../db/conditional";
import { releaseSeatsStatements } from "../bookings/statements";
import { reopenSlotStatement } from "../mentoring/booking";
import { enqueueIf } from "../notifications/outbox";
import { mentoringNotices } from "../mentoring/notices";

/**
 * Bookings cancelled per batch. Freeing a seat is five statements (cancel, free, offer, count
 * the offer, tell the person offered). D1 counts every statement against the invocation's
 * query limit and holds its single writer for the whole batch, so someone with many future
 * bookings (a rare case: most have a handful) has them cancelled in batches of this size
 * BEFORE the batch that anonymises them. Each batch is whole on its own (rules 1, 5), and if
 * one fails the person is still there, still signed in, and can simply ask again.
 */
export const CANCELS_PER_BATCH = 25;

export const erasedEmail = (personId: string) => `erased+${personId}@invalid`;

type Live = Pick<typeof bookings.$inferSelect, "id" | "kind" | "sessionId" | "slotId" | "status" | "seats" | "guardianEmail">;

/** Future bookings that still hold a seat, a slot or a place in a queue. */
async function liveFutureBookings(deps: Deps, personId: string, now: number): Promise<Live[]> {
  return deps.db
    .select({ id: bookings.id, kind: bookings.kind, sessionId: bookings.sessionId, slotId: bookings.slotId, status: bookings.status, seats: bookings.seats, guardianEmail: bookings.guardianEmail })
    .from(bookings)
    // Group bookings are the school's, not the staff member's: they stay (see eraseStatements).
    // A household's places (issue #16) are the parent's own booking: they go with the parent,
    // every seat of it freed to the waiting list like an individual's.
    .where(and(eq(bookings.personId, personId), inArray(bookings.kind, ["individual", "mentoring", "family"]), inArray(bookings.status, [...UPCOMING_STATUSES]), gt(bookings.startsAt, now)))
    .limit(CANCELS_PER_BATCH);
}

/**
 * Cancels one future booking inside the caller's batch, through the same seat-release and
 * offer builders as every other cancel (individual), or freeing the slot and telling the
 * mentor as the mentoring cancel does. Nothing is sent to the person or their guardian:
 * after erasure we no longer contact them.
 */
function cancelStatements(deps: Deps, person: Person, b: Live, mentorEmail: string | undefined, now: number): BatchItem<"sqlite">[] {
  const { db } = deps;
  const op = newId("op", now);
  const cancel = db
    .update(bookings)
    .set({ status: "cancelled", cancelledAt: now, cancelReason: "erased", holdExpiresAt: null, consentTokenHash: null, lastOp: op, updatedAt: now, sequence: sql`${bookings.sequence} + 1` })
    // Guarded on the status we read: a concurrent cancel or a second erasure makes this a no-op,
    // and then nothing below (which all waits for this write's stamp) happens either.
    .where(and(eq(bookings.id, b.id), eq(bookings.status, b.status), eq(bookings.seats, b.seats)));
  if (b.kind === "mentoring") {
    const stamped = bookingStampedBy(b.id, op);
    return [
      cancel,
      reopenSlotStatement(db, b.slotId!, stamped),
      ...mentoringNotices(
        "mentoring_cancelled",
        { bookingId: b.id, youngPerson: person, mentorEmail: mentorEmail ?? "", guardianEmail: null, safeguardingEmail: deps.config.safeguardingEmail },
        mentorEmail ? ["mentor"] : [],
        { cancelledBy: "young_person" },
      ).map((m) => enqueueIf(db, m, now, stamped)),
    ];
  }
  const holdsSeat = (SEAT_HELD_STATUSES as readonly string[]).includes(b.status);
  return [cancel, ...(holdsSeat ? releaseSeatsStatements(db, { sessionId: b.sessionId!, seats: b.seats, opId: op, freedBy: b.id, now }) : [])];
}

async function mentorEmails(deps: Deps, live: Live[]): Promise<Map<string, string>> {
  const slotIds = live.filter((b) => b.kind === "mentoring").map((b) => b.slotId!);
  if (!slotIds.length) return new Map();
  const rows = await deps.db
    .select({ slotId: mentoringSlots.id, email: mentors.email })
    .from(mentoringSlots)
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .where(inArray(mentoringSlots.id, slotIds));
  return new Map(rows.map((r) => [r.slotId, r.email]));
}

/** Everything that removes the person's personal data, as one batch's statements. */
function eraseStatements(deps: Deps, actor: Actor | null, person: Person, cancelled: number, now: number, reason?: string): BatchItem<"sqlite">[] {
  const { db } = deps;
  const id = person.id;
  const placeholder = erasedEmail(id);
  return [
    // Pending mail to them, or to their guardian about their bookings, would re-identify them:
    // dropped. Sent mail keeps its row (delivery history) but no longer names the address.
    // Mentors, schools and the people just offered their seats are still told.
    db.delete(outbox).where(
      and(
        inArray(outbox.status, ["pending", "failed"]),
        or(
          eq(outbox.toEmail, person.email),
          sql`exists (select 1 from bookings g where g.person_id = ${id} and g.kind != 'group' and g.guardian_email = ${outbox.toEmail}
            and g.id = json_extract(${outbox.payload}, '$.bookingId'))`,
        ),
      ),
    ),
    db.update(outbox).set({ toEmail: placeholder }).where(eq(outbox.toEmail, person.email)),
    db.update(feedback).set({ anonymous: true }).where(sql`${feedback.bookingId} in (select id from bookings where person_id = ${id})`),
    db.delete(devMailbox).where(eq(devMailbox.toEmail, person.email)),
    db.delete(magicLinks).where(eq(magicLinks.email, person.email)),
    // What they chose to tell us when joining, a parent's address, an email change waiting.
    db.delete(joinDetails).where(eq(joinDetails.personId, id)),
    // The parent's link dies with the account: opening it later says it no longer works.
    db.update(parentalConfirmations).set({ parentEmail: placeholder, tokenHash: `erased:${id}` }).where(eq(parentalConfirmations.personId, id)),
    db.delete(emailChanges).where(eq(emailChanges.personId, id)),
    db.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.personId, id), isNull(authSessions.revokedAt))),
    // Stored responses to their requests may repeat what they sent (access needs, emails).
    db.delete(idempotencyKeys).where(eq(idempotencyKeys.scope, id)),
    // Staff: they leave their organisations. Group bookings they made stay with the school
    // (the pupils are still coming); unlinked, so the school's contact email hears about them.
    db.delete(memberships).where(eq(memberships.personId, id)),
    db.update(bookings).set({ personId: null, updatedAt: now }).where(and(eq(bookings.personId, id), eq(bookings.kind, "group"))),
    db.update(carouselGroups).set({ bookedBy: null, updatedAt: now }).where(eq(carouselGroups.bookedBy, id)),
    db.update(mentors).set({ personId: null }).where(eq(mentors.personId, id)),
    // Timebank (rule 18). Ledger entries are append-only (triggers refuse UPDATE and DELETE), and
    // they stay: the programme's and organisations' totals must still add up. They hold no
    // identity of their own (minutes, ids, the holder key "person:<id>"): who that id was lives
    // in the people row anonymised below, so the entries become an erased person's hours. What
    // named them elsewhere goes: the name a host typed on a contributor row (the row stays, for
    // the session's count of helpers) and their record's share links.
    db.update(contributors).set({ name: "Erased", organisationName: "" }).where(eq(contributors.personId, id)),
    db.update(recordShares).set({ revokedAt: now }).where(and(eq(recordShares.personId, id), isNull(recordShares.revokedAt))),
    // Their own bookings stay for the counts, without what could identify them or others.
    db
      .update(bookings)
      .set({ accessNeeds: "", guardianEmail: null, roster: null, consentTokenHash: null, feedbackTokenHash: null, updatedAt: now })
      .where(and(eq(bookings.personId, id), or(sql`${bookings.accessNeeds} != ''`, sql`${bookings.guardianEmail} is not null`, sql`${bookings.roster} is not null`, sql`${bookings.consentTokenHash} is not null`))),
    // Before the anonymisation, and only if it is still to happen: two erasures racing each
    // other leave one entry (batches run one after the other; the second sees erased_at set).
    insertSelect(
      db,
      auditLog,
      { id: newId("aud", now), actorId: actorId(actor), action: "person.erased", subjectType: "person", subjectId: id, detail: reason ? { bookingsCancelled: cancelled, reason } : { bookingsCancelled: cancelled }, at: now },
      sql`where exists (select 1 from people where id = ${id} and erased_at is null)`,
    ),
    db
      .update(people)
      .set({ email: placeholder, displayName: "Erased", dateOfBirth: null, calendarFeedHash: null, erasedAt: now })
      .where(and(eq(people.id, id), isNull(people.erasedAt))),
  ];
}

/**
 * Erases the signed-in person, or (actor null, with a reason for the audit row) someone the
 * programme's own retention rules say must go. Coordinators are refused: their role comes from configuration
 * (COORDINATOR_EMAILS) and their actions must stay attributable; once taken off that list
 * they can erase themselves like anyone else.
 */
export async function erasePerson(deps: Deps, actor: Actor | null, personId: string, reason?: string): Promise<{ cancelled: number }> {
  if (actor?.kind === "person" && actor.isCoordinator) {
    throw refuse("coordinator_erasure");
  }
  const { db, clock } = deps;
  let cancelled = 0;
  const cancelling = async (person: Person, now: number) => {
    const live = await liveFutureBookings(deps, personId, now);
    const emails = await mentorEmails(deps, live);
    cancelled += live.length;
    return { live, statements: live.flatMap((b) => cancelStatements(deps, person, b, emails.get(b.slotId ?? ""), now)) };
  };
  for (;;) {
    const now = clock.now();
    const [person] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
    if (!person || person.erasedAt) return { cancelled };
    const { live, statements } = await cancelling(person, now);
    if (live.length === CANCELS_PER_BATCH) {
      // More may follow: cancel these now (one batch per chunk, rules 1 and 5) and look again.
      await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
      continue;
    }
    // Invariant: the person is anonymised, signed out everywhere and no longer holds any future
    // seat, slot or queue place — the last cancellations, their seats offered to the next
    // people waiting, and the anonymisation commit together or not at all.
    await db.batch([...statements, ...eraseStatements(deps, actor, person, cancelled, now, reason)] as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    // A booking that changed state between our read and the batch (an offer made, consent
    // given) escaped its status guard, as did one made by a request already past sign-in:
    // sweep what is still live, by the same cancellation path.
    for (let sweep = 0; sweep < 3; sweep++) {
      const { live: rest, statements: more } = await cancelling(person, clock.now());
      if (!rest.length) break;
      await db.batch(more as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    }
    return { cancelled };
  }
}
