// The frame of every coordinator page: its menu and its title. In a file of its own so the
// pages that use it (coordinator, event-form, session, admin) import it without importing each other.
import { Layout } from "../../layout";
import type { View } from "../../view";
import { hasErrors, type FormErrors } from "../ui";

const titled = (view: View, errors: FormErrors, title: string) => (hasErrors(errors) ? `${view.t.t("errorSummaryTitle")}: ${title}` : title);

function CoordinatorMenu({ view }: { view: View }) {
  const s = view.t;
  return (
    <nav aria-label={s.t("coordTitle")}>
      <ul class="links">
        <li>
          <a href="/coordinator">{s.t("coordEvents")}</a>
        </li>
        <li>
          <a href="/coordinator/dashboard">{s.t("dashTitle")}</a>
        </li>
        <li>
          <a href="/coordinator/emails">{s.t("coordEmails")}</a>
        </li>
        <li>
          <a href="/coordinator/safeguarding">{s.t("coordSafeguarding")}</a>
        </li>
        <li>
          <a href="/coordinator/directory">{s.t("dirStaffTitle")}</a>
        </li>
        <li>
          <a href="/coordinator/feedback">{s.t("sfInboxTitle")}</a>
        </li>
        <li>
          <a href="/coordinator/venues">{s.t("admVenues")}</a>
        </li>
        <li>
          <a href="/coordinator/organisations">{s.t("admOrganisations")}</a>
        </li>
        <li>
          <a href="/coordinator/mentors">{s.t("admMentors")}</a>
        </li>
        <li>
          <a href="/coordinator/audit">{s.t("admAudit")}</a>
        </li>
        <li>
          <a href="/coordinator/timebank">{s.t("tbLedgerTitle")}</a>
        </li>
        <li>
          <a href="/coordinator/downloads">{s.t("admDownloads")}</a>
        </li>
      </ul>
    </nav>
  );
}

export function CoordinatorShell({ view, title, errors, children }: { view: View; title: string; errors?: FormErrors; children: unknown }) {
  return (
    <Layout view={view} title={errors ? titled(view, errors, title) : title}>
      <CoordinatorMenu view={view} />
      <h1>{title}</h1>
      {children as never}
    </Layout>
  );
}
