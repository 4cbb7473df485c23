import type { outboxView } from "../../../features/notifications/admin";
import type { safeguardingAlerts } from "../../../features/mentoring/safeguarding";
import { formatDay, formatTime, isoInstant } from "../../format";
import type { View } from "../../view";
import { ErrorSummary, Field, Notice, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";

type Message = ReturnType<typeof outboxView>;
type Alert = Awaited<ReturnType<typeof safeguardingAlerts>>[number];

export function FailedEmailsPage({ view, messages, errors, done, fix }: { view: View; messages: Message[]; errors: FormErrors; done?: string; fix?: { id: string; email: string } }) {
  const s = view.t;
  const names = s.raw("admEmailTemplates");
  return (
    <CoordinatorShell view={view} title={s.t("emailsTitle")} errors={errors}>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={[]} />
      <p>{s.t("emailsIntro")}</p>
      {messages.length === 0 ? (
        <p>{s.t("emailsNone")}</p>
      ) : (
        <ul class="cards">
          {messages.map((m) => {
            const at = Date.parse(m.createdAt);
            const fieldId = `email-${m.id}`;
            return (
              <li class="card">
                <dl class="facts">
                  <dt>{s.t("emailMessage")}</dt>
                  <dd>{names[m.template] ?? s.t("admEmailOther")}</dd>
                  <dt>{s.t("dateLabel")}</dt>
                  <dd>
                    <time datetime={m.createdAt}>{`${formatDay(at, view.t.locale, view.now)}, ${formatTime(at, view.t.locale, view.t)}`}</time>
                  </dd>
                  <dt>{s.t("emailTo")}</dt>
                  <dd dir="ltr">{m.to}</dd>
                  <dt>{s.t("emailWhy")}</dt>
                  <dd lang="en" dir="ltr">
                    {m.lastError ?? ""}
                  </dd>
                </dl>
                <form method="post" action={`/coordinator/emails/${m.id}/retry`}>
                  <button class="button secondary" type="submit">
                    {s.t("emailRetry")}
                  </button>
                </form>
                <details open={fix?.id === m.id}>
                  <summary>{s.t("admEmailFix")}</summary>
                  <form method="post" action={`/coordinator/emails/${m.id}/recipient`} novalidate>
                    <Field id={fieldId} label={s.t("admEmailNew")} hint={s.t("admEmailFixHint")} errors={errors}>
                      {(aria) => <input type="email" id={fieldId} name="email" maxlength={254} dir="ltr" autocomplete="off" value={fix?.id === m.id ? fix.email : m.to} {...aria} />}
                    </Field>
                    <button class="button" type="submit">
                      {s.t("admEmailFix")}
                    </button>
                  </form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </CoordinatorShell>
  );
}

export function SafeguardingPage({ view, alerts }: { view: View; alerts: Alert[] }) {
  const s = view.t;
  const reason = { dbs_missing: s.t("alertMissing"), dbs_expired: s.t("alertExpired"), dbs_revoked: s.t("alertRevoked") };
  return (
    <CoordinatorShell view={view} title={s.t("safeguardingTitle")}>
      <p>{s.t("safeguardingIntro")}</p>
      {alerts.length === 0 ? (
        <p>{s.t("safeguardingNone")}</p>
      ) : (
        <ul class="cards">
          {alerts.map((a) => (
            <li class="card">
              <h2>{reason[a.reason]}</h2>
              <p>
                <time datetime={isoInstant(a.startsAt)}>{`${formatDay(a.startsAt, view.t.locale, view.now)}, ${formatTime(a.startsAt, view.t.locale, view.t)}`}</time>
              </p>
              <p>{s.t("alertWho", { mentor: a.mentor.displayName, person: a.youngPerson.displayName })}</p>
              {a.youngPerson.ageOnDay !== null && <p>{s.t("alertAge", { age: a.youngPerson.ageOnDay })}</p>}
            </li>
          ))}
        </ul>
      )}
    </CoordinatorShell>
  );
}
