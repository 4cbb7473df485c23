// Creating an organisation (coordinators only: the route and the page check).
import { organisations, type OrganisationType } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { auditInsert } from "../audit/record";

/** `actor` is who the audit row names (null: the seed or a test fixture acting as the system). */
export async function createOrganisation(deps: Deps, input: { type: OrganisationType; name: string; contactEmail?: string }, actor: Actor | null = null) {
  const { db } = deps;
  const now = deps.clock.now();
  const id = newId("org", now);
  // Invariant: no organisation without the audit row saying who added it.
  const [[org]] = await db.batch([
    db.insert(organisations).values({ id, type: input.type, name: input.name, contactEmail: input.contactEmail ?? null, createdAt: now }).returning(),
    auditInsert(db, actor, { action: "organisation.created", subjectType: "organisation", subjectId: id, detail: { type: input.type } }, now),
  ]);
  return org!;
}
