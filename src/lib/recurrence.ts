// Expanding an RRULE in London wall time. rrule works in UTC, so we run it in "floating"
// time: the start's London wall-clock fields go in as if they were UTC, each occurrence's UTC
// fields come out as London wall fields, and only then become real instants. A 10:00 session
// therefore stays 10:00 on both sides of the March and October clock changes.
import * as rruleModule from "rrule";
import { ProblemError } from "./problem";
import { londonToUtc } from "./time";

// rrule ships CommonJS to Node (tsx, `npm start`) and ESM to bundlers (wrangler, vitest):
// take RRule from whichever shape arrived.
const rrule = rruleModule as unknown as { RRule?: typeof rruleModule.RRule; default?: { RRule: typeof rruleModule.RRule } };
const RRule = (rrule.RRule ?? rrule.default!.RRule) as typeof rruleModule.RRule;

export const MAX_OCCURRENCES = 100;

const refuse = (detail: string) => new ProblemError("unprocessable", detail, { errors: [{ path: "rrule", message: detail }] });

/**
 * Start instants (UTC ms) of each occurrence of `rrule` from the London local `start`. Used by
 * event sessions and mentoring slots alike; `noun` names what repeats in the refusals.
 */
export function expandLondonRule(start: string, rrule: string, noun = "sessions"): number[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  if (!m) throw new ProblemError("validation", "Use London local time like 2026-03-02T10:00.", { errors: [{ path: "start", message: "expected YYYY-MM-DDTHH:MM" }] });
  const body = rrule.trim().replace(/^RRULE:/i, "");
  if (!/^[A-Za-z0-9=;,+-]+$/.test(body) || /DTSTART|TZID/i.test(body)) throw refuse("Give only the RRULE part, like FREQ=WEEKLY;COUNT=8; the first start goes in `start`.");
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(body);
  } catch {
    throw refuse("This repeat rule could not be read. Try something like FREQ=WEEKLY;COUNT=8.");
  }
  if (options.freq === undefined) throw refuse("Say how often it repeats with FREQ, e.g. FREQ=WEEKLY;COUNT=8.");
  if (!options.count && !options.until) throw refuse(`Say when the ${noun} stop with COUNT or UNTIL, e.g. FREQ=WEEKLY;COUNT=8.`);
  if (options.count && options.count > MAX_OCCURRENCES) throw refuse(`A series can have at most ${MAX_OCCURRENCES} ${noun}.`);
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!)) });
  // Ask for one more than allowed so we can tell "exactly 100" from "more than 100".
  const floating = rule.all((_, i) => i <= MAX_OCCURRENCES);
  if (floating.length > MAX_OCCURRENCES) throw refuse(`A series can have at most ${MAX_OCCURRENCES} ${noun}.`);
  if (floating.length === 0) throw refuse("This repeat rule gives no dates at all.");
  return floating.map((f) =>
    londonToUtc({
      year: f.getUTCFullYear(),
      month: f.getUTCMonth() + 1,
      day: f.getUTCDate(),
      hour: f.getUTCHours(),
      minute: f.getUTCMinutes(),
      second: 0,
    }),
  );
}
