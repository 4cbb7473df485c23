import { layout } from "./layout";
import { translator } from "../src/i18n";
import type { EmailTemplate } from "./index";

/** payload: { url } — the sign-in link carrying the one-time token. */
export const magicLink: EmailTemplate = async ({ locale, payload }) => {
  const { t } = translator(locale);
  const url = String(payload.url);
  return {
    subject: t("magicLinkSubject"),
    ...layout(locale, t("magicLinkHeading"), [{ p: t("magicLinkIntro") }, { link: { label: t("magicLinkButton"), href: url } }, { p: t("magicLinkExpiry") }, { p: t("magicLinkIgnore") }], t("siteName")),
  };
};
