// Refusals of the coordinators' administration (English in en/refusals-admin.ts). Needs a native speaker's review.
import type { AdminRefusalWords } from "../en/refusals-admin";

export const adminRefusals_pl: AdminRefusalWords = {
  email_belongs_to_another: "Ktoś inny już loguje się adresem {email}. Sprawdź adres albo zapytaj tę osobę.",
};
