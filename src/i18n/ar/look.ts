// Arabic: machine-assisted, needs a native speaker's review.
import type { lookEn } from "../en/look";

export const lookAr: Partial<typeof lookEn> = {
  lookFiltersSummary: "البحث في الأنشطة وتصفيتها",
  lookFiltersActive: { zero: "لم يتم أي اختيار", one: "اختيار واحد", two: "اختياران", few: "{n} اختيارات", many: "{n} اختيارًا", other: "{n} اختيار" },
  lookFilterKeyword: "كلمات للبحث عنها",
  lookFilterKeywordHint: "مثلًا: البناء، السيرة الذاتية أو الألعاب",
  lookFilterTag: "مخصص خاصةً لـ",
  lookFilterAnyTag: "الجميع",
  lookMapsLink: "الاتجاهات إلى {place} في تطبيق الخرائط لديك",
};
