// The VTIMEZONE for Europe/London, written out rather than taken from a zone database
// package: the UK rule (last Sunday of March 01:00 GMT → BST, last Sunday of October
// 02:00 BST → GMT) has held since 1996, the text is 20 lines, and bundling every zone into
// the Worker for one of them is not worth it. If the UK ever changes its rule, change it here.
import { LONDON, londonWallTime } from "../../lib/time";

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${LONDON}`,
  `X-LIC-LOCATION:${LONDON}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** ical-generator's `timezone.generator`: it asks for each zone the calendar uses. */
export function londonTimezoneGenerator(zone: string): string | null {
  return zone === LONDON ? `${VTIMEZONE}\r\n` : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An instant as London wall time in the shape ical-generator accepts for zoned values
 * (a Temporal.ZonedDateTime look-alike). A plain Date would be printed in the *process's*
 * time zone, which is UTC on Workers but anything on a laptop.
 */
export function londonDateTime(instant: number) {
  const w = londonWallTime(instant);
  const iso = `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const plain = {
    ...w,
    toJSON: () => iso,
    toString: () => iso,
    toPlainDate: () => ({ year: w.year, month: w.month, day: w.day, toJSON: () => iso.slice(0, 10), toString: () => iso.slice(0, 10) }),
    toZonedDateTime: () => zoned,
  };
  const zoned = {
    ...w,
    timeZoneId: LONDON,
    toJSON: () => new Date(instant).toISOString(),
    toString: () => `${iso}[${LONDON}]`,
    toPlainDateTime: () => plain,
    toInstant: () => ({ epochMilliseconds: instant, toJSON: () => new Date(instant).toISOString(), toString: () => new Date(instant).toISOString(), toZonedDateTimeISO: () => zoned }),
    withTimeZone: () => zoned,
  };
  return zoned;
}
