// English wording of the host partners' refusals (issue #15: shared venues, rule 16, and the
// partner area). Spread into refusalsEn / fieldRefusalsEn (problems.ts); kept apart so each
// part of the catalogue has one owner. `as const`: see problems.ts.

export const hostRefusalsEn = {
  venue_taken: '"{event}" is already at this venue at {at}, and the venue holds one session at a time. Choose another time or venue.',
} as const;

/** Short messages for the fields these refusals name (`errors[].message`). */
export const hostFieldRefusalsEn = {
  venue_taken_by: 'the venue is taken by "{event}" at {at}',
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type HostRefusalWords = Partial<Record<keyof typeof hostRefusalsEn | keyof typeof hostFieldRefusalsEn, string>>;
