// Your details (/my/details, issue #14): the same corrections as PATCH /api/v1/me, through the
// same verb (features/auth/profile.ts), the same limits and the same refusals.
import { LOCALE_NAMES, LOCALES } from "../../../i18n";
import { Layout } from "../../layout";
import { Field } from "../../staff/ui";
import type { View } from "../../view";
import { ErrorSummary, fieldErrors, type FieldProblem } from "../parts";

export interface ProfileForm {
  displayName: string;
  dateOfBirth: string;
  email: string;
  locale: string;
}

export function ProfilePage(props: { view: View; form: ProfileForm; youngPerson: boolean; errors?: FieldProblem[]; saved?: boolean; pendingEmail?: string | null; flagged?: number }) {
  const { view, form, youngPerson, errors = [], saved, pendingEmail, flagged = 0 } = props;
  const { t } = view;
  const errs = fieldErrors(errors);
  return (
    <Layout view={view} title={errors.length ? `${t.t("errorSummaryTitle")}: ${t.t("profileTitle")}` : t.t("profileTitle")} section="my">
      <h1>{t.t("profileTitle")}</h1>
      <ErrorSummary view={view} errors={errors} />
      {(saved || pendingEmail || flagged > 0) && (
        <div class="notice" role="status">
          {saved && <p>{t.t("profileSaved")}</p>}
          {pendingEmail && <p>{t.t("profileEmailPending", { email: pendingEmail })}</p>}
          {flagged > 0 && <p>{t.plural("profileFlagged", flagged)}</p>}
        </div>
      )}
      <p>{t.t("profileIntro")}</p>
      <form method="post" action="/my/details" novalidate>
        <Field id="displayName" label={t.t("joinNameLabel")} errors={errs}>
          {(aria) => <input type="text" id="displayName" name="displayName" autocomplete="given-name" maxlength={60} dir="auto" value={form.displayName} {...aria} />}
        </Field>
        {youngPerson && (
          <Field id="dateOfBirth" label={t.t("joinDobLabel")} hint={t.t("joinDobHint")} errors={errs}>
            {(aria) => <input type="date" id="dateOfBirth" name="dateOfBirth" autocomplete="bday" value={form.dateOfBirth} {...aria} />}
          </Field>
        )}
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
        <button class="button" type="submit">
          {t.t("profileSave")}
        </button>
      </form>
    </Layout>
  );
}

export function EmailChangePage({ view, email, action }: { view: View; email: string; action: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("profileEmailConfirmTitle")}>
      <h1>{t.t("profileEmailConfirmTitle")}</h1>
      <p>{t.t("profileEmailConfirmBody", { email })}</p>
      <form method="post" action={action}>
        <button class="button" type="submit">
          {t.t("profileEmailConfirmButton")}
        </button>
      </form>
    </Layout>
  );
}

export function EmailChangedPage({ view, email }: { view: View; email: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("profileEmailChangedTitle")}>
      <h1>{t.t("profileEmailChangedTitle")}</h1>
      <p>{t.t("profileEmailChangedBody", { email })}</p>
      <p>
        <a class="button" href="/sign-in">
          {t.t("navSignIn")}
        </a>
      </p>
    </Layout>
  );
}

export function EmailLinkInvalidPage({ view, body }: { view: View; body: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("profileEmailInvalidTitle")}>
      <h1>{t.t("profileEmailInvalidTitle")}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t.t("errGoHome")}</a>
      </p>
    </Layout>
  );
}
