// Issue #14 item 6: "Book all N dates" and the outcome per date, one form for a whole series.
// No JavaScript: a form, then a page with a table of dates and what happened to each.
import type { Child } from "hono/jsx";
import { pickLocalised } from "../../../i18n";
import { seriesOutcomeLine, type SeriesDateFacts } from "../../../../emails/series";
import type { events, sessions } from "../../../db/schema";
import { Layout, Localised } from "../../layout";
import { formatWhen, isoInstant } from "../../format";
import { Field } from "../../staff/ui";
import type { View } from "../../view";
import { ErrorSummary, fieldErrors, GuardianEmailInput, type FieldProblem } from "../parts";
import { ACCESS_EXAMPLES_MAX, type BookForm } from "./book";

type Event = typeof events.$inferSelect;
type Session = typeof sessions.$inferSelect;

/** The form behind "Book all N dates": the dates it will try, access needs, a guardian when one must agree. */
export function SeriesBookPage(props: { view: View; event: Event; dates: Session[]; consentAge: number | null; form: BookForm; errors?: FieldProblem[]; refusal?: Child }) {
  const { view, event, dates, consentAge, form, errors = [], refusal } = props;
  const { t } = view;
  const title = pickLocalised(event.title, t.locale);
  const failed = errors.length > 0 || Boolean(refusal);
  const fields = fieldErrors(errors);
  return (
    <Layout view={view} title={failed ? `${t.t("errorSummaryTitle")}: ${t.t("srTitle")}` : t.t("srTitle")} section="events">
      <h1>{t.t("srTitle")}</h1>
      <ErrorSummary view={view} errors={errors} message={refusal} />
      <p class="lead">
        <a href={`/events/${event.id}`}>
          <Localised text={title.text} lang={title.lang} />
        </a>
      </p>
      <p>{t.t("srIntro", { title: title.text })}</p>
      <h2>{t.t("srDatesHeading")}</h2>
      {dates.length === 0 ? (
        <p>{t.t("srNoneLeft")}</p>
      ) : (
        <>
          <ul>
            {dates.map((s) => (
              <li>
                <time datetime={isoInstant(s.startsAt)}>{formatWhen(s.startsAt, s.endsAt, t, view.now)}</time>
              </li>
            ))}
          </ul>
          <form method="post" action={`/events/${event.id}/book-all`} novalidate>
            <Field id="accessNeeds" label={t.t("bookAccessLabel")} hint={t.t("bookAccessHint")} errors={fields}>
              {(aria) => (
                <textarea id="accessNeeds" name="accessNeeds" rows={4} maxlength={ACCESS_EXAMPLES_MAX} dir="auto" {...aria}>
                  {form.accessNeeds}
                </textarea>
              )}
            </Field>
            {consentAge !== null && (
              <Field id="guardianEmail" label={t.t("bookGuardianLabel")} hint={t.t("bookGuardianWhy", { age: consentAge })} errors={fields}>
                {(aria) => <GuardianEmailInput value={form.guardianEmail} aria={aria} />}
              </Field>
            )}
            <button class="button" type="submit">
              {t.plural("srBookAll", dates.length)}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** What happened to each date: a table in the person's language, the same words as the email. */
export function SeriesOutcomePage({ view, event, dates }: { view: View; event: Event; dates: SeriesDateFacts[] }) {
  const { t } = view;
  const title = pickLocalised(event.title, t.locale);
  const anyBooked = dates.some((d) => d.outcome === "booked" || d.outcome === "pending_consent" || d.outcome === "waitlisted");
  return (
    <Layout view={view} title={t.t("srOutcomeTitle")} section="my">
      <h1>{t.t("srOutcomeTitle")}</h1>
      <p class="lead">
        <a href={`/events/${event.id}`}>
          <Localised text={title.text} lang={title.lang} />
        </a>
      </p>
      <p role="status">{anyBooked ? t.t("srEmailed") : t.t("srNothingBooked")}</p>
      <table class="list">
        <caption>{t.t("srOutcomeIntro", { title: title.text })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t("srDate")}</th>
            <th scope="col">{t.t("srOutcome")}</th>
          </tr>
        </thead>
        <tbody>
          {dates.map((d) => (
            <tr>
              <th scope="row">
                <time datetime={isoInstant(d.startsAt)}>{formatWhen(d.startsAt, d.endsAt, t, view.now)}</time>
              </th>
              <td>{seriesOutcomeLine(t, d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a class="button secondary" href="/my">
          {t.t("srSeeMine")}
        </a>
      </p>
    </Layout>
  );
}
