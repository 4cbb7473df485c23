// Booking one seat for a young person (rules 1–5): confirmed, pending consent or waitlisted.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { bookings, people, sessions } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import { newId, newSecret, newTicketCode, sha256Hex } from "../../lib/crypto";
import type { Db } from "../../db/client";
import { batchOnce, slot } from "../../db/prepared";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { assertBookable, clashProblem, eventTitle, isDuplicateBooking, liveBookingOf, loadSession, positionOf } from "./lookups";
import { insertSelect } from "../../db/conditional";
import { enqueueForBookings, messageIdPrefix } from "../notifications/outbox";
import { seatsFit, takeSeatsStatement } from "../../rules/capacity";
import { clashExists, findClash } from "../../rules/clash";
import { CONSENT_EMAILS_PER_GUARDIAN_PER_DAY, consentHoldUntil, guardianAllowanceLeft, guardianEmailIsAChilds, guardianHasAllowance, needsConsent as underConsentAge, sameEmail } from "../../rules/consent";
import { ineligibility, YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE, type Ineligibility } from "../../rules/eligibility";
import { waitlistPosition } from "../../rules/waiting-list";
import { auditEntry } from "./audit";
import { bookingOut } from "./view";
import { field, refuse } from "../../lib/refusal";

export const consentUrl = (deps: Deps, token: string) => `${deps.config.publicUrl}/consent/${token}`;

export interface BookInput {
  personId?: string;
  accessNeeds?: string;
  guardianEmail?: string;
}

export async function bookingPerson(deps: Deps, actor: Actor, personId?: string) {
  if (actor.kind !== "person") throw refuse("person_books_seat");
  if (personId && personId !== actor.person.id && !isCoordinator(actor)) {
    throw refuse("book_only_for_yourself");
  }
  if (!personId || personId === actor.person.id) return actor.person;
  const [person] = await deps.db.select().from(people).where(eq(people.id, personId)).limit(1);
  if (!person || person.erasedAt) throw refuse("no_such_young_person", {}, { fields: [field("personId", "no_such_person")] });
  return person;
}

/** Why someone may not come (rule 2), in words they understand. */
export function notEligible(why: Ineligibility) {
  return why.reason === "not_young_person"
    ? refuse("not_young_person", { min: YOUNG_PERSON_MIN_AGE, max: YOUNG_PERSON_MAX_AGE })
    : refuse("outside_age_range", { minAge: why.minAge, maxAge: why.maxAge, age: why.age });
}

/**
 * Books one seat for a young person: confirmed, pending_consent (under the event's consent
 * age) or, when full, waitlisted. Capacity, clashes and the session's state are decided by
 * guards inside one batch, never by the reads above it.
 */
export async function bookSession(deps: Deps, actor: Actor, sessionId: string, input: BookInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const person = await bookingPerson(deps, actor, input.personId);
  const { session, event } = await loadSession(deps, sessionId);
  assertBookable(session, now);
  const why = ineligibility(person, event, session.startsAt);
  if (why) throw notEligible(why);
  const needsConsent = underConsentAge(person.dateOfBirth!, event.consentAge, session.startsAt);
  if (needsConsent && !input.guardianEmail) {
    throw refuse("guardian_email_needed", { consentAge: event.consentAge }, { fields: [field("guardianEmail", "required_under_age", { age: event.consentAge })] });
  }
  // Issue #14: only an adult can say yes, never the young person or another child.
  if (needsConsent && (await guardianEmailIsAChilds(db, person, input.guardianEmail!, session.startsAt))) {
    throw refuse("guardian_email_is_a_childs", {}, { fields: [field("guardianEmail", "guardian_must_be_adult")] });
  }
  // An existing place or a clash is not looked up here: the batch's guards and the
  // one-per-person index refuse it, and explainRefusedBooking says which, in the same order.

  const id = newId("bkg", now);
  const op = newId("op", now);
  const token = needsConsent ? newSecret() : null;
  const onBehalf = actor.kind !== "person" || person.id !== actor.person.id;
  const queue = event.waitlistEnabled;
  // The batch's SQL is built once per shape (issue #19: drizzle turning the same builders
  // into the same text was a fifth of a booking's CPU); this call only binds its values.
  const write = boundBookingWrite(db, { queue, needsConsent }, {
    id,
    op,
    sessionId,
    personId: person.id,
    now,
    accessNeeds: input.accessNeeds ?? "",
    ticketCode: newTicketCode(),
    guardianEmail: needsConsent ? input.guardianEmail! : null,
    guardianKey: needsConsent ? sameEmail(input.guardianEmail!) : null,
    tokenHash: token ? await sha256Hex(token) : null,
    msgPrefix: messageIdPrefix(now),
    consentUrl: token ? consentUrl(deps, token) : null,
  });
  const statements = [
    ...write,
    ...(onBehalf
      ? [
          auditEntry(db, actor, "booking.created_on_behalf", { type: "booking", id }, now, {
            detail: { personId: person.id, sessionId },
            onlyIf: sql`exists (select 1 from bookings where id = ${id} and last_op = ${op})`,
          }),
        ]
      : []),
  ] as const;
  let results;
  try {
    // Invariant (rules 1, 4, 5, 9): booking row, seat counter and the messages it causes commit
    // together or not at all; seats_taken never exceeds capacity.
    results = await db.batch(statements);
  } catch (err) {
    if (isDuplicateBooking(err)) {
      const again = await liveBookingOf(deps, person.id, sessionId);
      throw alreadyBooked(again?.id);
    }
    throw err;
  }
  // The insert returns the row it wrote; later statements in the batch don't change it.
  const row = results[0][0];
  if (!row) throw await explainRefusedBooking(deps, person.id, sessionId, needsConsent ? input.guardianEmail : undefined);
  const position = row.status === "waitlisted" ? await positionOf(deps, id) : undefined;
  return bookingOut(row, { position, title: eventTitle(event) });
}

/** The one write of a booking (below), built once per shape and bound to this booking's values. */
export const boundBookingWrite = (db: Db, shape: { queue: boolean; needsConsent: boolean }, values: Record<string, unknown>) =>
  batchOnce(db, `bookings.book:${shape.queue ? "queue" : "no-queue"}:${shape.needsConsent ? "consent" : "no-consent"}`, (db) => bookingWrite(db, shape), values);

/**
 * The one write of a booking, with slots for its values (bound by `batchOnce`): the booking
 * row, the seat it takes, and the message it causes; for someone under the consent age, the
 * parent's or carer's request too. Only the statements this shape can need: no statement that
 * can match no row (issue #19).
 */
function bookingWrite(db: Db, { queue, needsConsent }: { queue: boolean; needsConsent: boolean }) {
  const [id, op, sessionId, personId, now] = [slot("id"), slot("op"), slot("sessionId"), slot("personId"), slot("now")];
  const status = needsConsent ? "pending_consent" : "confirmed";
  // Rule 1: a seat is taken only if one is free at the moment this batch runs. Rule 5:
  // otherwise the person joins the back of the queue, if this event keeps one. One INSERT
  // decides which, from the live counter (issue #19: one statement where there were two).
  const fits = seatsFit(1);
  const seatedOnly = (value: SQL | null): SQL | null => (queue && value !== null ? sql`case when ${fits} then ${value} end` : value);
  const insert = insertSelect(
    db,
    bookings,
    {
      id,
      kind: "individual",
      sessionId,
      personId,
      status: queue ? sql`case when ${fits} then ${status} else 'waitlisted' end` : status,
      startsAt: sql`s.starts_at`,
      endsAt: sql`s.ends_at`,
      accessNeeds: slot("accessNeeds"),
      ticketCode: slot("ticketCode"),
      guardianEmail: needsConsent ? slot("guardianEmail") : null,
      consentTokenHash: seatedOnly(needsConsent ? slot("tokenHash") : null),
      holdExpiresAt: seatedOnly(needsConsent ? consentHoldUntil(now, sql`s.starts_at`) : null),
      queuedAt: queue ? sql`case when ${fits} then null else ${now} end` : null,
      lastOp: op,
      createdAt: now,
      updatedAt: now,
    },
    sql`from sessions s
      where s.id = ${sessionId} and s.status = 'scheduled' and s.starts_at > ${now} and ${queue ? sql`1` : fits}
        and not ${clashExists(personId, sql`s.starts_at`, sql`s.ends_at`, { sessionId })}
        -- Issue #14: a guardian's address gets a few consent requests a day at most, counted
        -- inside this write so a burst of bookings cannot all pass a read made before it.
        ${needsConsent ? sql`and ${guardianHasAllowance(slot("guardianKey"), now)}` : sql``}
        -- An erasure that committed after this request signed in must win: no new booking.
        and not exists (select 1 from people ep where ep.id = ${personId} and ep.erased_at is not null)`,
  ).returning();
  const mine = sql`b.id = ${id} and b.last_op = ${op}`;
  const idPrefix = slot("msgPrefix");
  return [
    insert,
    takeSeatsStatement(db, { sessionId, seats: 1, opId: op, heldBy: id, now }),
    // Rule 9: one message for whichever way the booking went (the position is only a
    // waiting list's).
    enqueueForBookings(
      db,
      needsConsent ? { pending_consent: "booking_pending_consent", waitlisted: "booking_waitlisted" } : { confirmed: "booking_confirmed", waitlisted: "booking_waitlisted" },
      mine,
      now,
      { idPrefix, payload: { position: sql`case when b.status = 'waitlisted' then ${waitlistPosition} end` } },
    ),
    // The parent's or carer's request, only when this booking can need one.
    ...(needsConsent
      ? [enqueueForBookings(db, "consent_request", sql`${mine} and b.status = 'pending_consent'`, now, { to: "guardian", idPrefix, payload: { consentUrl: slot("consentUrl") } })]
      : []),
  ] as const;
}

/** The guardian's address has had its consent requests for today (rules/consent.ts). */
export const guardianDailyLimit = () =>
  refuse("guardian_daily_limit", { perDay: CONSENT_EMAILS_PER_GUARDIAN_PER_DAY }, { fields: [field("guardianEmail", "guardian_daily_limit", { perDay: CONSENT_EMAILS_PER_GUARDIAN_PER_DAY })] });

function alreadyBooked(bookingId?: string) {
  return refuse("already_has_place", {}, { extra: bookingId ? { bookingId } : {} });
}

/** The batch wrote nothing: re-read to say why, in the order a person would want to know. */
async function explainRefusedBooking(deps: Deps, personId: string, sessionId: string, guardianEmail?: string): Promise<ProblemError> {
  const [person] = await deps.db.select({ erasedAt: people.erasedAt }).from(people).where(eq(people.id, personId)).limit(1);
  if (!person || person.erasedAt) return refuse("account_deleted");
  const { session } = await loadSession(deps, sessionId);
  try {
    assertBookable(session, deps.clock.now());
  } catch (err) {
    return err as ProblemError;
  }
  const existing = await liveBookingOf(deps, personId, sessionId);
  if (existing) return alreadyBooked(existing.id);
  const clash = await findClash(deps, personId, session.startsAt, session.endsAt, { sessionId });
  if (clash) return clashProblem(clash);
  if (guardianEmail && !(await guardianAllowanceLeft(deps.db, guardianEmail, deps.clock.now()))) return guardianDailyLimit();
  return refuse("session_full_no_waitlist");
}
