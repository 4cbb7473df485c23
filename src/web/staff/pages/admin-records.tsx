// The records coordinators read: the audit log (filtered by person, organisation and dates)
// and the downloads (the programme report; each session's register is on its own page).
import type { auditLog } from "../../../db/schema";
import { formatDay, formatTime, isoInstant } from "../../format";
import type { View } from "../../view";
import { ErrorSummary, Field, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";

export interface AuditForm {
  email: string;
  organisationId: string;
  from: string;
  to: string;
}

type Entry = typeof auditLog.$inferSelect;

export function AuditPage({ view, form, orgs, entries, names, older, errors }: { view: View; form: AuditForm; orgs: { id: string; name: string }[]; entries: Entry[]; names: Map<string, string>; older: string | null; errors: FormErrors }) {
  const s = view.t;
  const who = (id: string | null) => (id === null || id === "anonymous" ? s.t("admAuditSystem") : (names.get(id) ?? id));
  return (
    <CoordinatorShell view={view} title={s.t("admAudit")} errors={errors}>
      <p>{s.t("admAuditIntro")}</p>
      <ErrorSummary view={view} errors={errors} order={["email", "organisationId", "from", "to"]} />
      <form method="get" action="/coordinator/audit" novalidate>
        <Field id="email" label={s.t("admAuditPerson")} errors={errors}>
          {(aria) => <input type="email" id="email" name="email" maxlength={254} dir="ltr" autocomplete="off" value={form.email} {...aria} />}
        </Field>
        <Field id="organisationId" label={s.t("admAuditOrg")} hint={s.t("admAuditOrgHint")} errors={errors}>
          {(aria) => (
            <select id="organisationId" name="organisationId" {...aria}>
              <option value="">{s.t("admAuditAny")}</option>
              {orgs.map((o) => (
                <option value={o.id} selected={form.organisationId === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="row">
          <Field id="from" label={s.t("admAuditFrom")} errors={errors}>
            {(aria) => <input type="date" id="from" name="from" value={form.from} {...aria} />}
          </Field>
          <Field id="to" label={s.t("admAuditTo")} errors={errors}>
            {(aria) => <input type="date" id="to" name="to" value={form.to} {...aria} />}
          </Field>
        </div>
        <button class="button" type="submit">
          {s.t("admAuditShow")}
        </button>
      </form>
      {entries.length === 0 ? (
        <p>{s.t("admAuditNone")}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{s.t("admAuditWhen")}</th>
              <th scope="col">{s.t("admAuditWho")}</th>
              <th scope="col">{s.t("admAuditWhat")}</th>
              <th scope="col">{s.t("admAuditAbout")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>
                  <time datetime={isoInstant(e.at)}>{`${formatDay(e.at, s.locale, view.now)}, ${formatTime(e.at, s.locale, s)}`}</time>
                </td>
                <td>{who(e.actorId)}</td>
                {/* The action is the log's own code (as the API gives it), the same in every language. */}
                <td lang="en" dir="ltr">
                  <code>{e.action}</code>
                </td>
                <td dir="ltr">
                  <code>{e.subjectId ? `${e.subjectType} ${e.subjectId}` : e.subjectType}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {older && (
        <p>
          <a href={older}>{s.t("admAuditOlder")}</a>
        </p>
      )}
    </CoordinatorShell>
  );
}

export function DownloadsPage({ view, from, to, errors }: { view: View; from: string; to: string; errors: FormErrors }) {
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("admDownloads")} errors={errors}>
      <p>{s.t("admDownloadsIntro")}</p>
      <h2>{s.t("admReport")}</h2>
      <p>{s.t("admReportIntro")}</p>
      <ErrorSummary view={view} errors={errors} order={["from", "to"]} />
      <form method="get" action="/coordinator/downloads/programme.csv" novalidate>
        <div class="row">
          <Field id="from" label={s.t("admAuditFrom")} errors={errors}>
            {(aria) => <input type="date" id="from" name="from" value={from} {...aria} />}
          </Field>
          <Field id="to" label={s.t("admAuditTo")} errors={errors}>
            {(aria) => <input type="date" id="to" name="to" value={to} {...aria} />}
          </Field>
        </div>
        <button class="button" type="submit">
          {s.t("admReportDownload")}
        </button>
      </form>
    </CoordinatorShell>
  );
}
