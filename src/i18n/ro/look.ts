// Romanian: needs a native speaker's review.
import type { lookEn } from "../en/look";

export const lookRo: Partial<typeof lookEn> = {
  lookFiltersSummary: "Caută și filtrează activitățile",
  lookFiltersActive: { one: "{n} alegere făcută", few: "{n} alegeri făcute", other: "{n} de alegeri făcute" },
  lookFilterKeyword: "Cuvinte de căutat",
  lookFilterKeywordHint: "De exemplu: zidărie, CV sau jocuri",
  lookFilterTag: "În special pentru",
  lookFilterAnyTag: "Oricine",
  lookMapsLink: "Indicații până la {place} în aplicația ta de hărți",
};
