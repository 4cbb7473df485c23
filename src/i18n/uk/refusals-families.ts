// Household booking's refusals in this language (English in en/refusals-families.ts). Needs a native speaker's review.
import type { FamilyRefusalWords } from "../en/refusals-families";

export const familyRefusals_uk: FamilyRefusalWords = {
  household_families_only: "Цей захід не позначено як сімейний, тож місця бронюють по одному.",
  household_session_full: "На жаль, на цей час місць немає. Оберіть іншу дату.",
  household_seats_short: "Залишилося лише {seatsLeft} місць, а вашій родині потрібно {wanted}. Оберіть менше місць або іншу дату.",
};
