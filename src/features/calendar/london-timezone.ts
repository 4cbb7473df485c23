// The VTIMEZONE for Europe/London, written out rather than taken from a zone database
// package: the UK rule (last Sunday of March 01:00 GMT → BST, last Sunday of October
// 02:00 BST → GMT) has held since 1996, the text is 20 lines, and bundling every zone into
// the Worker for one of them is not worth it. If the UK ever changes its rule, change it here.
// The times themselves are @date-fns/tz TZDates (ics.ts), which read the zone from Intl.
import { TZDate } from "@date-fns/tz";
import { LONDON } from "../../lib/time";

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

/**
 * An instant as London wall time. ical-generator prints a TZDate in its own zone (a plain
 * Date would come out in the *process's* zone: UTC on Workers, anything on a laptop).
 */
export const londonTime = (instant: number) => new TZDate(instant, LONDON);
