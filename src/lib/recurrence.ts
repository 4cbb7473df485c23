// Expanding an RRULE in London wall time. rrule works in UTC, so we run it in "floating"
// time: the start's London wall-clock fields go in as if they were UTC, each occurrence's UTC
// fields come out as London wall fields, and only then become real instants. A 10:00 session
// therefore stays 10:00 on both sides of the March and October clock changes.
import * as rruleModule from "rrule";
import { field, refuse, type PlainReason } from "./refusal";
import { londonToUtc } from "./time";

// rrule ships CommonJS to Node (tsx, `npm start`) and ESM to bundlers (wrangler, vitest):
// take RRule from whichever shape arrived.
const rrule = rruleModule as unknown as { RRule?: typeof rruleModule.RRule; default?: { RRule: typeof rruleModule.RRule } };
const RRule = (rrule.RRule ?? rrule.default!.RRule) as typeof rruleModule.RRule;

export const MAX_OCCURRENCES = 100;

/** A rule refused: the sentence is also the `rrule` field's message. */
const refuseRule = (reason: PlainReason) => refuse(reason, {}, { fields: [field("rrule", reason)] });
const refuseCount = (reason: "rrule_too_many_sessions" | "rrule_too_many_slots") => refuse(reason, { max: MAX_OCCURRENCES }, { fields: [field("rrule", reason, { max: MAX_OCCURRENCES })] });

/**
 * Start instants (UTC ms) of each occurrence of `rrule` from the London local `start`. Used by
 * event sessions and mentoring slots alike; `noun` names what repeats in the refusals.
 */
export function expandLondonRule(start: string, rrule: string, noun: "sessions" | "slots" = "sessions"): number[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  if (!m) throw refuse("london_local_time_needed", {}, { fields: [field("start", "expected_london_local")] });
  const body = rrule.trim().replace(/^RRULE:/i, "");
  if (!/^[A-Za-z0-9=;,+-]+$/.test(body) || /DTSTART|TZID/i.test(body)) throw refuseRule("rrule_only_rule");
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(body);
  } catch {
    throw refuseRule("rrule_unreadable");
  }
  if (options.freq === undefined) throw refuseRule("rrule_no_freq");
  if (!options.count && !options.until) throw refuseRule(noun === "slots" ? "rrule_no_end_slots" : "rrule_no_end_sessions");
  if (options.count && options.count > MAX_OCCURRENCES) throw refuseCount(noun === "slots" ? "rrule_too_many_slots" : "rrule_too_many_sessions");
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!)) });
  // Ask for one more than allowed so we can tell "exactly 100" from "more than 100".
  const floating = rule.all((_, i) => i <= MAX_OCCURRENCES);
  if (floating.length > MAX_OCCURRENCES) throw refuseCount(noun === "slots" ? "rrule_too_many_slots" : "rrule_too_many_sessions");
  if (floating.length === 0) throw refuseRule("rrule_no_dates");
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
