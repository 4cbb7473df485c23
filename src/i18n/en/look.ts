// "Look before you read" (issue #14 item 8): what's on with its filters folded away, the
// keyword and strand filters, and directions in a maps app. English is complete and defines
// the keys; all start with "look".
import type { Plural } from "./site";

export const lookEn = {
  lookFiltersSummary: "Search and filter activities",
  lookFiltersActive: { one: "{n} choice made", other: "{n} choices made" } as Plural,
  lookFilterKeyword: "Words to look for",
  lookFilterKeywordHint: "For example: bricklaying, CV or games",
  lookFilterTag: "Especially for",
  lookFilterAnyTag: "Anyone",
  lookMapsLink: "Directions to {place} in your maps app",
};
