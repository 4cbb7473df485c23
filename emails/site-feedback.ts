// The reply a coordinator sends to someone who left an email with their website feedback.
// Pure: the words come in the payload (written by features/site-feedback/inbox.ts).
import { translator, type Locale } from "../src/i18n";
import type { RenderedEmail } from "./details";
import { layout } from "./layout";

/** payload: { message, quoted } — the coordinator's reply and what the person wrote. */
export function siteFeedbackReply({ locale, payload }: { locale: Locale; payload: Record<string, unknown> }): RenderedEmail {
  const { t } = translator(locale);
  const lines = (s: unknown) => String(s ?? "").split(/\r?\n/).filter((l) => l.trim() !== "");
  return {
    subject: t("sfEmailSubject"),
    ...layout(
      locale,
      t("sfEmailHeading"),
      [{ facts: [{ label: t("sfEmailOurReply"), lines: lines(payload.message) }, { label: t("sfEmailYouWrote"), lines: lines(payload.quoted) }] }, { small: t("sfEmailOutro") }],
      t("siteName"),
    ),
  };
}
