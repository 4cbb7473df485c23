// Ukrainian: needs a native speaker's review.
import type { lookEn } from "../en/look";

export const lookUk: Partial<typeof lookEn> = {
  lookFiltersSummary: "Пошук і фільтри заходів",
  lookFiltersActive: { one: "вибрано {n} варіант", few: "вибрано {n} варіанти", many: "вибрано {n} варіантів", other: "вибрано {n} варіанта" },
  lookFilterKeyword: "Слова для пошуку",
  lookFilterKeywordHint: "Наприклад: мурування, резюме або ігри",
  lookFilterTag: "Особливо для",
  lookFilterAnyTag: "Для всіх",
  lookMapsLink: "Маршрут до {place} у вашому застосунку з картами",
};
