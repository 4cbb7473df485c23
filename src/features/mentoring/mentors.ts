import { and, asc, eq } from "drizzle-orm";
import { mentors, organisations, type LocalisedText } from "../../db/schema";
import { actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { londonDate } from "../../lib/time";
import { ensurePerson } from "../auth/sign-in";
import { field, refuse } from "../../lib/refusal";
import { auditInsert } from "../audit/record";

export type Mentor = typeof mentors.$inferSelect;

export interface NewMentor {
  organisationId?: string;
  displayName: string;
  email: string;
  sector: string;
  bio: LocalisedText;
  languages: string[];
}

/** Employer staff and keys for the mentor's organisation, coordinators, and the mentor themself. */
export function managesMentor(actor: Actor | null, mentor: Pick<Mentor, "organisationId" | "personId">): boolean {
  if (actsFor(actor, mentor.organisationId)) return true;
  return actor?.kind === "person" && mentor.personId !== null && actor.person.id === mentor.personId;
}

export async function createMentor(deps: Deps, actor: Actor, input: NewMentor): Promise<Mentor> {
  const organisationId = input.organisationId ?? (actor.kind === "api_key" ? actor.organisationId : undefined);
  if (!organisationId) {
    throw refuse("mentor_employer_needed", {}, { fields: [field("organisationId", "required")] });
  }
  if (!actsFor(actor, organisationId)) throw refuse("own_mentors_only");
  const [org] = await deps.db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  if (!org) throw refuse("mentor_organisation_unknown");
  if (org.type !== "employer") throw refuse("employers_only_mentors");
  // The mentor can sign in with their email to see and manage their own slots.
  const person = await ensurePerson(deps, { email: input.email, displayName: input.displayName });
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(mentors)
    .values({
      id: newId("mnt", now),
      organisationId,
      personId: person.id,
      displayName: input.displayName,
      email: input.email,
      sector: input.sector,
      bio: input.bio,
      languages: input.languages,
      createdAt: now,
    })
    .returning();
  return row!;
}

export async function getMentor(deps: Deps, id: string): Promise<Mentor> {
  const [row] = await deps.db.select().from(mentors).where(eq(mentors.id, id)).limit(1);
  if (!row) throw refuse("no_such_mentor");
  return row;
}

export async function listMentors(deps: Deps, filter: { organisationId?: string }) {
  const where = filter.organisationId ? eq(mentors.organisationId, filter.organisationId) : undefined;
  return deps.db.select().from(mentors).where(where).orderBy(asc(mentors.displayName)).limit(200);
}

export type Verification = { checkedOn: string; expiresOn: string; certificateLast4: string; updateService?: boolean } | { revoked: true };

/**
 * Coordinators record a DBS check, or revoke it. Only the certificate's last 4 characters are
 * kept. A valid check is what makes the mentor's slots bookable by under-18s (rule 8), so
 * safeguarding alerts about this mentor clear as soon as it is recorded.
 */
export async function recordVerification(deps: Deps, actor: Actor | null, mentorId: string, input: Verification): Promise<Mentor> {
  await getMentor(deps, mentorId);
  const now = deps.clock.now();
  const set =
    "revoked" in input
      ? { dbsRevokedAt: now }
      : { dbsCheckedOn: input.checkedOn, dbsExpiresOn: input.expiresOn, dbsCertificateLast4: input.certificateLast4, dbsUpdateService: input.updateService ?? false, dbsRevokedAt: null };
  if (!("revoked" in input) && input.checkedOn > londonDate(now)) {
    throw refuse("dbs_check_in_future", {}, { fields: [field("checkedOn", "must_be_today_or_earlier")] });
  }
  if (!("revoked" in input) && input.expiresOn <= input.checkedOn) {
    throw refuse("dbs_expiry_before_check", {}, { fields: [field("expiresOn", "must_be_after_checked_on")] });
  }
  const { db } = deps;
  const action = "revoked" in input ? "mentor.dbs_revoked" : "mentor.dbs_recorded";
  const detail = "revoked" in input ? {} : { expiresOn: input.expiresOn, updateService: input.updateService ?? false };
  // Invariant: a safeguarding record never changes without the audit row naming who changed it.
  const [[row]] = await db.batch([
    db.update(mentors).set(set).where(and(eq(mentors.id, mentorId))).returning(),
    auditInsert(db, actor, { action, subjectType: "mentor", subjectId: mentorId, detail }, now),
  ]);
  return row!;
}

export const canSeeDbs = (actor: Actor | null, mentor: Mentor) => isCoordinator(actor) || actsFor(actor, mentor.organisationId);
