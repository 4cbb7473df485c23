// The attendee's feedback page (rule 13, issue #14): opened from the feedback invitation (its
// one-time link, no sign-in) or from a signed-in booking. One answer per booking.
import { Layout } from "../../layout";
import type { View } from "../../view";
import { Field } from "../../staff/ui";
import { ErrorSummary, fieldErrors, type FieldProblem } from "../parts";

export const FEEDBACK_TEXT_MAX = 1000;

export interface FeedbackForm {
  rating: string;
  whatWorked: string;
  couldBeBetter: string;
  anonymous: boolean;
}

const RATINGS = ["1", "2", "3", "4", "5"] as const;
const RATING_WORDS = { "1": "gdRating1", "2": "gdRating2", "3": "gdRating3", "4": "gdRating4", "5": "gdRating5" } as const;

/** The form posts back to the address it was opened at, so the link's token goes nowhere else. */
export function FeedbackPage({ view, title, action, form, errors = [] }: { view: View; title: string; action: string; form: FeedbackForm; errors?: FieldProblem[] }) {
  const { t } = view;
  const fields = fieldErrors(errors);
  const ratingError = fields.fields.rating;
  return (
    <Layout view={view} title={errors.length ? `${t.t("errorSummaryTitle")}: ${t.t("gdFeedbackTitle")}` : t.t("gdFeedbackTitle")}>
      <h1>{t.t("gdFeedbackTitle")}</h1>
      <ErrorSummary view={view} errors={errors} />
      <p class="lead">{t.t("gdFeedbackIntro", { title })}</p>
      <form method="post" action={action} novalidate>
        <fieldset class={ratingError ? "field has-error" : "field"} {...(ratingError ? { "aria-describedby": "rating-error" } : {})}>
          <legend>{t.t("gdFeedbackRating")}</legend>
          {ratingError && (
            <p class="error" id="rating-error">
              {ratingError}
            </p>
          )}
          {RATINGS.map((value) => (
            <div class="check">
              <input type="radio" id={value === "1" ? "rating" : `rating-${value}`} name="rating" value={value} checked={form.rating === value} />
              <label for={value === "1" ? "rating" : `rating-${value}`}>{t.t(RATING_WORDS[value])}</label>
            </div>
          ))}
        </fieldset>
        <Field id="whatWorked" label={t.t("gdFeedbackWorked")} errors={fields}>
          {(aria) => (
            <textarea id="whatWorked" name="whatWorked" rows={3} maxlength={FEEDBACK_TEXT_MAX} dir="auto" {...aria}>
              {form.whatWorked}
            </textarea>
          )}
        </Field>
        <Field id="couldBeBetter" label={t.t("gdFeedbackBetter")} errors={fields}>
          {(aria) => (
            <textarea id="couldBeBetter" name="couldBeBetter" rows={3} maxlength={FEEDBACK_TEXT_MAX} dir="auto" {...aria}>
              {form.couldBeBetter}
            </textarea>
          )}
        </Field>
        <div class="check">
          <input type="checkbox" id="anonymous" name="anonymous" value="1" checked={form.anonymous} aria-describedby="anonymous-hint" />
          <label for="anonymous">{t.t("gdFeedbackAnonymous")}</label>
          <span class="hint" id="anonymous-hint">
            {t.t("gdFeedbackAnonymousHint")}
          </span>
        </div>
        <button class="button" type="submit">
          {t.t("gdFeedbackSubmit")}
        </button>
      </form>
    </Layout>
  );
}

/** Thanks, already given, not yet, or a link that does not work: a heading and a sentence. */
export function FeedbackNoticePage({ view, kind }: { view: View; kind: "thanks" | "given" | "notYet" | "badLink" }) {
  const { t } = view;
  const words = {
    thanks: ["gdFeedbackThanksTitle", "gdFeedbackThanksBody"],
    given: ["gdFeedbackGivenTitle", "gdFeedbackGivenBody"],
    notYet: ["gdFeedbackNotYetTitle", "gdFeedbackNotYetBody"],
    badLink: ["gdFeedbackLinkTitle", "gdFeedbackLinkBody"],
  } as const;
  const [title, body] = words[kind];
  return (
    <Layout view={view} title={t.t(title)}>
      <h1>{t.t(title)}</h1>
      <p class="lead" {...(kind === "thanks" ? { role: "status" } : {})}>
        {t.t(body)}
      </p>
      <p>
        <a href="/events">{t.t("eventBackToList")}</a>
      </p>
    </Layout>
  );
}
