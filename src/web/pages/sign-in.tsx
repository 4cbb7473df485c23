import { ErrorSummary, fieldErrors } from "../people/parts";
import { Field } from "../staff/ui";
import { Layout } from "../layout";
import type { View } from "../view";

export function SignInPage({ view, email = "", error = false }: { view: View; email?: string; error?: boolean }) {
  const { t } = view;
  const problems = error ? [{ field: "email", message: t.t("emailError") }] : [];
  return (
    <Layout view={view} title={error ? `${t.t("errorSummaryTitle")}: ${t.t("signInTitle")}` : t.t("signInTitle")} section="sign-in">
      <h1>{t.t("signInTitle")}</h1>
      <ErrorSummary view={view} errors={problems} />
      <p>{t.t("signInIntro")}</p>
      <form method="post" action="/sign-in" novalidate>
        <Field id="email" label={t.t("emailLabel")} hint={t.t("emailHint")} errors={fieldErrors(problems)}>
          {(aria) => <input type="email" id="email" name="email" autocomplete="email" spellcheck={false} dir="ltr" value={email} {...aria} />}
        </Field>
        <button class="button" type="submit">
          {t.t("sendLink")}
        </button>
      </form>
      <p>
        <a href="/join">{t.t("joinLink")}</a>
      </p>
    </Layout>
  );
}

export function CheckEmailPage({ view, email }: { view: View; email: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("checkEmailTitle")} section="sign-in">
      <h1>{t.t("checkEmailTitle")}</h1>
      <p class="lead">{t.t("checkEmailBody", { email })}</p>
      <p>{t.t("checkEmailNotArrived")}</p>
      <p>
        <a href="/sign-in">{t.t("askAgain")}</a>
      </p>
    </Layout>
  );
}

/**
 * The page an emailed link opens. It only shows a button: link scanners in mail systems
 * fetch links with GET, and must not use up the one-time token before the person does.
 */
export function SignInLinkPage({ view, token }: { view: View; token: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("linkTitle")} section="sign-in">
      <h1>{t.t("linkTitle")}</h1>
      <p>{t.t("linkBody")}</p>
      <form method="post" action={`/sign-in/${encodeURIComponent(token)}`}>
        <button class="button" type="submit">
          {t.t("linkButton")}
        </button>
      </form>
    </Layout>
  );
}

export function LinkInvalidPage({ view }: { view: View }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("linkInvalidTitle")} section="sign-in">
      <h1>{t.t("linkInvalidTitle")}</h1>
      <p>{t.t("linkInvalidBody")}</p>
      <p>
        <a class="button" href="/sign-in">
          {t.t("askAgain")}
        </a>
      </p>
    </Layout>
  );
}
