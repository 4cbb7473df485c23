// English wording of the directory's refusals (src/features/directory). Spread into
// refusalsEn / fieldRefusalsEn (problems.ts) so `refuse()` type-checks their facts; kept apart
// so each area's lines have one owner. `as const`: see problems.ts.

export const directoryRefusalsEn = {
  dir_no_service: "There is no service with that id.",
  dir_no_change: "There is no proposed change with that id.",
  dir_own_services_only: "You can only add services your own organisation runs.",
  dir_own_services_change_only: "You can only change services your own organisation runs.",
  dir_move_coordinators_only: "Only a coordinator can move a service to another organisation.",
  dir_nothing_to_change: "Send at least one field to change.",
  dir_service_busy: "This service is being changed by someone else right now. Please try again.",
  dir_decide_coordinators_only: "Only programme coordinators can approve or reject directory changes.",
  dir_change_already_approved: "This change was already approved.",
  dir_change_already_rejected: "This change was already rejected.",
  dir_change_service_gone: "The service this change is for no longer exists.",
  dir_details_dont_fit: "Some of the details point at something that does not exist or do not fit together.",
  dir_category_exists: "There is already a category with that id.",
} as const;

/** Short messages for the fields these refusals name (`errors[].message`). */
export const directoryFieldRefusalsEn = {
  dir_stay_your_organisation: "must stay your organisation",
  dir_no_such_category: "no such category",
  dir_already_used: "already used",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type DirectoryRefusalWords = Partial<Record<keyof typeof directoryRefusalsEn | keyof typeof directoryFieldRefusalsEn, string>>;
