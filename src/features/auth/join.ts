// Joining as a young person (issue #14): one verb file both doors call, POST
// /api/v1/young-people and the website's /join page, so they refuse and store alike.
//
// 1. `checkJoin` applies the rules before anything is stored: the programme's ages (rule 2,
//    today's age) and, under 13 (UK GDPR's age of digital consent), a parent's or carer's email
//    that is not the child's own nor a young person's account (rule 15, rules/consent.ts).
// 2. `join` stores the account and queues its email, after the response (the routes use
//    afterResponse): a new and an existing address must look and time alike.
// 3. `confirmByParent` is the parent's answer, through the link emailed to them.
import { eq, sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import { auditLog, joinDetails, parentalConfirmations, people } from "../../db/schema";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { field, refuse } from "../../lib/refusal";
import { guardianEmailIsAChilds } from "../../rules/consent";
import { confirmationClaim, DIGITAL_CONSENT_AGE, needsParentalConfirmation } from "../../rules/digital-consent";
import { ageOnDayOf, withinProgrammeAges, YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";
import { enqueueIf } from "../notifications/outbox";
import type { JoinInput } from "./schemas";
import { requestMagicLink } from "./sign-in";

export interface JoinPlan {
  input: JoinInput;
  /** Under 13 today: the account waits for the parent at `input.parentEmail`. */
  awaitingParent: boolean;
}

/** The rules, before anything is stored. Throws a refusal naming the field. */
export async function checkJoin(deps: Deps, input: JoinInput): Promise<JoinPlan> {
  const now = deps.clock.now();
  if (!withinProgrammeAges(ageOnDayOf(input.dateOfBirth, now))) {
    const ages = { min: YOUNG_PERSON_MIN_AGE, max: YOUNG_PERSON_MAX_AGE };
    throw refuse("age_outside_programme", ages, { fields: [field("dateOfBirth", "must_be_in_age_range_today", ages)] });
  }
  if (!needsParentalConfirmation(input.dateOfBirth, now)) {
    // Nothing more than the rules need: a parent's address is not kept for a 13-year-old or older.
    const { parentEmail: _unused, ...rest } = input;
    return { input: rest, awaitingParent: false };
  }
  const age = { age: DIGITAL_CONSENT_AGE };
  if (!input.parentEmail) throw refuse("join_parent_email_needed", age, { fields: [field("parentEmail", "required_under_age", age)] });
  if (await guardianEmailIsAChilds(deps.db, { email: input.email }, input.parentEmail, now)) {
    throw refuse("guardian_email_is_a_childs", {}, { fields: [field("parentEmail", "guardian_must_be_adult")] });
  }
  return { input, awaitingParent: true };
}

/**
 * Creates the account if the address is new, then sends what it needs: a sign-in link, or
 * (under 13) the parent's confirmation link. An address already registered gets a sign-in
 * link as if it had asked for one, and nothing changes: the answer tells no one who is
 * registered.
 */
export async function join(deps: Deps, plan: JoinPlan): Promise<void> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const { input } = plan;
  const personId = newId("per", now);
  // Everything else in the batch is written only if this batch created the person: an address
  // taken meanwhile (two sign-ups racing) leaves the other account untouched.
  const created = sql`EXISTS (SELECT 1 FROM people WHERE id = ${personId})`;
  const token = newSecret();
  const statements = [
    db
      .insert(people)
      .values({ id: personId, email: input.email, displayName: input.displayName, dateOfBirth: input.dateOfBirth, isYoungPerson: true, locale: input.locale, createdAt: now })
      .onConflictDoNothing(),
    ...(input.school || input.accessNeeds
      ? [insertSelect(db, joinDetails, { personId, school: input.school || null, accessNeeds: input.accessNeeds || null, createdAt: now }, sql`WHERE ${created}`)]
      : []),
    ...(plan.awaitingParent
      ? [
          // Invariant: an under-13's account never exists without its waiting confirmation (a
          // person row alone would be a usable account), so both are in this one batch.
          insertSelect(db, parentalConfirmations, { personId, parentEmail: input.parentEmail!, tokenHash: await sha256Hex(token), createdAt: now }, sql`WHERE ${created}`),
          enqueueIf(
            db,
            {
              template: "parent_confirmation",
              to: input.parentEmail!,
              locale: input.locale,
              payload: { url: `${config.publicUrl}/join/confirm/${token}`, name: input.displayName, email: input.email },
            },
            now,
            created,
          ),
        ]
      : []),
  ] as const;
  await db.batch(statements as unknown as Parameters<typeof db.batch>[0]);
  // An existing account, or a new one of 13 or over: a sign-in link (none while a parent's
  // confirmation is awaited: requestMagicLink checks).
  await requestMagicLink(deps, input.email);
}

/** What the parent's link page shows before they confirm: whose account, if the link is open. */
export async function parentConfirmationRequest(deps: Deps, token: string) {
  const [row] = await deps.db
    .select({ personId: people.id, displayName: people.displayName, email: people.email, confirmedAt: parentalConfirmations.confirmedAt })
    .from(parentalConfirmations)
    .innerJoin(people, eq(people.id, parentalConfirmations.personId))
    .where(eq(parentalConfirmations.tokenHash, await sha256Hex(token)))
    .limit(1);
  return row ?? null;
}

/**
 * The parent confirms: the account becomes usable, and the young person gets a sign-in link.
 * The link works once; a second press (or two at once) confirms nothing more.
 */
export async function confirmByParent(deps: Deps, token: string): Promise<{ personId: string; email: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  const tokenHash = await sha256Hex(token);
  const request = await parentConfirmationRequest(deps, token);
  if (!request || request.confirmedAt !== null) throw refuse("join_parent_link_unusable");
  // The confirmation and its audit row in one batch; the audit row only if this batch's
  // guarded update is the one that confirmed (it stamps `confirm_op` with this write's id).
  const op = newId("op", now);
  const confirmedHere = sql`EXISTS (SELECT 1 FROM parental_confirmations WHERE token_hash = ${tokenHash} AND confirm_op = ${op})`;
  const [updated] = await db.batch([
    db.update(parentalConfirmations).set({ confirmedAt: now, confirmOp: op }).where(confirmationClaim(tokenHash)).returning({ personId: parentalConfirmations.personId }),
    insertSelect(
      db,
      auditLog,
      { id: newId("aud", now), actorId: null, action: "person.parent_confirmed", subjectType: "person", subjectId: request.personId, detail: null, at: now },
      sql`WHERE ${confirmedHere}`,
    ),
  ]);
  if (!updated[0]) throw refuse("join_parent_link_unusable");
  // The young person's first sign-in link. Not in the confirming write: if it fails, the
  // account is still confirmed and the sign-in page sends another.
  await requestMagicLink(deps, request.email);
  return { personId: request.personId, email: request.email };
}
