import * as rruleModule from "rrule";
import { ProblemError } from "../../lib/problem";
import { londonToUtc } from "../../lib/time";

// rrule ships CommonJS to Node and ESM to bundlers: take RRule from whichever shape arrived.
const { RRule } = ((rruleModule as unknown as { default?: typeof rruleModule }).default?.RRule ? (rruleModule as unknown as { default: typeof rruleModule }).default : rruleModule);

export const MAX_OCCURRENCES = 100;
const bad = (detail: string) => new ProblemError("validation", detail, { errors: [{ path: "rrule", message: detail }] });

/**
 * Start instants (UTC ms) of a series whose first occurrence is `start` ('YYYY-MM-DDTHH:MM',
 * London wall time). The rule is expanded in wall time: rrule gets a UTC date holding the
 * wall-clock fields, and each occurrence's UTC fields are read back as London wall fields.
 * So "17:00 weekly" stays 17:00 in London across the clocks changing.
 */
export function expandLondonSeries(start: string, rule: string): number[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  if (!m) throw new ProblemError("validation", "Give the first start as London time, like 2026-03-02T17:00.", { errors: [{ path: "start", message: "Use YYYY-MM-DDTHH:MM" }] });
  const text = rule.trim().replace(/^RRULE:/i, "");
  if (!/^[A-Za-z0-9=;,+-]+$/.test(text) || /DTSTART|TZID/i.test(text)) throw bad("Give just the repeat rule, like FREQ=WEEKLY;COUNT=4.");
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch {
    throw bad("This repeat rule could not be read. Try something like FREQ=WEEKLY;COUNT=4.");
  }
  if (options.freq === undefined) throw bad("Say how often it repeats, like FREQ=WEEKLY.");
  if (!options.count && !options.until) throw bad("Say when the series ends, with COUNT or UNTIL.");
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const dtstart = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  const rrule = new RRule({ ...options, dtstart, tzid: null });
  const wall = rrule.all((_, i) => i <= MAX_OCCURRENCES);
  if (wall.length > MAX_OCCURRENCES) throw bad(`A series can have at most ${MAX_OCCURRENCES} slots.`);
  if (wall.length === 0) throw bad("This repeat rule gives no dates.");
  return wall.map((w) =>
    londonToUtc({ year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: 0 }),
  );
}
