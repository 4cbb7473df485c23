// Household booking's refusals in this language (English in en/refusals-families.ts). Needs a native speaker's review.
import type { FamilyRefusalWords } from "../en/refusals-families";

export const familyRefusals_ar: FamilyRefusalWords = {
  household_families_only: "هذا النشاط ليس مخصصًا للعائلات، لذلك تُحجز الأماكن لكل شخص على حدة.",
  household_session_full: "عذرًا، هذه الجلسة ممتلئة. من فضلك اختر موعدًا آخر.",
  household_seats_short: "بقي {seatsLeft} أماكن فقط وأسرتك تحتاج إلى {wanted}. جرّب عددًا أقل من الأماكن أو موعدًا آخر.",
};
