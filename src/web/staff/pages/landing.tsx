import type { organisations } from "../../../db/schema";
import { Layout } from "../../layout";
import type { View } from "../../view";

type Org = typeof organisations.$inferSelect;

/** Where a member of staff starts: one link per area they can use. */
export function StaffLanding({ view, orgs, hosting = [], coordinator }: { view: View; orgs: Org[]; hosting?: string[]; coordinator: boolean }) {
  const s = view.t;
  const links = [
    ...(coordinator ? [{ href: "/coordinator", text: s.t("staffCoordinator") }] : []),
    ...orgs.filter((o) => o.type === "school").map((o) => ({ href: `/schools/${o.id}`, text: s.t("staffSchool", { name: o.name }) })),
    ...orgs.filter((o) => o.type === "employer").map((o) => ({ href: `/employers/${o.id}`, text: s.t("staffEmployer", { name: o.name }) })),
    // Any organisation hosting events (care homes, libraries, employers …) runs its own door.
    ...orgs.filter((o) => hosting.includes(o.id)).map((o) => ({ href: `/host/${o.id}`, text: s.t("hostAreaLink", { name: o.name }) })),
    // Schools book groups onto carousels there; hosts find their stations' timetables.
    ...(coordinator || orgs.length > 0 ? [{ href: "/carousels", text: s.t("carLink") }] : []),
    // Partners' systems hear about their bookings (issue #20).
    ...orgs.map((o) => ({ href: `/organisations/${o.id}/webhooks`, text: s.t("whLink", { name: o.name }) })),
  ];
  return (
    <Layout view={view} title={s.t("staffTitle")}>
      <h1>{s.t("staffTitle")}</h1>
      {links.length === 0 ? (
        <p>{s.t("staffNone")}</p>
      ) : (
        <>
          <p class="lead">{s.t("staffIntro")}</p>
          <ul class="cards">
            {links.map((l) => (
              <li class="card">
                <a href={l.href}>{l.text}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
