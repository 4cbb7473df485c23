// Household booking in this language (English in en/families.ts). Needs a native speaker's review.
import type { FamiliesCatalogue } from "../en/families";

export const families_ar: FamiliesCatalogue = {
  hhTitle: "احجز لأسرتك",
  hhIntro: "هذه فعالية عائلية: يمكن أن يحضر الكبار والأطفال من كل الأعمار. احجز مكانًا واحدًا لكل شخص سيحضر. أنت وحدك تحتاج إلى حساب، ولا نسأل عن أسماء الأطفال.",
  hhForFamilies: "للعائلات: يحجز أحد الوالدين أو مقدم الرعاية أماكن للأسرة كلها، الكبار والأطفال من كل الأعمار.",
  hhAdults: "عدد الكبار، وأنت منهم",
  hhChildren: "عدد الأطفال",
  hhCountHint: "{max} أماكن على الأكثر في حجز واحد.",
  hhAccess: "ما الذي يساعد أسرتك على المشاركة (اختياري)",
  hhSubmit: "احجز هذه الأماكن",
  hhCountError: "أدخل أعدادًا صحيحة: شخص كبير واحد على الأقل، ولا أكثر من {max} أماكن إجمالًا.",
  hhLink: "احجز لأسرتك",
};
