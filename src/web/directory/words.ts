// How the directory's structured facts read in the page's language: category names, weekday
// names and language names (the last two from the platform's Intl data, in every locale).
import { pickLocalised, type Translator } from "../../i18n";
import type { Category } from "../../features/directory/read";
import type { NextOpening } from "../../features/directory/opening-hours";

export function categoryName(t: Translator, category: Category | undefined, id: string): { text: string; lang: string | null } {
  if (category?.name) return pickLocalised(category.name, t.locale);
  return { text: t.raw("dirCategories")[id] ?? id.replaceAll("_", " "), lang: null };
}

/** ISO weekday 1–7 as the page's language names it (1 January 2024 was a Monday). */
export const weekdayName = (t: Translator, day: number) => new Intl.DateTimeFormat(t.locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, day));

/** A language code ("pl") in the page's language ("polski", "Polish"): one helper for every page. */
export { languageName } from "../format";

/** "Opens today at 17:00", "Opens tomorrow at 10:00", "Opens Tuesday at 10:00". */
export function opensText(t: Translator, next: NextOpening | null): string {
  if (!next) return t.t("dirAskForTimes");
  if (next.inDays === 0) return t.t("dirOpensToday", { time: next.opens });
  if (next.inDays === 1) return t.t("dirOpensTomorrow", { time: next.opens });
  return t.t("dirOpensOn", { day: weekdayName(t, next.day), time: next.opens });
}
