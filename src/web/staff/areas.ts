// Where a member of staff works: one link per area (coordinator, school, employer, host
// partner). The staff page lists them; "My bookings" shows them as "Your areas" so someone
// with several roles can switch from wherever they land.
import { listOrganisations } from "../../features/organisations/read";
import { hostingOrganisations } from "../../features/sessions/read";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import type { Translator } from "../../i18n";

export async function staffAreas(deps: Deps, actor: Extract<Actor, { kind: "person" }>, t: Translator): Promise<{ href: string; text: string }[]> {
  if (!actor.isCoordinator && actor.organisationIds.length === 0) return [];
  const all = await listOrganisations(deps, actor);
  const orgs = actor.isCoordinator ? all.filter((o) => actor.organisationIds.includes(o.id)) : all;
  const hosting = await hostingOrganisations(deps.db, orgs.map((o) => o.id));
  return [
    ...(actor.isCoordinator ? [{ href: "/coordinator", text: t.t("staffCoordinator") }] : []),
    ...orgs.filter((o) => o.type === "school").map((o) => ({ href: `/schools/${o.id}`, text: t.t("staffSchool", { name: o.name }) })),
    ...orgs.filter((o) => o.type === "employer").map((o) => ({ href: `/employers/${o.id}`, text: t.t("staffEmployer", { name: o.name }) })),
    ...orgs.filter((o) => hosting.includes(o.id)).map((o) => ({ href: `/host/${o.id}`, text: t.t("hostAreaLink", { name: o.name }) })),
  ];
}
