// Dates and times as people in the programme read them: always Europe/London wall time,
// in the reader's language ("Tuesday 3 March, 4:00pm to 5:30pm").
import type { Locale } from "../src/i18n";
import { LONDON, londonDate, londonWallTime } from "../src/lib/time";
import { translator } from "../src/i18n";

/** Intl locale per app locale. Arabic keeps Latin digits so times match venue signs and tickets. */
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", pl: "pl-PL", ro: "ro-RO", uk: "uk-UA", ar: "ar-u-nu-latn" };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: Locale, withYear: boolean) {
  const key = `${locale}${withYear ? "+y" : ""}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? "en-GB", { timeZone: LONDON, weekday: "long", day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}) });
    dayFormats.set(key, f);
  }
  return f;
}

/**
 * "Tuesday 3 March", London date, in the reader's language; with `now`, the year is added
 * when it is not this year. English is assembled from parts: some ICU versions (workerd's)
 * put a comma after the weekday, which plain-English guides and our pages do not.
 */
export function formatDay(instant: number, locale: Locale, now?: number): string {
  const withYear = now !== undefined && londonWallTime(instant).year !== londonWallTime(now).year;
  if (locale !== "en") return dayFormat(locale, withYear).format(instant);
  const parts = Object.fromEntries(dayFormat("en", withYear).formatToParts(instant).map((p) => [p.type, p.value]));
  return [parts.weekday, parts.day, parts.month, parts.year].filter(Boolean).join(" ");
}

/** English readers expect "4:00pm"; other locales read the 24-hour clock, "16:00". */
export function formatTime(instant: number, locale: Locale, ampm: { am: string; pm: string } = { am: "am", pm: "pm" }): string {
  const { hour, minute } = londonWallTime(instant);
  const mm = String(minute).padStart(2, "0");
  if (locale === "en") return `${hour % 12 === 0 ? 12 : hour % 12}:${mm}${hour < 12 ? ampm.am : ampm.pm}`;
  return `${String(hour).padStart(2, "0")}:${mm}`;
}

/**
 * "Tuesday 3 March at 10:00", English and 24-hour: how a host at the door says it, for
 * problem details the API returns (emails use `formatMoment` in the reader's language).
 */
export function londonDescription(instant: number): string {
  const w = londonWallTime(instant);
  return `${formatDay(instant, "en")} at ${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
}

/** A moment: "Tuesday 3 March, 4:00pm". */
export function formatMoment(instant: number, locale: Locale): string {
  return translator(locale).t("moment", { day: formatDay(instant, locale), time: formatTime(instant, locale) });
}

/** A span: "Tuesday 3 March, 4:00pm to 5:30pm"; the day is repeated only if it changes. */
export function formatSpan(startsAt: number, endsAt: number, locale: Locale): string {
  const end = londonDate(startsAt) === londonDate(endsAt) ? formatTime(endsAt, locale) : formatMoment(endsAt, locale);
  return translator(locale).t("span", { start: formatMoment(startsAt, locale), end });
}
