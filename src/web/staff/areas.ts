// Where a member of staff works: one link per area (coordinator, school, employer, host
// partner). The staff page lists them; signing in lands on the first; every staff page and "My
// bookings" show them so someone with several roles can switch from wherever they are.
import { listOrganisations } from "../../features/organisations/read";
import { hostingOrganisations } from "../../features/sessions/read";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import type { Translator } from "../../i18n";

export interface Area {
  href: string;
  text: string;
}

type Person = Extract<Actor, { kind: "person" }>;

/** The organisations whose areas a person has: coordinators reach every one from their own area, so only their memberships count here. */
export async function ownOrganisations(deps: Deps, actor: Person) {
  if (!actor.isCoordinator && actor.organisationIds.length === 0) return [];
  const all = await listOrganisations(deps, actor);
  return actor.isCoordinator ? all.filter((o) => actor.organisationIds.includes(o.id)) : all;
}

export async function staffAreas(deps: Deps, actor: Person, t: Translator): Promise<Area[]> {
  if (!actor.isCoordinator && actor.organisationIds.length === 0) return [];
  const orgs = await ownOrganisations(deps, actor);
  const hosting = await hostingOrganisations(deps.db, orgs.map((o) => o.id));
  return [
    ...(actor.isCoordinator ? [{ href: "/coordinator", text: t.t("staffCoordinator") }] : []),
    ...orgs.filter((o) => o.type === "school").map((o) => ({ href: `/schools/${o.id}`, text: t.t("staffSchool", { name: o.name }) })),
    ...orgs.filter((o) => o.type === "employer").map((o) => ({ href: `/employers/${o.id}`, text: t.t("staffEmployer", { name: o.name }) })),
    // Any organisation hosting events (care homes, libraries, employers …) runs its own door.
    ...orgs.filter((o) => hosting.includes(o.id)).map((o) => ({ href: `/host/${o.id}`, text: t.t("hostAreaLink", { name: o.name }) })),
  ];
}

/**
 * Where signing in lands: the first area (coordinator, then school, employer, host partner);
 * staff of an organisation with no area yet get the staff page, which says so; everyone
 * else (young people, parents) their bookings.
 */
export async function landingFor(deps: Deps, actor: Person, t: Translator): Promise<string> {
  const areas = await staffAreas(deps, actor, t);
  if (areas[0]) return areas[0].href;
  return actor.organisationIds.length > 0 ? "/staff" : "/my";
}
