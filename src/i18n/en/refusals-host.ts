// English wording of the host partners' refusals (issue #15: shared venues, rule 16, and the
// partner area). Spread into refusalsEn / fieldRefusalsEn (problems.ts); kept apart so each
// part of the catalogue has one owner. `as const`: see problems.ts.

export const hostRefusalsEn = {
  check_in_undo_closed: "The register for this session is closed, so this check-in can't be undone. Ask a coordinator to correct it.",
  check_in_undo_not_in: "This person is not checked in, so there is nothing to undo.",
  register_not_started: "The session starts on {when}: the register can be closed once it has begun.",
  venue_taken: '"{event}" is already at this venue at {at}, and the venue holds one session at a time. Choose another time or venue.',
} as const;

/** Short messages for the fields these refusals name (`errors[].message`). */
export const hostFieldRefusalsEn = {
  venue_taken_by: 'the venue is taken by "{event}" at {at}',
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type HostRefusalWords = Partial<Record<keyof typeof hostRefusalsEn | keyof typeof hostFieldRefusalsEn, string>>;
