// Reading organisations: one by id, the ones a caller belongs to, and every one for a form's choices.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { memberships, organisations, people } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";

/** Every organisation by name, for a form's choice of host. */
export const allOrganisations = (db: Db) => db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)).limit(200);

export async function getOrganisation(deps: Deps, id: string) {
  const [org] = await deps.db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!org) throw refuse("no_organisation");
  return org;
}

/** Coordinators see every organisation; everyone else only their own. */
export async function listOrganisations(deps: Deps, actor: Actor) {
  const q = deps.db.select().from(organisations).orderBy(organisations.name);
  if (actor.kind === "person" && actor.isCoordinator) return q;
  const ids = actor.kind === "api_key" ? [actor.organisationId] : actor.organisationIds;
  if (ids.length === 0) return [];
  return deps.db.select().from(organisations).where(inArray(organisations.id, ids)).orderBy(organisations.name);
}

/** An organisation's staff, by name: for coordinators managing it (the caller has checked). */
export const membersOf = (db: Db, organisationId: string) =>
  db
    .select({ id: people.id, displayName: people.displayName, email: people.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(people.displayName))
    .limit(500);
