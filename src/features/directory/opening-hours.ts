// Opening times are kept as London wall-clock periods ("Tuesday 10:00–14:00"), never as UTC
// instants: a food bank that opens at 10:00 opens at 10:00 in GMT and in BST alike. "Open now"
// and "opens Tuesday 10:00" read the London wall clock at the instant asked about.
import type { OpeningPeriod } from "../../db/schema";
import { londonToUtc, londonWallTime } from "../../lib/time";

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** ISO weekday (1 = Monday … 7 = Sunday) of a London calendar date. */
const isoWeekday = (year: number, month: number, day: number) => ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;

/** True when London's wall clock at `instant` is inside one of the periods. */
export function isOpenAt(hours: OpeningPeriod[], instant: number): boolean {
  const wall = londonWallTime(instant);
  const day = isoWeekday(wall.year, wall.month, wall.day);
  const now = wall.hour * 60 + wall.minute;
  return hours.some((p) => p.day === day && minutes(p.opens) <= now && now < minutes(p.closes));
}

export interface NextOpening {
  /** ISO weekday it opens on. */
  day: number;
  opens: string;
  /** 0 = later today, 1 = tomorrow, … up to 7 (the same weekday next week). */
  inDays: number;
  /** The UTC instant it opens, for machines (and for tests across the clock changes). */
  at: number;
}

/** When it next opens after `instant` (not counting a period it is in now), or null if it has no hours. */
export function nextOpening(hours: OpeningPeriod[], instant: number): NextOpening | null {
  if (hours.length === 0) return null;
  const wall = londonWallTime(instant);
  const now = wall.hour * 60 + wall.minute;
  for (let inDays = 0; inDays <= 7; inDays++) {
    // Step the calendar date, not the instant: a day across a clock change is 23 or 25 hours.
    const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + inDays));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const day = isoWeekday(y, m, d);
    const candidates = hours
      .filter((p) => p.day === day && (inDays > 0 || minutes(p.opens) > now))
      .sort((a, b) => minutes(a.opens) - minutes(b.opens));
    const first = candidates[0];
    if (first) {
      const at = londonToUtc({ year: y, month: m, day: d, hour: Number(first.opens.slice(0, 2)), minute: Number(first.opens.slice(3, 5)), second: 0 });
      return { day, opens: first.opens, inDays, at };
    }
  }
  return null;
}

/** Periods in weekday order, for showing a week's timetable. */
export const byWeekday = (hours: OpeningPeriod[]) => [...hours].sort((a, b) => a.day - b.day || minutes(a.opens) - minutes(b.opens));

/** A period is well formed when it closes after it opens on the same day. */
export const periodIsValid = (p: OpeningPeriod) => minutes(p.closes) > minutes(p.opens);
