// Emails about the account itself (issue #14): a parent's confirmation of an under-13's account,
// and a change of email address (the link to the new address, the notice to the old one).
// Pure: the payload carries everything they say.
import { layout } from "./layout";
import { PARENT_CONFIRMATION_DAYS } from "../src/rules/digital-consent";
import { translator, type Locale } from "../src/i18n";
import type { RenderedEmail } from "./details";

type Input = { locale: Locale; payload: Record<string, unknown> };

/** payload: { url, name, email } — the link for the parent, whose child joined as `name` with `email`. */
export function parentConfirmation({ locale, payload }: Input): RenderedEmail {
  const { t } = translator(locale);
  const vars = { name: String(payload.name), email: String(payload.email) };
  return {
    subject: t("joinMailParentSubject", vars),
    ...layout(
      locale,
      t("joinMailParentHeading"),
      [
        { p: t("joinMailParentIntro", vars) },
        { p: t("joinMailParentWhy") },
        { link: { label: t("joinMailParentButton"), href: String(payload.url) } },
        { p: t("joinMailParentIgnore", { days: PARENT_CONFIRMATION_DAYS }) },
      ],
      t("siteName"),
    ),
  };
}

/** payload: { url } — sent to the NEW address: the change happens only when this is used. */
export function emailChangeConfirm({ locale, payload }: Input): RenderedEmail {
  const { t } = translator(locale);
  return {
    subject: t("joinMailChangeSubject"),
    ...layout(
      locale,
      t("joinMailChangeHeading"),
      [{ p: t("joinMailChangeIntro") }, { link: { label: t("joinMailChangeButton"), href: String(payload.url) } }, { p: t("joinMailChangeExpiry") }, { p: t("magicLinkIgnore") }],
      t("siteName"),
    ),
  };
}

/** payload: { newEmail } — sent to the OLD address, so a change nobody asked for is noticed. */
export function emailChangeNotice({ locale, payload }: Input): RenderedEmail {
  const { t } = translator(locale);
  return {
    subject: t("joinMailNoticeSubject"),
    ...layout(locale, t("joinMailNoticeHeading"), [{ p: t("joinMailNoticeIntro", { newEmail: String(payload.newEmail) }) }, { p: t("joinMailNoticeNotYou") }], t("siteName")),
  };
}

export const ACCOUNT_TEMPLATES = {
  parent_confirmation: parentConfirmation,
  email_change_confirm: emailChangeConfirm,
  email_change_notice: emailChangeNotice,
};
