import { layout } from "./layout";
import { message } from "./messages";
import type { EmailTemplate } from "./index";

/** payload: { url } — the sign-in link carrying the one-time token. */
export const magicLink: EmailTemplate = async ({ locale, payload }) => {
  const t = (key: Parameters<typeof message>[1]) => message(locale, key);
  const url = String(payload.url);
  return {
    subject: t("magicLinkSubject"),
    ...layout(locale, t("magicLinkHeading"), [{ p: t("magicLinkIntro") }, { link: { label: t("magicLinkButton"), href: url } }, { p: t("magicLinkExpiry") }, { p: t("magicLinkIgnore") }], t("footer")),
  };
};
