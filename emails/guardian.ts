// The guardian's record of a consent decision (issue #14): sent after a yes, a no or a
// withdrawn yes, with the same link, which now shows the decision (and withdraws a yes).
import { bookingEmail, detailFacts } from "./details";

const SUBJECTS = { granted: "gdDecidedGrantedSubject", refused: "gdDecidedRefusedSubject", withdrawn: "gdDecidedWithdrawnSubject" } as const;
const INTROS = { granted: "gdDecidedGrantedIntro", refused: "gdDecidedRefusedIntro", withdrawn: "gdDecidedWithdrawnIntro" } as const;

/** payload: { bookingId, decision: "granted" | "refused" | "withdrawn", consentUrl }. To the guardian. */
export const consentDecided = bookingEmail((c) => {
  const name = c.d.person?.displayName ?? "";
  const decision = c.payload.decision === "refused" || c.payload.decision === "withdrawn" ? c.payload.decision : "granted";
  return {
    subject: c.t(SUBJECTS[decision], { name, title: c.title }),
    heading: c.t("gdDecidedHeading"),
    blocks: [
      { p: c.t(INTROS[decision], { name, title: c.title }) },
      { facts: detailFacts(c, { showOnlineLink: false }) },
      ...(decision === "granted" ? [{ p: c.t("gdDecidedWithdrawHint") }] : []),
      { link: { label: c.t("gdDecidedLink"), href: String(c.payload.consentUrl ?? "") } },
      { small: c.t("gdDecidedKeep") },
    ],
  };
});
