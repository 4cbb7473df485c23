// Contributors: the people who give time at a session without booking it, recorded by its host
// (or a coordinator), and confirmed after it, which credits their hours (rule 18).
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { contributors, type ContributorRole } from "../../db/schema";
import { auditInsert } from "../audit/record";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { requireHost } from "../attendance/access";
import { ensurePerson } from "../auth/sign-in";
import { loadSession } from "../bookings/lookups";
import { auditIf, creditContributionStatement } from "./ledger";

export type ContributorRow = typeof contributors.$inferSelect;

export interface ContributorInput {
  name: string;
  role: ContributorRole;
  organisationId?: string | null;
  organisationName?: string;
  /** Only if the contributor wants an account to see their own statement. */
  email?: string | null;
}

/** Loads a session the actor hosts (or coordinates), refusing anyone else. */
async function hostedSession(deps: Deps, actor: Actor, sessionId: string) {
  const loaded = await loadSession(deps, sessionId);
  requireHost(actor, loaded.event, "host_only_contributors");
  return loaded;
}

export async function recordContributor(deps: Deps, actor: Actor, sessionId: string, input: ContributorInput): Promise<ContributorRow> {
  const { db, clock } = deps;
  const { session } = await hostedSession(deps, actor, sessionId);
  if (session.status === "cancelled") throw refuse("contributor_session_cancelled");
  const personId = input.email ? (await ensurePerson(deps, { email: input.email.toLowerCase(), displayName: input.name })).id : null;
  const now = clock.now();
  const id = newId("ctb", now);
  const row = {
    id,
    sessionId,
    name: input.name,
    role: input.role,
    organisationId: input.organisationId ?? null,
    organisationName: input.organisationName ?? "",
    personId,
    recordedBy: actor.kind === "person" ? actor.person.id : actor.apiKeyId,
    createdAt: now,
  };
  // The contributor and the trace of who recorded them, together.
  await db.batch([
    db.insert(contributors).values(row),
    auditInsert(db, actor, { action: "timebank.contributor.recorded", subjectType: "contributor", subjectId: id, detail: { sessionId, role: input.role } }, now),
  ]);
  return { ...row, minutes: null, confirmedAt: null };
}

export async function listContributors(deps: Deps, actor: Actor, sessionId: string): Promise<ContributorRow[]> {
  await hostedSession(deps, actor, sessionId);
  return deps.db.select().from(contributors).where(eq(contributors.sessionId, sessionId)).orderBy(asc(contributors.createdAt), asc(contributors.id));
}

/**
 * Confirms that a contributor gave their time, once the session has ended, crediting their
 * hours (the minutes given, else the session's length). Confirming again changes nothing and
 * says so: the first confirmation's minutes stand (a correction is a reversal by a coordinator).
 */
export async function confirmContribution(deps: Deps, actor: Actor, contributorId: string, minutes?: number): Promise<{ contributor: ContributorRow; alreadyConfirmed: boolean }> {
  const { db, clock } = deps;
  const [existing] = await db.select().from(contributors).where(eq(contributors.id, contributorId)).limit(1);
  if (!existing) throw refuse("no_contributor");
  const { session } = await hostedSession(deps, actor, existing.sessionId);
  if (session.status === "cancelled") throw refuse("contributor_session_cancelled");
  const now = clock.now();
  if (now < session.endsAt) throw refuse("contribution_before_end", { when: { at: session.endsAt } });
  // Invariant (rule 18): the confirmation, its credit and its audit row are one write; the guard
  // `confirmed_at IS NULL` lets one of two simultaneous confirmations through, and the credit's
  // unique key would stop a second credit even if both did. The audit row follows the credit.
  const creditId = newId("tbe", now);
  const [confirmed] = await db.batch([
    db
      .update(contributors)
      .set({ confirmedAt: now, minutes: minutes ?? existing.minutes })
      .where(and(eq(contributors.id, contributorId), isNull(contributors.confirmedAt)))
      .returning(),
    creditContributionStatement(db, contributorId, now, creditId),
    auditIf(db, actor, { action: "timebank.contribution.confirmed", subjectType: "contributor", subjectId: contributorId, detail: { minutes: minutes ?? null, entry: creditId } }, now, sql`EXISTS (SELECT 1 FROM timebank_entries WHERE id = ${creditId})`),
  ]);
  if (confirmed[0]) return { contributor: confirmed[0], alreadyConfirmed: false };
  const [again] = await db.select().from(contributors).where(eq(contributors.id, contributorId)).limit(1);
  return { contributor: again!, alreadyConfirmed: true };
}
