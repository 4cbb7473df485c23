// Adding a member to an organisation: the person is found or created by email.
import { memberships } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { ensurePerson } from "../auth/sign-in";
import { getOrganisation } from "./read";

export async function addMember(deps: Deps, organisationId: string, input: { email: string; displayName: string }) {
  await getOrganisation(deps, organisationId);
  const person = await ensurePerson(deps, input);
  await deps.db
    .insert(memberships)
    .values({ id: newId("mem", deps.clock.now()), organisationId, personId: person.id })
    .onConflictDoNothing();
  return { personId: person.id, organisationId, email: input.email };
}
