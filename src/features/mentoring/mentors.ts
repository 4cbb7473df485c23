import { and, asc, eq } from "drizzle-orm";
import { mentors, organisations } from "../../db/schema";
import { actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { londonDate } from "../../lib/time";
import { ensurePerson } from "../auth/sign-in";

export type Mentor = typeof mentors.$inferSelect;

export interface NewMentor {
  organisationId?: string;
  displayName: string;
  email: string;
  sector: string;
  bio: string;
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
    throw new ProblemError("validation", "Say which employer this mentor belongs to.", { errors: [{ path: "organisationId", message: "Required" }] });
  }
  if (!actsFor(actor, organisationId)) throw new ProblemError("forbidden", "You can only add mentors to your own organisation.");
  const [org] = await deps.db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  if (!org) throw new ProblemError("not_found", "There is no organisation with that id.");
  if (org.type !== "employer") throw new ProblemError("forbidden", "Only employers can add mentors.");
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
  if (!row) throw new ProblemError("not_found", "There is no mentor with that id.");
  return row;
}

export async function listMentors(deps: Deps, filter: { organisationId?: string }) {
  const where = filter.organisationId ? eq(mentors.organisationId, filter.organisationId) : undefined;
  return deps.db.select().from(mentors).where(where).orderBy(asc(mentors.displayName)).limit(200);
}

export type Verification = { checkedOn: string; expiresOn: string; certificateLast4: string } | { revoked: true };

/** Coordinators record a DBS check, or revoke it. Only the certificate's last 4 characters are kept. */
export async function recordVerification(deps: Deps, mentorId: string, input: Verification): Promise<Mentor> {
  await getMentor(deps, mentorId);
  const now = deps.clock.now();
  const set =
    "revoked" in input
      ? { dbsRevokedAt: now }
      : { dbsCheckedOn: input.checkedOn, dbsExpiresOn: input.expiresOn, dbsCertificateLast4: input.certificateLast4, dbsRevokedAt: null };
  if (!("revoked" in input) && input.checkedOn > londonDate(now)) {
    throw new ProblemError("validation", "The check date cannot be in the future.", { errors: [{ path: "checkedOn", message: "Must be today or earlier" }] });
  }
  if (!("revoked" in input) && input.expiresOn <= input.checkedOn) {
    throw new ProblemError("validation", "The expiry date must be after the date of the check.", { errors: [{ path: "expiresOn", message: "Must be after checkedOn" }] });
  }
  const [row] = await deps.db.update(mentors).set(set).where(and(eq(mentors.id, mentorId))).returning();
  return row!;
}

export const canSeeDbs = (actor: Actor | null, mentor: Mentor) => isCoordinator(actor) || actsFor(actor, mentor.organisationId);
