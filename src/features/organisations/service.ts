import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { apiKeys, memberships, organisations, type OrganisationType } from "../../db/schema";
import { API_KEY_PREFIX } from "../../lib/auth";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { ensurePerson } from "../auth/service";

export async function createOrganisation(deps: Deps, input: { type: OrganisationType; name: string; contactEmail?: string }) {
  const now = deps.clock.now();
  const [org] = await deps.db
    .insert(organisations)
    .values({ id: newId("org", now), type: input.type, name: input.name, contactEmail: input.contactEmail ?? null, createdAt: now })
    .returning();
  return org!;
}

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

export async function addMember(deps: Deps, organisationId: string, input: { email: string; displayName: string }) {
  await getOrganisation(deps, organisationId);
  const person = await ensurePerson(deps, input);
  await deps.db
    .insert(memberships)
    .values({ id: newId("mem", deps.clock.now()), organisationId, personId: person.id })
    .onConflictDoNothing();
  return { personId: person.id, organisationId, email: input.email };
}

/** The key is returned once, here; only its hash and a short prefix are stored. */
export async function createApiKey(deps: Deps, organisationId: string, name: string, createdBy: string | null) {
  await getOrganisation(deps, organisationId);
  const now = deps.clock.now();
  const prefix = newSecret(6).slice(0, 8);
  const key = `${API_KEY_PREFIX}${prefix}_${newSecret(32)}`;
  const [row] = await deps.db
    .insert(apiKeys)
    .values({ id: newId("key", now), organisationId, name, prefix, keyHash: await sha256Hex(key), createdBy, createdAt: now })
    .returning();
  return { ...row!, key };
}

export async function listApiKeys(deps: Deps, organisationId: string) {
  return deps.db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(deps: Deps, organisationId: string, keyId: string) {
  const [row] = await deps.db
    .update(apiKeys)
    .set({ revokedAt: deps.clock.now() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.organisationId, organisationId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (!row) throw refuse("no_api_key");
}
