// Your details (issue #14, UK GDPR right to rectification): correct your name, date of birth,
// email and language. One verb file for PATCH /api/v1/me and the website's /my/details.
// - A date of birth that no longer fits an upcoming booking's event age range flags the
//   booking to coordinators (booking_age_flags and an audit row); it is never cancelled here.
// - A new email changes only when the link sent to it is used; the old address is told.
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookingAgeFlags, bookings, emailChanges, events, people, sessions, UPCOMING_STATUSES, type Locale } from "../../db/schema";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { DAY } from "../../lib/time";
import { ageOnDayOf, withinProgrammeAges, YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";
import { sameEmail } from "../../rules/consent";
import { auditInsert } from "../audit/record";
import { enqueue } from "../notifications/outbox";

export const EMAIL_CHANGE_TTL_MS = DAY;

export interface ProfileChange {
  displayName?: string;
  dateOfBirth?: string;
  email?: string;
  locale?: Locale;
}

type PersonActor = Extract<Actor, { kind: "person" }>;

/** Upcoming individual bookings whose event's age range the person would fall outside. */
async function bookingsOutsideRange(deps: Deps, personId: string, dateOfBirth: string) {
  const rows = await deps.db
    .select({ id: bookings.id, startsAt: bookings.startsAt, minAge: events.minAge, maxAge: events.maxAge })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(and(eq(bookings.personId, personId), inArray(bookings.status, [...UPCOMING_STATUSES]), gt(bookings.startsAt, deps.clock.now())));
  return rows
    .map((r) => ({ ...r, age: ageOnDayOf(dateOfBirth, r.startsAt) }))
    .filter((r) => r.age < r.minAge || r.age > r.maxAge);
}

/**
 * Applies the corrections in one batch with their audit row, the flags and (for a new email)
 * the link to the new address and the notice to the old one. Returns what is still waiting.
 */
export async function changeProfile(deps: Deps, actor: PersonActor, change: ProfileChange): Promise<{ pendingEmail: string | null; flagged: number }> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const person = actor.person;
  if (change.dateOfBirth !== undefined && change.dateOfBirth !== person.dateOfBirth) {
    if (!person.isYoungPerson) throw refuse("profile_dob_young_people_only", {}, { fields: [field("dateOfBirth", "profile_dob_young_people_only")] });
    if (!withinProgrammeAges(ageOnDayOf(change.dateOfBirth, now))) {
      const ages = { min: YOUNG_PERSON_MIN_AGE, max: YOUNG_PERSON_MAX_AGE };
      throw refuse("age_outside_programme", ages, { fields: [field("dateOfBirth", "must_be_in_age_range_today", ages)] });
    }
  }
  const set: Partial<typeof people.$inferInsert> = {};
  if (change.displayName !== undefined && change.displayName !== person.displayName) set.displayName = change.displayName;
  if (change.dateOfBirth !== undefined && change.dateOfBirth !== person.dateOfBirth) set.dateOfBirth = change.dateOfBirth;
  if (change.locale !== undefined && change.locale !== person.locale) set.locale = change.locale;
  const newEmail = change.email !== undefined && sameEmail(change.email) !== sameEmail(person.email) ? sameEmail(change.email) : null;

  // Read before the batch: a booking made in the instant between is the gap, and the next
  // booking is checked against the new date of birth anyway (rule 2).
  const outside = set.dateOfBirth ? await bookingsOutsideRange(deps, person.id, set.dateOfBirth) : [];
  const statements: BatchItem<"sqlite">[] = [];
  if (Object.keys(set).length) statements.push(db.update(people).set(set).where(eq(people.id, person.id)));
  for (const b of outside) {
    // Invariant: a booking that no longer fits is shown to coordinators, never cancelled silently.
    statements.push(db.insert(bookingAgeFlags).values({ id: newId("agf", now), bookingId: b.id, personId: person.id, age: b.age, minAge: b.minAge, maxAge: b.maxAge, createdAt: now }));
    statements.push(auditInsert(db, actor, { action: "booking.age_flagged", subjectType: "booking", subjectId: b.id, detail: { age: b.age, minAge: b.minAge, maxAge: b.maxAge } }, now));
  }
  if (newEmail) {
    const token = newSecret();
    statements.push(
      db.insert(emailChanges).values({ id: newId("emc", now), personId: person.id, newEmail, tokenHash: await sha256Hex(token), expiresAt: now + EMAIL_CHANGE_TTL_MS, createdAt: now }),
      enqueue(db, { template: "email_change_confirm", to: newEmail, locale: set.locale ?? person.locale, payload: { url: `${config.publicUrl}/my/details/email/${token}` } }, now),
      enqueue(db, { template: "email_change_notice", to: person.email, locale: set.locale ?? person.locale, payload: { newEmail } }, now),
    );
  }
  const fields = [...Object.keys(set), ...(newEmail ? ["email (asked)"] : [])];
  if (fields.length) {
    // Field names only: the audit log must not become a second copy of personal data.
    statements.push(auditInsert(db, actor, { action: "person.details_changed", subjectType: "person", subjectId: person.id, detail: { fields } }, now));
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  }
  return { pendingEmail: newEmail ?? (await pendingEmailOf(deps, person.id)), flagged: outside.length };
}

/** The newest unused, unexpired email change waiting for its link, if any. */
export async function pendingEmailOf(deps: Deps, personId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(and(eq(emailChanges.personId, personId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, deps.clock.now())))
    .orderBy(sql`${emailChanges.createdAt} desc`)
    .limit(1);
  return row?.newEmail ?? null;
}

/** Whether an email-change link can still be used (the page's GET shows a button only then). */
export async function emailChangeOpen(deps: Deps, token: string) {
  const [row] = await deps.db
    .select({ newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(and(eq(emailChanges.tokenHash, await sha256Hex(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, deps.clock.now())))
    .limit(1);
  return row ?? null;
}

/**
 * The new address's owner uses the link: the email changes. The link works once, within 24
 * hours. An address another account took meanwhile is refused (the unique index decides, and
 * the whole batch, the link's use included, rolls back).
 */
export async function confirmEmailChange(deps: Deps, token: string): Promise<{ personId: string; newEmail: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const tokenHash = await sha256Hex(token);
  const [row] = await db
    .select()
    .from(emailChanges)
    .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .limit(1);
  if (!row) throw refuse("profile_email_link_unusable");
  const [taken] = await db.select({ id: people.id }).from(people).where(eq(people.email, row.newEmail)).limit(1);
  if (taken && taken.id !== row.personId) throw refuse("profile_email_taken");
  const used = sql`EXISTS (SELECT 1 FROM email_changes WHERE id = ${row.id} AND used_at = ${now})`;
  try {
    await db.batch([
      db.update(emailChanges).set({ usedAt: now }).where(and(eq(emailChanges.id, row.id), isNull(emailChanges.usedAt))),
      // Only if this batch used the link (a second press finds it used and changes nothing new).
      db.update(people).set({ email: row.newEmail }).where(and(eq(people.id, row.personId), used)),
      auditInsert(db, null, { action: "person.email_changed", subjectType: "person", subjectId: row.personId }, now),
    ]);
  } catch (err) {
    if (/UNIQUE|constraint/i.test(String((err as Error)?.message ?? err))) throw refuse("profile_email_taken");
    throw err;
  }
  return { personId: row.personId, newEmail: row.newEmail };
}
