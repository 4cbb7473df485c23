import type { Child } from "hono/jsx";
import { Layout } from "../../layout";
import type { View } from "../../view";
import { ErrorSummary, SessionSummary, type FieldProblem } from "../parts";
import type { SessionDetails } from "../queries";

export interface BookForm {
  accessNeeds: string;
  guardianEmail: string;
}

export const ACCESS_EXAMPLES_MAX = 500;

/** The form behind "Book a place": access needs, and a guardian's email when one must agree. */
export function BookPage(props: { view: View; details: SessionDetails; consentAge: number | null; form: BookForm; errors?: FieldProblem[]; refusal?: Child }) {
  const { view, details, consentAge, form, errors = [], refusal } = props;
  const { t } = view;
  const has = (field: string) => errors.find((e) => e.field === field);
  const accessError = has("accessNeeds");
  const guardianError = has("guardianEmail");
  const failed = errors.length > 0 || Boolean(refusal);
  return (
    <Layout view={view} title={failed ? `${t.t("errorSummaryTitle")}: ${t.t("bookTitle")}` : t.t("bookTitle")} section="events">
      <h1>{t.t("bookTitle")}</h1>
      <ErrorSummary view={view} errors={errors} message={refusal} />
      <SessionSummary view={view} event={details.event} session={details.session} venue={details.venue} />
      <form method="post" action={`/sessions/${details.session.id}/book`} novalidate>
        <div class={accessError ? "field has-error" : "field"}>
          <label for="accessNeeds">{t.t("bookAccessLabel")}</label>
          <span class="hint" id="accessNeeds-hint">
            {t.t("bookAccessHint")}
          </span>
          {accessError && (
            <p class="error" id="accessNeeds-error">
              {accessError.message}
            </p>
          )}
          <textarea
            id="accessNeeds"
            name="accessNeeds"
            rows={4}
            maxlength={ACCESS_EXAMPLES_MAX}
            dir="auto"
            aria-describedby={accessError ? "accessNeeds-hint accessNeeds-error" : "accessNeeds-hint"}
            {...(accessError ? { "aria-invalid": "true" as const } : {})}
          >
            {form.accessNeeds}
          </textarea>
        </div>
        {consentAge !== null && (
          <div class={guardianError ? "field has-error" : "field"}>
            <label for="guardianEmail">{t.t("bookGuardianLabel")}</label>
            <span class="hint" id="guardianEmail-hint">
              {t.t("bookGuardianWhy", { age: consentAge })}
            </span>
            {guardianError && (
              <p class="error" id="guardianEmail-error">
                {guardianError.message}
              </p>
            )}
            <input
              type="email"
              id="guardianEmail"
              name="guardianEmail"
              autocomplete="off"
              spellcheck={false}
              dir="ltr"
              value={form.guardianEmail}
              aria-describedby={guardianError ? "guardianEmail-hint guardianEmail-error" : "guardianEmail-hint"}
              {...(guardianError ? { "aria-invalid": "true" as const } : {})}
            />
          </div>
        )}
        <button class="button" type="submit">
          {t.t("bookSubmit")}
        </button>
      </form>
    </Layout>
  );
}
