import { layout } from "./layout";
import { translator, type Locale } from "../src/i18n";
import type { RenderedEmail } from "./details";

/** payload: { url } — the sign-in link carrying the one-time token. */
export function magicLink({ locale, payload }: { locale: Locale; payload: Record<string, unknown> }): RenderedEmail {
  const { t } = translator(locale);
  const url = String(payload.url);
  return {
    subject: t("magicLinkSubject"),
    ...layout(locale, t("magicLinkHeading"), [{ p: t("magicLinkIntro") }, { link: { label: t("magicLinkButton"), href: url } }, { p: t("magicLinkExpiry") }, { p: t("magicLinkIgnore") }], t("siteName")),
  };
}
