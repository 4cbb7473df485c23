// Ukrainian: the directory's refusals (English in en/refusals-directory.ts). Needs a native speaker's review.
import type { DirectoryRefusalWords } from "../en/refusals-directory";

export const directoryRefusals_uk: DirectoryRefusalWords = {
  dir_no_service: "Послуги з таким ідентифікатором немає.",
  dir_no_change: "Запропонованої зміни з таким ідентифікатором немає.",
  dir_own_services_only: "Ви можете додавати лише послуги, які надає ваша організація.",
  dir_own_services_change_only: "Ви можете змінювати лише послуги, які надає ваша організація.",
  dir_move_coordinators_only: "Лише координатор може передати послугу іншій організації.",
  dir_nothing_to_change: "Надішліть хоча б одне поле для зміни.",
  dir_service_busy: "Хтось інший саме зараз змінює цю послугу. Спробуйте ще раз.",
  dir_decide_coordinators_only: "Лише координатори програми можуть схвалювати або відхиляти зміни в довіднику.",
  dir_change_already_approved: "Цю зміну вже схвалено.",
  dir_change_already_rejected: "Цю зміну вже відхилено.",
  dir_change_service_gone: "Послуги, якої стосується ця зміна, більше немає.",
  dir_details_dont_fit: "Деякі дані вказують на те, чого не існує, або не узгоджуються між собою.",
  dir_category_exists: "Категорія з таким ідентифікатором уже є.",
  dir_stay_your_organisation: "має залишатися ваша організація",
  dir_no_such_category: "такої категорії немає",
  dir_already_used: "уже використано",
};
