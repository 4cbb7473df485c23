// English wording of joining's and your details' refusals (issue #14: src/features/auth/join.ts,
// profile.ts). Spread into refusalsEn (problems.ts); kept apart so each part has one owner.

export const joinRefusalsEn = {
  join_parent_email_needed: "Because you are under {age}, a parent or carer has to confirm your account. Give their email address.",
  join_parent_link_unusable: "This confirmation link has already been used or is not right. If the account is already confirmed, nothing more is needed.",
  profile_email_link_unusable: "This link to change an email address has already been used or has run out. Ask for a new one on your details page.",
  profile_email_taken: "That email address already belongs to another Open Door account, so we could not move yours to it.",
  profile_dob_young_people_only: "Only young people's accounts have a date of birth.",
  no_such_age_flag: "We can't find that flagged booking.",
} as const;

export type JoinRefusalWords = Partial<Record<keyof typeof joinRefusalsEn, string>>;
