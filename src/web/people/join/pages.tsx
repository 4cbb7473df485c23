// Joining on the website (issue #14): the sign-up form, what happens next, and the parent's
// confirmation of an under-13's account. Eligibility is said in plain words before anything
// is stored; under-13s are told a parent or carer must confirm.
import { LOCALE_NAMES, LOCALES } from "../../../i18n";
import { DIGITAL_CONSENT_AGE, PARENT_CONFIRMATION_DAYS } from "../../../rules/digital-consent";
import { YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../../rules/eligibility";
import { Layout } from "../../layout";
import { Field } from "../../staff/ui";
import type { View } from "../../view";
import { ErrorSummary, fieldErrors, type FieldProblem } from "../parts";

export interface JoinForm {
  displayName: string;
  dateOfBirth: string;
  email: string;
  locale: string;
  school: string;
  accessNeeds: string;
  parentEmail: string;
}

export const emptyJoinForm = (view: View): JoinForm => ({ displayName: "", dateOfBirth: "", email: "", locale: view.t.locale, school: "", accessNeeds: "", parentEmail: "" });

export function JoinPage({ view, form, errors = [], message }: { view: View; form: JoinForm; errors?: FieldProblem[]; message?: string }) {
  const { t } = view;
  const errs = fieldErrors(errors);
  const title = errors.length || message ? `${t.t("errorSummaryTitle")}: ${t.t("joinTitle")}` : t.t("joinTitle");
  return (
    <Layout view={view} title={title} section="sign-in">
      <h1>{t.t("joinTitle")}</h1>
      <ErrorSummary view={view} errors={errors} message={message ? <p>{message}</p> : undefined} />
      <p class="lead">{t.t("joinIntro", { min: YOUNG_PERSON_MIN_AGE, max: YOUNG_PERSON_MAX_AGE })}</p>
      <p>{t.t("joinUnder13", { age: DIGITAL_CONSENT_AGE })}</p>
      <form method="post" action="/join" novalidate>
        <Field id="displayName" label={t.t("joinNameLabel")} hint={t.t("joinNameHint")} errors={errs}>
          {(aria) => <input type="text" id="displayName" name="displayName" autocomplete="given-name" maxlength={60} dir="auto" value={form.displayName} {...aria} />}
        </Field>
        <Field id="dateOfBirth" label={t.t("joinDobLabel")} hint={t.t("joinDobHint")} errors={errs}>
          {(aria) => <input type="date" id="dateOfBirth" name="dateOfBirth" autocomplete="bday" value={form.dateOfBirth} {...aria} />}
        </Field>
        <Field id="email" label={t.t("joinEmailLabel")} hint={t.t("joinEmailHint")} errors={errs}>
          {(aria) => <input type="email" id="email" name="email" autocomplete="email" spellcheck={false} dir="ltr" value={form.email} {...aria} />}
        </Field>
        <Field id="locale" label={t.t("joinLocaleLabel")} errors={errs}>
          {(aria) => (
            <select id="locale" name="locale" {...aria}>
              {LOCALES.map((l) => (
                <option value={l} lang={l} selected={form.locale === l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="parentEmail" label={t.t("joinParentLabel", { age: DIGITAL_CONSENT_AGE })} hint={t.t("joinParentHint")} errors={errs}>
          {(aria) => <input type="email" id="parentEmail" name="parentEmail" autocomplete="off" spellcheck={false} dir="ltr" value={form.parentEmail} {...aria} />}
        </Field>
        <Field id="school" label={t.t("joinSchoolLabel")} errors={errs}>
          {(aria) => <input type="text" id="school" name="school" autocomplete="organization" maxlength={100} dir="auto" value={form.school} {...aria} />}
        </Field>
        <Field id="accessNeeds" label={t.t("joinAccessLabel")} hint={t.t("joinAccessHint")} errors={errs}>
          {(aria) => (
            <textarea id="accessNeeds" name="accessNeeds" rows={3} maxlength={500} dir="auto" {...aria}>
              {form.accessNeeds}
            </textarea>
          )}
        </Field>
        <button class="button" type="submit">
          {t.t("joinSubmit")}
        </button>
      </form>
      <p>
        <a href="/sign-in">{t.t("joinHaveAccount")}</a>
      </p>
    </Layout>
  );
}

/** After joining: a sign-in link is on its way, or (under 13) the parent has been asked. */
export function JoinDonePage({ view, email, parentEmail }: { view: View; email: string; parentEmail?: string }) {
  const { t } = view;
  const title = parentEmail ? t.t("joinWaitTitle") : t.t("joinDoneTitle");
  return (
    <Layout view={view} title={title} section="sign-in">
      <h1>{title}</h1>
      <p class="lead">{parentEmail ? t.t("joinWaitBody", { parentEmail, email, days: PARENT_CONFIRMATION_DAYS }) : t.t("joinDoneBody", { email })}</p>
      {!parentEmail && <p>{t.t("checkEmailNotArrived")}</p>}
      <p>
        <a href="/">{t.t("errGoHome")}</a>
      </p>
    </Layout>
  );
}

/** The parent's link: whose account, what is kept, and one button (a GET changes nothing). */
export function ParentConfirmPage({ view, name, email, action }: { view: View; name: string; email: string; action: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("joinConfirmTitle")}>
      <h1>{t.t("joinConfirmTitle")}</h1>
      <p class="lead">{t.t("joinConfirmBody", { name, email })}</p>
      <p>{t.t("joinConfirmKept")}</p>
      <form method="post" action={action}>
        <button class="button" type="submit">
          {t.t("joinConfirmButton")}
        </button>
      </form>
      <p>{t.t("joinConfirmNotYou")}</p>
    </Layout>
  );
}

export function ParentConfirmedPage({ view, name }: { view: View; name: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("joinConfirmedTitle")}>
      <h1>{t.t("joinConfirmedTitle")}</h1>
      <p>{t.t("joinConfirmedBody", { name })}</p>
      <p>
        <a href="/">{t.t("errGoHome")}</a>
      </p>
    </Layout>
  );
}

export function ParentLinkInvalidPage({ view, body }: { view: View; body: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("joinConfirmInvalidTitle")}>
      <h1>{t.t("joinConfirmInvalidTitle")}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t.t("errGoHome")}</a>
      </p>
    </Layout>
  );
}
