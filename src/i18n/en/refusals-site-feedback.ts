// English wording of the site feedback refusals (src/features/site-feedback). Spread into
// refusalsEn (problems.ts) so `refuse()` type-checks their facts. `as const`: see problems.ts.

export const siteFeedbackRefusalsEn = {
  sf_nothing_said: "Write what works or what could be better (or both).",
  sf_no_feedback: "There is no feedback with that id.",
  sf_no_reply_address: "This feedback was sent without an email address, so there is no one to reply to.",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type SiteFeedbackRefusalWords = Partial<Record<keyof typeof siteFeedbackRefusalsEn, string>>;
