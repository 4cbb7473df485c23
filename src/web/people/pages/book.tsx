import type { Child } from "hono/jsx";
import { Layout } from "../../layout";
import type { View } from "../../view";
import { Field } from "../../staff/ui";
import { ErrorSummary, fieldErrors, GuardianEmailInput, SessionSummary, type FieldProblem } from "../parts";
import type { SessionDetails } from "../../../features/sessions/read";

export interface BookForm {
  accessNeeds: string;
  guardianEmail: string;
}

export const ACCESS_EXAMPLES_MAX = 500;

/** The form behind "Book a place": access needs, and a guardian's email when one must agree. */
export function BookPage(props: {
  view: View;
  details: SessionDetails;
  consentAge: number | null;
  form: BookForm;
  errors?: FieldProblem[];
  refusal?: Child;
  /** When the session is full and keeps a waiting list: the place in line this booking would take. */
  waitlistPosition?: number | null;
}) {
  const { view, details, consentAge, form, errors = [], refusal, waitlistPosition } = props;
  const { t } = view;
  const fields = fieldErrors(errors);
  const failed = errors.length > 0 || Boolean(refusal);
  return (
    <Layout view={view} title={failed ? `${t.t("errorSummaryTitle")}: ${t.t("bookTitle")}` : t.t("bookTitle")} section="events">
      <h1>{t.t("bookTitle")}</h1>
      <ErrorSummary view={view} errors={errors} message={refusal} />
      <SessionSummary view={view} event={details.event} session={details.session} venue={details.venue} />
      {waitlistPosition && (
        <p class="lead" id="waitlist-notice">
          <strong>{t.t("gdFullWaitlist", { position: waitlistPosition })}</strong>
        </p>
      )}
      <form method="post" action={`/sessions/${details.session.id}/book`} novalidate>
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
        <button class="button" type="submit" {...(waitlistPosition ? { "aria-describedby": "waitlist-notice" } : {})}>
          {waitlistPosition ? t.t("gdJoinWaitlist", { position: waitlistPosition }) : t.t("bookSubmit")}
        </button>
      </form>
    </Layout>
  );
}
