// Refusals of the coordinators' administration (English in en/refusals-admin.ts). Needs a native speaker's review.
import type { AdminRefusalWords } from "../en/refusals-admin";

export const adminRefusals_ro: AdminRefusalWords = {
  email_belongs_to_another: "Altcineva se conectează deja cu {email}. Verifică adresa sau întreab-o pe acea persoană.",
};
