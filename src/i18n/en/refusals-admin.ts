// English wording of the coordinators' administration refusals (issue #15). Spread into
// refusalsEn (problems.ts) so `refuse()` type-checks their facts.

export const adminRefusalsEn = {
  email_belongs_to_another: "Someone else already signs in with {email}. Check the address, or ask that person.",
} as const;

export type AdminRefusalWords = Partial<Record<keyof typeof adminRefusalsEn, string>>;
