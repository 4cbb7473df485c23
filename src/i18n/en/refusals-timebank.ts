// English wording of the timebank's refusals (src/features/timebank, issue #17, rule 18). Spread
// into refusalsEn (problems.ts) so `refuse()` type-checks their facts. `as const`: see problems.ts.

export const timebankRefusalsEn = {
  host_only_contributors: "Only the organisation hosting this session, or a coordinator, can record who gave time at it.",
  no_contributor: "We can't find that contributor.",
  contributor_session_cancelled: "This session was cancelled, so no time can be recorded for it.",
  contribution_before_end: "Time can be confirmed once the session has ended, from {when}.",
  no_timebank_entry: "We can't find that timebank entry.",
  timebank_reversal_final: "A correction can't itself be corrected: record the right hours instead.",
  timebank_already_reversed: "This entry has already been corrected.",
  no_timebank_offer: "We can't find that offer.",
  timebank_offer_withdrawn: "This offer has been withdrawn.",
  timebank_balance_short: "This costs {cost} hours and you have {balance}. Give or gain a little more time first.",
  timebank_offer_own_organisation: "You can only make offers for an organisation you act for.",
  timebank_people_only: "Only a signed-in person can spend their own hours.",
  timebank_balances_forbidden: "Only coordinators see the whole programme; partners see their own organisation.",
  no_record_link: "We can't find that link to a record.",
  record_link_unusable: "This record link does not work: it may have been turned off by its owner.",
  record_young_people_only: "My record is for young people taking part in the programme.",
  careers_own_school_only: "Only staff of this school, or a coordinator, can see its pupils' careers evidence.",
  careers_not_a_school: "Careers evidence is kept for schools only.",
  no_careers_rule: "We can't find that careers evidence rule.",
  careers_rule_host_unknown: "There is no organisation with that id.",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type TimebankRefusalWords = Partial<Record<keyof typeof timebankRefusalsEn, string>>;
