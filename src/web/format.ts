// Dates and times as people in Europe/London read them, in the page's language: the same
// formatter as the emails (emails/format.ts), so a page and an email never disagree.
import { formatDay as formatLondonDay, formatTime as formatLondonTime } from "../../emails/format";
import type { Locale } from "../db/schema";
import type { Translator } from "../i18n";

/** "Tuesday 3 March" (the year is added when it is not this year): the emails' formatter. */
export const formatDay = (instant: number, locale: Locale, now: number): string => formatLondonDay(instant, locale, now);

/** "4:00pm" in English (am/pm from the page's language); the 24-hour clock in the others. */
export const formatTime = (instant: number, locale: Locale, t: Translator): string => formatLondonTime(instant, locale, { am: t.t("am"), pm: t.t("pm") });

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

/**
 * Directions to a place in the person's own maps app: a maps search for its address and
 * postcode, which phones open in their maps app. A link, never an embedded map or script, so
 * no third party learns who reads the page unless they follow it.
 */
export const mapsUrl = (place: { address: string; postcode: string }) =>
  `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(`${place.address}, ${place.postcode}`)}`;

/**
 * A language code ("pa") as the page's language names it ("Punjabi", "pendżabski", "البنجابية"),
 * from the platform's Intl data, so every code has a name without a table of our own; the code
 * itself if the platform has no name for it.
 */
export function languageName(t: Translator, code: string): string {
  try {
    return new Intl.DisplayNames([t.locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Several languages as one phrase in the page's language: "English and Punjabi", "angielski i pendżabski". */
export const languageList = (t: Translator, codes: readonly string[]): string =>
  new Intl.ListFormat(t.locale, { type: "conjunction" }).format(codes.map((code) => languageName(t, code)));
