// Polish: needs a native speaker's review.
import type { lookEn } from "../en/look";

export const lookPl: Partial<typeof lookEn> = {
  lookFiltersSummary: "Szukaj i filtruj zajęcia",
  lookFiltersActive: { one: "wybrano {n} opcję", few: "wybrano {n} opcje", many: "wybrano {n} opcji", other: "wybrano {n} opcji" },
  lookFilterKeyword: "Słowa do wyszukania",
  lookFilterKeywordHint: "Na przykład: murarstwo, CV albo gry",
  lookFilterTag: "Szczególnie dla",
  lookFilterAnyTag: "Dla każdego",
  lookMapsLink: "Dojazd do {place} w twojej aplikacji z mapami",
};
