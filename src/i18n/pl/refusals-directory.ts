// Polish: the directory's refusals (English in en/refusals-directory.ts). Needs a native speaker's review.
import type { DirectoryRefusalWords } from "../en/refusals-directory";

export const directoryRefusals_pl: DirectoryRefusalWords = {
  dir_no_service: "Nie ma usługi o tym identyfikatorze.",
  dir_no_change: "Nie ma proponowanej zmiany o tym identyfikatorze.",
  dir_own_services_only: "Możesz dodawać tylko usługi prowadzone przez twoją organizację.",
  dir_own_services_change_only: "Możesz zmieniać tylko usługi prowadzone przez twoją organizację.",
  dir_move_coordinators_only: "Tylko koordynator może przenieść usługę do innej organizacji.",
  dir_nothing_to_change: "Podaj co najmniej jedno pole do zmiany.",
  dir_service_busy: "Ktoś inny właśnie zmienia tę usługę. Spróbuj ponownie.",
  dir_decide_coordinators_only: "Tylko koordynatorzy programu mogą zatwierdzać lub odrzucać zmiany w spisie.",
  dir_change_already_approved: "Ta zmiana została już zatwierdzona.",
  dir_change_already_rejected: "Ta zmiana została już odrzucona.",
  dir_change_service_gone: "Usługa, której dotyczy ta zmiana, już nie istnieje.",
  dir_details_dont_fit: "Niektóre dane wskazują na coś, co nie istnieje, albo do siebie nie pasują.",
  dir_category_exists: "Kategoria o tym identyfikatorze już istnieje.",
  dir_stay_your_organisation: "musi pozostać twoja organizacja",
  dir_no_such_category: "nie ma takiej kategorii",
  dir_already_used: "już użyte",
};
