// Adding a member to an organisation: the person is found or created by email, then signs in
// by email link as staff of it.
import { sql } from "drizzle-orm";
import { memberships } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { auditInsertIf } from "../audit/record";
import { ensurePerson } from "../auth/sign-in";
import { getOrganisation } from "./read";

export async function addMember(deps: Deps, organisationId: string, input: { email: string; displayName: string }, actor: Actor | null = null) {
  await getOrganisation(deps, organisationId);
  const person = await ensurePerson(deps, input);
  const { db } = deps;
  const now = deps.clock.now();
  const notYet = sql`not exists (select 1 from memberships where organisation_id = ${organisationId} and person_id = ${person.id})`;
  // Invariant: a membership (which opens the organisation's people to its holder) never appears
  // without the audit row naming who granted it; adding someone twice writes neither again.
  await db.batch([
    auditInsertIf(db, actor, { action: "organisation.member_added", subjectType: "organisation", subjectId: organisationId, detail: { personId: person.id } }, now, notYet),
    db.insert(memberships).values({ id: newId("mem", now), organisationId, personId: person.id }).onConflictDoNothing(),
  ]);
  return { personId: person.id, organisationId, email: input.email };
}
