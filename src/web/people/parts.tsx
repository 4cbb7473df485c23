// Small pieces the people pages share.
import type { Child } from "hono/jsx";
import { formatDay, formatTime, formatWhen, isoInstant } from "../format";
import { pickLocalised } from "../../i18n";
import { Localised } from "../layout";
import type { Event, Session } from "../../features/catalogue/events";
import type { Venue } from "../../features/catalogue/venues";
import { VenueFacts } from "../pages/event";
import { Pictogram } from "../pictograms";
import type { FormErrors } from "../staff/ui";
import type { View } from "../view";

/** "Wednesday 4 March at 4:00pm", London time. */
export const formatAt = (instant: number, view: View) =>
  view.t.t("atTime", { day: formatDay(instant, view.t.locale, view.now), time: formatTime(instant, view.t.locale, view.t) });

export interface FieldProblem {
  field: string;
  message: string;
}

/** The problems as the shared form `Field` (../staff/ui) reads them: a message per field. */
export const fieldErrors = (errors: FieldProblem[]): FormErrors => ({ fields: Object.fromEntries(errors.map((e) => [e.field, e.message])) });

/** A guardian's address, on the session and the mentoring booking forms alike. */
export function GuardianEmailInput({ value, aria }: { value: string; aria: Record<string, string> }) {
  return <input type="email" id="guardianEmail" name="guardianEmail" autocomplete="off" spellcheck={false} dir="ltr" value={value} {...aria} />;
}

/** The error summary at the top of a form: each problem links to its field. */
export function ErrorSummary({ view, errors, message }: { view: View; errors: FieldProblem[]; message?: Child }) {
  if (errors.length === 0 && !message) return null;
  return (
    <div class="summary" role="alert" aria-labelledby="error-summary">
      <h2 id="error-summary">{message ? view.t.t("refusedTitle") : view.t.t("errorSummaryTitle")}</h2>
      {message}
      {errors.length > 0 && (
        <ul>
          {errors.map((e) => (
            <li>
              <a href={`#${e.field}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What, when and where of a session, with the place's access facts. */
/** `directions: false` on pages whose address is a secret (a consent link): no link to another site there. */
export function SessionSummary({ view, event, session, venue, children, directions = true }: { view: View; event: Event; session: Session; venue: Venue | null; children?: Child; directions?: boolean }) {
  const { t } = view;
  const title = pickLocalised(event.title, t.locale);
  return (
    <>
      <dl class="facts">
        <dt>{t.t("what")}</dt>
        <dd>
          <a href={`/events/${event.id}`}>
            <Localised text={title.text} lang={title.lang} />
          </a>
        </dd>
        <dt>{t.t("filterType")}</dt>
        <dd>
          <Pictogram view={view} table="eventTypes" name={event.type} />
        </dd>
        {event.accessFeatures.length > 0 && (
          <>
            <dt>{t.t("eventSupport")}</dt>
            <dd>
              <ul class="access pictos">
                {event.accessFeatures.map((feature) => (
                  <li>
                    <Pictogram view={view} table="accessNeeds" name={feature} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t.t("when")}</dt>
        <dd>
          <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, t, view.now)}</time>
        </dd>
        <dt>{t.t("where")}</dt>
        <dd>{venue ? <bdi>{venue.name}</bdi> : t.t("online")}</dd>
        {children}
      </dl>
      {venue && <VenueFacts view={view} venue={venue} directions={directions} />}
    </>
  );
}
