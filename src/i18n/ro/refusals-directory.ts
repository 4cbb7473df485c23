// Romanian: the directory's refusals (English in en/refusals-directory.ts). Needs a native speaker's review.
import type { DirectoryRefusalWords } from "../en/refusals-directory";

export const directoryRefusals_ro: DirectoryRefusalWords = {
  dir_no_service: "Nu există niciun serviciu cu acest id.",
  dir_no_change: "Nu există nicio modificare propusă cu acest id.",
  dir_own_services_only: "Poți adăuga doar servicii pe care le oferă organizația ta.",
  dir_own_services_change_only: "Poți modifica doar servicii pe care le oferă organizația ta.",
  dir_move_coordinators_only: "Doar un coordonator poate muta un serviciu la altă organizație.",
  dir_nothing_to_change: "Trimite cel puțin un câmp de modificat.",
  dir_service_busy: "Altcineva modifică acest serviciu chiar acum. Încearcă din nou.",
  dir_decide_coordinators_only: "Doar coordonatorii programului pot aproba sau respinge modificările din ghid.",
  dir_change_already_approved: "Această modificare a fost deja aprobată.",
  dir_change_already_rejected: "Această modificare a fost deja respinsă.",
  dir_change_service_gone: "Serviciul la care se referă această modificare nu mai există.",
  dir_details_dont_fit: "Unele detalii trimit la ceva ce nu există sau nu se potrivesc între ele.",
  dir_category_exists: "Există deja o categorie cu acest id.",
  dir_stay_your_organisation: "trebuie să rămână organizația ta",
  dir_no_such_category: "categoria nu există",
  dir_already_used: "deja folosit",
};
