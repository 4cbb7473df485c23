// Household booking in this language (English in en/families.ts). Needs a native speaker's review.
import type { FamiliesCatalogue } from "../en/families";

export const families_uk: FamiliesCatalogue = {
  hhTitle: "Забронювати для вашої родини",
  hhIntro: "Це сімейний захід: можуть прийти дорослі й діти будь-якого віку. Забронюйте одне місце для кожної людини. Обліковий запис потрібен лише вам, і ми не питаємо імен дітей.",
  hhForFamilies: "Для родин: один із батьків або опікун бронює місця для всієї родини, дорослих і дітей будь-якого віку.",
  hhAdults: "Дорослі, разом із вами",
  hhChildren: "Діти",
  hhCountHint: "Не більше {max} місць в одному бронюванні.",
  hhAccess: "Що допоможе вашій родині взяти участь (необов'язково)",
  hhSubmit: "Забронювати ці місця",
  hhCountError: "Введіть цілі числа: щонайменше 1 дорослий і не більше {max} місць загалом.",
  hhLink: "Забронювати для вашої родини",
};
