// Storage is UTC; people live in Europe/London. These helpers convert between the two
// without a time-zone library: the UK's summer-time rule as arithmetic, checked against the
// platform's Intl data (present in workerd and Node) by time.test.ts.

export const LONDON = "Europe/London";
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Clock {
  now(): number;
  /**
   * Waits `ms` by this clock. Code that paces itself (the email dispatcher keeping to the
   * provider's rate) waits through the clock, so a test's clock moves instead of the test waiting.
   */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** A clock tests can move by hand. Sleeping on it moves it at once (and lets other work run). */
export function fixedClock(start: number | string | Date): Clock & { set(t: number | string | Date): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * London's offset from UTC at an instant: one hour of summer time (BST) from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October, none otherwise — the UK
 * rule since 1996. Arithmetic rather than Intl: formatting each timestamp through
 * Intl.DateTimeFormat was a fifth of the what's-on list's CPU (issue #19). time.test.ts
 * checks it against the platform's Intl data every hour of 1996–2050.
 */
export function londonOffsetMs(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  return instant >= lastSundayAt1Utc(year, 2) && instant < lastSundayAt1Utc(year, 9) ? HOUR : 0;
}

/** 01:00 UTC on the last Sunday of a month (0-based), when the UK's clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** The London wall-clock reading at an instant, read from the platform's Intl data. */
export function londonWallTimeIntl(instant: number): WallTime {
  const parts = Object.fromEntries(partsFormatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The London wall-clock reading at an instant. */
export function londonWallTime(instant: number): WallTime {
  const d = new Date(instant + londonOffsetMs(instant));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The UTC instant at which London's clocks show `wall`. In the spring-forward gap (01:00–
 * 02:00 on the last Sunday of March) the time does not exist and we move it forward an hour,
 * as calendar apps do; in the autumn overlap we take the first (BST) occurrence.
 */
export function londonToUtc(wall: WallTime): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  for (const offsetHours of [1, 0]) {
    const candidate = asUtc - offsetHours * HOUR;
    const seen = londonWallTime(candidate);
    if (seen.hour === wall.hour && seen.minute === wall.minute && seen.day === wall.day) return candidate;
  }
  // In the gap: reading it as GMT lands one hour later on the wall clock.
  return asUtc;
}

/** Parses 'YYYY-MM-DDTHH:MM[:SS]' (no offset) as London local time. */
export function parseLondonLocal(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) throw new Error(`not a local date-time: ${value}`);
  const [, y, mo, d, h, mi, s] = m;
  return londonToUtc({ year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: +(s ?? 0) });
}

/** The instant London's day 'YYYY-MM-DD' (plus `addDays`) begins: date ranges that include their last day. */
export function startOfLondonDay(date: string, addDays = 0): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + addDays));
  return londonToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0, second: 0 });
}

const pad = (n: number) => String(n).padStart(2, "0");

/** London date 'YYYY-MM-DD' of an instant. */
export function londonDate(instant: number): string {
  const w = londonWallTime(instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** London wall time as 'YYYY-MM-DDTHH:MM', what people read on a poster (and `parseLondonLocal` reads). */
export function londonLocalString(instant: number): string {
  const w = londonWallTime(instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Whole years of age on a given 'YYYY-MM-DD' date. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export const iso = (instant: number) => new Date(instant).toISOString();

/** `iso` for a time that may not have happened (sent, revoked, cancelled): null stays null. */
export const isoOrNull = (instant: number | null | undefined) => (instant == null ? null : iso(instant));
