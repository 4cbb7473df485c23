// Dates and times as people in the programme read them: always Europe/London wall time,
// in the reader's language ("Tuesday 3 March, 4:00pm to 5:30pm").
import type { Locale } from "../src/db/schema";
import { LONDON, londonDate, londonWallTime } from "../src/lib/time";
import { message } from "./messages";

/** Intl locale per app locale. Arabic keeps Latin digits so times match venue signs and tickets. */
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", pl: "pl-PL", ro: "ro-RO", uk: "uk-UA", ar: "ar-u-nu-latn" };

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

function dayFormat(locale: Locale) {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? "en-GB", { timeZone: LONDON, weekday: "long", day: "numeric", month: "long" });
    dayFormats.set(locale, f);
  }
  return f;
}

function timeFormat(locale: Locale) {
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? "en-GB", { timeZone: LONDON, hour: "numeric", minute: "2-digit", hourCycle: "h23" });
    timeFormats.set(locale, f);
  }
  return f;
}

/** English readers expect "4:00pm"; other locales use their 24-hour clock. */
export function formatTime(instant: number, locale: Locale): string {
  if (locale !== "en") return timeFormat(locale).format(instant);
  const [h, m] = timeFormat("en").format(instant).split(":").map(Number) as [number, number];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}:${String(m).padStart(2, "0")}${h < 12 ? "am" : "pm"}`;
}

export function formatDay(instant: number, locale: Locale): string {
  return dayFormat(locale).format(instant);
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
  return message(locale, "moment", { day: formatDay(instant, locale), time: formatTime(instant, locale) });
}

/** A span: "Tuesday 3 March, 4:00pm to 5:30pm"; the day is repeated only if it changes. */
export function formatSpan(startsAt: number, endsAt: number, locale: Locale): string {
  const end = londonDate(startsAt) === londonDate(endsAt) ? formatTime(endsAt, locale) : formatMoment(endsAt, locale);
  return message(locale, "span", { start: formatMoment(startsAt, locale), end });
}
