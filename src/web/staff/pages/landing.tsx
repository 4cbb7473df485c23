import type { organisations } from "../../../db/schema";
import { Layout } from "../../layout";
import type { View } from "../../view";
import type { Area } from "../areas";

type Org = typeof organisations.$inferSelect;

/** Where a member of staff starts: one link per area they can use (areas.ts), then the tools every organisation has. */
export function StaffLanding({ view, orgs, areas }: { view: View; orgs: Org[]; areas: Area[] }) {
  const s = view.t;
  const links = [
    ...areas,
    // Schools book groups onto carousels there; hosts find their stations' timetables.
    ...(areas.length > 0 ? [{ href: "/carousels", text: s.t("carLink") }] : []),
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
