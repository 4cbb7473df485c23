// API keys for an organisation's own systems: made, listed and revoked by its staff or a coordinator.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { apiKeys } from "../../db/schema";
import { API_KEY_PREFIX } from "../../lib/auth";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { auditInsert, auditInsertIf } from "../audit/record";
import { getOrganisation } from "./read";

/**
 * The key is returned once, here; only its hash and a short prefix are stored. `by` is who
 * made it (null: the seed or a fixture), named on the key and in the audit row.
 */
export async function createApiKey(deps: Deps, organisationId: string, name: string, by: Actor | null) {
  await getOrganisation(deps, organisationId);
  const { db } = deps;
  const now = deps.clock.now();
  const id = newId("key", now);
  const prefix = newSecret(6).slice(0, 8);
  const key = `${API_KEY_PREFIX}${prefix}_${newSecret(32)}`;
  // Invariant: no key that opens an organisation's data without the audit row of who made it.
  const [[row]] = await db.batch([
    db.insert(apiKeys).values({ id, organisationId, name, prefix, keyHash: await sha256Hex(key), createdBy: by?.kind === "person" ? by.person.id : null, createdAt: now }).returning(),
    auditInsert(db, by, { action: "api_key.created", subjectType: "organisation", subjectId: organisationId, detail: { keyId: id } }, now),
  ]);
  return { ...row!, key };
}

export async function listApiKeys(deps: Deps, organisationId: string) {
  return deps.db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.organisationId, organisationId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(deps: Deps, organisationId: string, keyId: string, by: Actor | null = null) {
  const { db } = deps;
  const now = deps.clock.now();
  const live = sql`exists (select 1 from api_keys where id = ${keyId} and organisation_id = ${organisationId} and revoked_at is null)`;
  // Invariant: the revocation and its audit row together; a second click revokes nothing and records nothing.
  const [, revoked] = await db.batch([
    auditInsertIf(db, by, { action: "api_key.revoked", subjectType: "organisation", subjectId: organisationId, detail: { keyId } }, now, live),
    db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.organisationId, organisationId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id }),
  ]);
  if (revoked.length === 0) throw refuse("no_api_key");
}
