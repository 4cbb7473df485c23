// Dates and times as people in Europe/London read them, in the page's language.
import type { Locale } from "../db/schema";
import { LONDON, londonWallTime } from "../lib/time";
import type { Translator } from "./i18n";

/** Western digits everywhere, so times match tickets, emails and what is said at the door. */
const intlLocale = (locale: Locale) => `${locale}-GB-u-nu-latn`;

function dayFormatter(locale: Locale, withYear: boolean) {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: LONDON,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
  });
}

/** "Tuesday 3 March" (the year is added when it is not this year). */
export function formatDay(instant: number, locale: Locale, now: number): string {
  const withYear = londonWallTime(instant).year !== londonWallTime(now).year;
  if (locale === "en") {
    // en-GB puts a comma after the weekday; plain-English guides (and our emails) do not.
    const parts = Object.fromEntries(dayFormatter("en", withYear).formatToParts(instant).map((p) => [p.type, p.value]));
    return [parts.weekday, parts.day, parts.month, parts.year].filter(Boolean).join(" ");
  }
  return dayFormatter(locale, withYear).format(instant);
}

/** "4:00pm" in English; the 24-hour clock in the other languages, as their readers expect. */
export function formatTime(instant: number, locale: Locale, t: Translator): string {
  const { hour, minute } = londonWallTime(instant);
  const mm = String(minute).padStart(2, "0");
  if (locale === "en") return `${hour % 12 === 0 ? 12 : hour % 12}:${mm}${hour < 12 ? t.t("am") : t.t("pm")}`;
  return `${String(hour).padStart(2, "0")}:${mm}`;
}

/** "Tuesday 3 March, 4:00pm to 5:30pm" (both days are named when it runs past midnight). */
export function formatWhen(startsAt: number, endsAt: number, t: Translator, now: number): string {
  const day = formatDay(startsAt, t.locale, now);
  const endDay = formatDay(endsAt, t.locale, now);
  const start = formatTime(startsAt, t.locale, t);
  const end = formatTime(endsAt, t.locale, t);
  return day === endDay ? t.t("whenSameDay", { day, start, end }) : t.t("whenOvernight", { day, start, endDay, end });
}

/** A machine-readable value for <time datetime>. */
export const isoInstant = (instant: number) => new Date(instant).toISOString();
