// Creating an organisation (coordinators only: the route checks).
import { organisations, type OrganisationType } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";

export async function createOrganisation(deps: Deps, input: { type: OrganisationType; name: string; contactEmail?: string }) {
  const now = deps.clock.now();
  const [org] = await deps.db
    .insert(organisations)
    .values({ id: newId("org", now), type: input.type, name: input.name, contactEmail: input.contactEmail ?? null, createdAt: now })
    .returning();
  return org!;
}
