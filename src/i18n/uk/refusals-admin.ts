// Refusals of the coordinators' administration (English in en/refusals-admin.ts). Needs a native speaker's review.
import type { AdminRefusalWords } from "../en/refusals-admin";

export const adminRefusals_uk: AdminRefusalWords = {
  email_belongs_to_another: "Хтось інший уже входить з адресою {email}. Перевірте адресу або запитайте цю людину.",
};
