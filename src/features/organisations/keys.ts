// API keys for an organisation's own systems: made, listed and revoked by its staff or a coordinator.
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "../../db/schema";
import { API_KEY_PREFIX } from "../../lib/auth";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { refuse } from "../../lib/refusal";
import { getOrganisation } from "./read";

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
