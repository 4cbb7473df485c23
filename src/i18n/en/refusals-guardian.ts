// English wording of the guardian's refusals (issue #14: the daily allowance of consent
// requests, withdrawing a yes). Spread into refusalsEn (problems.ts), so `refuse()` type-checks
// their facts; kept apart so each part of the catalogue has one owner. `as const`: see problems.ts.

export const guardianRefusalsEn = {
  guardian_daily_limit:
    "This parent's or carer's email address has already been sent {perDay} consent requests today, which is as many as we send in a day. Please try again tomorrow, or give another parent's or carer's address.",
  consent_not_withdrawable: "This answer can no longer be withdrawn: the session has started, or the booking has already been cancelled.",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type GuardianRefusalWords = Partial<Record<keyof typeof guardianRefusalsEn, string>>;
