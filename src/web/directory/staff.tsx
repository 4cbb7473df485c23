// The coordinators' directory page: proposals to approve or reject (rule 20), services not
// checked for six months, and how many people each poster brought.
import { pickLocalised } from "../../i18n";
import type { ServiceWithPlace } from "../../features/directory/schemas";
import type { DirectoryChange } from "../../features/directory/schemas";
import { Localised } from "../layout";
import { CoordinatorShell } from "../staff/pages/coordinator-shell";
import { ServiceHeading } from "./pages";
import type { View } from "../view";

export interface PendingItem {
  change: DirectoryChange;
  organisationName: string;
  serviceName: { en: string } | null;
}

export function DirectoryStaffPage(props: { view: View; pending: PendingItem[]; stale: ServiceWithPlace[]; scans: { poster: string; scans: number }[]; done: boolean }) {
  const { view, pending, stale, scans, done } = props;
  const { t } = view;
  return (
    <CoordinatorShell view={view} title={t.t("dirStaffTitle")}>
      {done && (
        <p class="note" role="status">
          {t.t("dirDone")}
        </p>
      )}
      <h2>{t.t("dirPending")}</h2>
      {pending.length === 0 ? (
        <p>{t.t("dirNoPending")}</p>
      ) : (
        <ul class="cards">
          {pending.map(({ change, organisationName, serviceName }) => {
            const proposedName = (change.proposal.name as { en: string } | undefined) ?? serviceName;
            const name = proposedName ? pickLocalised(proposedName, t.locale) : null;
            return (
              <li class="card">
                <h3>{name ? <Localised text={name.text} lang={name.lang} /> : change.serviceId}</h3>
                <p>{t.t(change.kind === "create" ? "dirProposedNew" : "dirProposedEdit", { org: organisationName })}</p>
                <p class="meta">{t.t("dirFieldsChanged", { fields: Object.keys(change.proposal).join(", ") })}</p>
                <div class="actions">
                  <form method="post" action={`/coordinator/directory/changes/${change.id}/approve`}>
                    <button class="button" type="submit">
                      {t.t("dirApprove")}
                    </button>
                  </form>
                  <form method="post" action={`/coordinator/directory/changes/${change.id}/reject`}>
                    <button class="button secondary" type="submit">
                      {t.t("dirReject")}
                    </button>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t.t("dirStale")}</h2>
      {stale.length === 0 ? (
        <p>{t.t("dirNoStale")}</p>
      ) : (
        <ul class="cards">
          {stale.map(({ service, organisationName }) => {
            return (
              <li class="card">
                <ServiceHeading view={view} service={service} />
                <p class="meta">
                  {t.t("dirRunBy", { org: organisationName })} · {t.t("dirLastChecked", { date: service.lastCheckedOn })}
                </p>
                <form method="post" action={`/coordinator/directory/services/${service.id}/checked`}>
                  <button class="button secondary" type="submit">
                    {t.t("dirMarkChecked")}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t.t("dirPosterCounts")}</h2>
      {scans.length === 0 ? (
        <p>{t.t("dirNoScans")}</p>
      ) : (
        <table class="list">
          <tbody>
            {scans.map((s) => (
              <tr>
                <th scope="row">
                  <a href={`/directory/posters/${s.poster}`} dir="ltr">
                    {s.poster}
                  </a>
                </th>
                <td>{t.plural("dirScans", s.scans)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/directory/posters">{t.t("dirPosters")}</a>
      </p>
    </CoordinatorShell>
  );
}
