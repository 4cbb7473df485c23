// An organisation's webhook addresses: add one (its secret shown once), give it a new secret,
// remove it, and read and resend its latest messages. Staff of the organisation and coordinators.
import { WEBHOOK_EVENT_TYPES, type webhookDeliveries, type webhookEndpoints } from "../../../db/schema";
import { formatDay, formatTime } from "../../format";
import { Layout } from "../../layout";
import type { View } from "../../view";
import { ErrorSummary, Field, Notice, type FormErrors } from "../ui";

type Endpoint = typeof webhookEndpoints.$inferSelect;
type Delivery = typeof webhookDeliveries.$inferSelect;

export interface WebhookForm {
  url: string;
  events: string[];
}
export const emptyWebhookForm: WebhookForm = { url: "", events: ["booking.confirmed", "booking.cancelled"] };

export function WebhooksPage(props: {
  view: View;
  org: { id: string; name: string };
  endpoints: { endpoint: Endpoint; deliveries: Delivery[] }[];
  form: WebhookForm;
  errors: FormErrors;
  secret?: { url: string; secret: string };
  done?: string;
}) {
  const { view, org, endpoints, form, errors, secret, done } = props;
  const s = view.t;
  const base = `/organisations/${org.id}/webhooks`;
  const when = (at: number) => `${formatDay(at, s.locale, view.now)} ${formatTime(at, s.locale, s)}`;
  return (
    <Layout view={view} title={`${s.t("whTitle")}: ${org.name}`}>
      <h1>
        {s.t("whTitle")}: {org.name}
      </h1>
      <ErrorSummary view={view} errors={errors} order={["url", "events"]} />
      {done && <Notice>{done}</Notice>}
      {secret && (
        <section aria-labelledby="secret-heading" class="note" role="status">
          <h2 id="secret-heading">{s.t("whSecretHeading")}</h2>
          <p>{secret.url}</p>
          <p>
            <code>{secret.secret}</code>
          </p>
          <p>{s.t("whSecretOnce")}</p>
        </section>
      )}
      <p>{s.t("whIntro")}</p>
      {endpoints.length === 0 && <p>{s.t("whNone")}</p>}
      {endpoints.map(({ endpoint: e, deliveries }) => (
        <section aria-labelledby={`wh-${e.id}`}>
          <h2 id={`wh-${e.id}`}>{e.url}</h2>
          <ul>
            {e.events.map((ev) => (
              <li>{s.raw("whEventNames")[ev] ?? ev}</li>
            ))}
          </ul>
          <form method="post" action={`${base}/${e.id}/rotate`}>
            <p class="hint">{s.t("whRotateHint")}</p>
            <button type="submit">{s.t("whRotate")}</button>
          </form>
          <form method="post" action={`${base}/${e.id}/remove`}>
            <button type="submit">{s.t("whRemove")}</button>
          </form>
          <h3>{s.t("whLog")}</h3>
          {deliveries.length === 0 ? (
            <p>{s.t("whLogNone")}</p>
          ) : (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{s.t("whWhen")}</th>
                  <th scope="col">{s.t("whWhat")}</th>
                  <th scope="col">{s.t("whStatus")}</th>
                  <th scope="col">{s.t("whAttempts")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{s.t("whRedeliver")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr>
                    <td>{when(d.createdAt)}</td>
                    <td>{s.raw("whEventNames")[d.eventType] ?? d.eventType}</td>
                    <td>
                      {s.raw("whStatusNames")[d.status] ?? d.status}
                      {d.lastStatus !== null && d.status !== "delivered" ? ` (HTTP ${d.lastStatus})` : ""}
                    </td>
                    <td>{d.attempts}</td>
                    <td>
                      {d.status !== "sending" && (
                        <form method="post" action={`${base}/${e.id}/deliveries/${d.id}/redeliver`}>
                          <button type="submit" aria-label={`${s.t("whRedeliver")}: ${s.raw("whEventNames")[d.eventType] ?? d.eventType}, ${when(d.createdAt)}`}>
                            {s.t("whRedeliver")}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <h2>{s.t("whAddHeading")}</h2>
      <form method="post" action={base} novalidate>
        <Field id="url" label={s.t("whUrl")} hint={s.t("whUrlHint")} errors={errors}>
          {(aria) => <input type="url" id="url" name="url" value={form.url} maxlength={500} autocomplete="url" {...aria} />}
        </Field>
        <fieldset id="events" aria-describedby={errors.fields.events ? "events-error" : undefined}>
          <legend>{s.t("whEvents")}</legend>
          {errors.fields.events && (
            <p class="error" id="events-error">
              {errors.fields.events}
            </p>
          )}
          {WEBHOOK_EVENT_TYPES.map((ev) => (
            <div class="choice">
              <input type="checkbox" id={`ev-${ev}`} name="events" value={ev} checked={form.events.includes(ev)} />
              <label for={`ev-${ev}`}>{s.raw("whEventNames")[ev] ?? ev}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{s.t("whAdd")}</button>
      </form>
    </Layout>
  );
}
