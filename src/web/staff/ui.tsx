// Form pieces shared by the staff pages: fields with their hint and error, the error summary,
// and the turning of a service's refusal into messages next to the right fields.
import type { Child } from "hono/jsx";
import type { ProblemError } from "../../lib/problem";
import { problemTitle, Refusal, wordProblem } from "../../lib/refusal";
import { londonDate, londonLocalString, parseLondonLocal } from "../../lib/time";
import type { View } from "../view";
import type { attendanceFor } from "../../features/attendance/read";
import type { StringKey } from "../../i18n";

/** What went wrong with a form: a message per field, and at most one for the whole form. */
export interface FormErrors {
  fields: Record<string, string>;
  /** A refusal that belongs to no field; `en` when it is shown in English (not yet translated). */
  general?: { text: string; en: boolean };
}
export const noErrors = (): FormErrors => ({ fields: {} });
export const hasErrors = (e: FormErrors) => Object.keys(e.fields).length > 0 || e.general !== undefined;

/** Where an error path lands on a form: a message, or a message on a differently named field. */
export type FieldMessages = Record<string, StringKey | { field: string; key: StringKey }>;

function fieldFor(messages: FieldMessages, path: string): { field: string; key: StringKey } | null {
  const m = messages[path];
  if (!m) return null;
  return typeof m === "string" ? { field: path, key: m } : m;
}

/**
 * A service refusal, on the page: each `errors[].path` the form knows becomes that field's
 * own message (in the page's language); anything else is the refusal's sentence (detailOf).
 */
export function fromProblem(view: View, err: ProblemError, messages: FieldMessages, special: (err: ProblemError) => FormErrors | null = () => null): FormErrors {
  const own = special(err);
  if (own) return own;
  const s = view.t;
  const fields: Record<string, string> = {};
  for (const e of err.errors ?? []) {
    const [head = "", sub] = e.path.split(".");
    const target = (sub && fieldFor(messages, `${head}_${sub}`)) || fieldFor(messages, head);
    if (target) fields[target.field] = s.t(target.key);
  }
  return Object.keys(fields).length ? { fields } : detailOf(view, err);
}

/**
 * Rule 16's refusal on a session form: the sentence naming the session already at the venue,
 * beside the field that moved it there (the time unless the venue was what changed).
 */
export function venueTakenOn(view: View, timeField: string) {
  return (err: ProblemError): FormErrors | null => {
    if (!(err instanceof Refusal) || err.reason !== "venue_taken") return null;
    const onVenue = err.errors?.some((e) => e.path === "venueId");
    return { fields: { [onVenue ? "venueId" : timeField]: wordProblem(err, view.t.locale).detail } };
  };
}

/**
 * A refusal that belongs to no field, in the page's language: the catalogue's sentence for
 * its reason, as the API words it. A ProblemError still written in English shows its detail
 * on English pages only; other pages get the title of its kind, which the catalogue words.
 */
export function detailOf(view: View, err: ProblemError): FormErrors {
  const { locale } = view.t;
  if (err instanceof Refusal) return { fields: {}, general: { text: wordProblem(err, locale).detail, en: view.t.isFallback(err.reason) } };
  if (locale === "en") return { fields: {}, general: { text: err.detail, en: false } };
  return { fields: {}, general: { text: problemTitle(err.code, locale), en: false } };
}

/** Zod issues from the API's own request schemas, mapped onto the form's fields. */
export function fromIssues(view: View, issues: ReadonlyArray<{ path: PropertyKey[] }>, messages: FieldMessages): FormErrors {
  const s = view.t;
  const fields: Record<string, string> = {};
  let other = false;
  for (const issue of issues) {
    // A localised text's box (`title.pl` → the field `title_pl`) before the text as a whole.
    const head = String(issue.path[0] ?? "");
    const target = (issue.path.length > 1 && fieldFor(messages, `${head}_${String(issue.path[1])}`)) || fieldFor(messages, head);
    if (target) fields[target.field] = s.t(target.key);
    else other = true;
  }
  return other ? { fields, general: { text: s.t("staffOther"), en: false } } : { fields };
}

export function ErrorSummary({ view, errors, order }: { view: View; errors: FormErrors; order: string[] }) {
  if (!hasErrors(errors)) return null;
  const { t } = view;
  const listed = [...order.filter((f) => errors.fields[f]), ...Object.keys(errors.fields).filter((f) => !order.includes(f))];
  return (
    <div class="summary" role="alert" aria-labelledby="error-summary">
      <h2 id="error-summary">{t.t("errorSummaryTitle")}</h2>
      <ul>
        {errors.general && <li {...(errors.general.en && t.locale !== "en" ? { lang: "en", dir: "ltr" } : {})}>{errors.general.text}</li>}
        {listed.map((f) => (
          <li>
            <a href={`#${f}`}>{errors.fields[f]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ children }: { children: Child }) {
  return (
    <div class="note" role="status">
      <p>{children}</p>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  errors: FormErrors;
  children: (aria: Record<string, string>) => Child;
}

/** A labelled control with its hint and error, wired together for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const error = errors.fields[id];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  const aria: Record<string, string> = {};
  if (describedBy) aria["aria-describedby"] = describedBy;
  if (error) aria["aria-invalid"] = "true";
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children(aria)}
    </div>
  );
}

/** A registered venue, chosen from a list (never a typed address); the empty choice means none. */
export function VenueField({ label, noneLabel, venues, selected, errors }: { label: string; noneLabel: string; venues: { id: string; name: string }[]; selected: string; errors: FormErrors }) {
  return (
    <Field id="venueId" label={label} errors={errors}>
      {(aria) => (
        <select id="venueId" name="venueId" {...aria}>
          <option value="">{noneLabel}</option>
          {venues.map((v) => (
            <option value={v.id} selected={selected === v.id}>
              {v.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A whole number typed in a form, or NaN (so the API's schema refuses it by name). */
export const int = (v: unknown) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : Number.NaN);
export const str = (v: unknown) => (typeof v === "string" ? v : "");

export interface WhenForm {
  start: string;
  durationMinutes: string;
  weeks: string;
}
export const readWhen = (body: Record<string, unknown>): WhenForm => ({ start: str(body.start), durationMinutes: str(body.durationMinutes), weeks: str(body.weeks) });

/**
 * The shared "when" fields as the API's two shapes: one time (instants) or a weekly series
 * (London wall time and an RRULE, expanded by the service so 10:00 stays 10:00 all year).
 */
export function whenFrom(form: WhenForm, limits: { minMinutes: number; maxMinutes: number }, errorsOut: Record<string, StringKey>) {
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.exec(form.start.trim())?.[0];
  const minutes = int(form.durationMinutes);
  const weeks = int(form.weeks || "1");
  if (!local) errorsOut.start = "errStart";
  if (!(minutes >= limits.minMinutes && minutes <= limits.maxMinutes)) errorsOut.durationMinutes = limits.minMinutes === 15 ? "errDuration" : "errSessionDuration";
  if (!(weeks >= 1 && weeks <= 52)) errorsOut.weeks = "errWeeks";
  if (!local || errorsOut.durationMinutes || errorsOut.weeks) return null;
  if (weeks === 1) {
    const startsAt = parseLondonLocal(local);
    return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + minutes * 60_000).toISOString() };
  }
  return { start: local, durationMinutes: minutes, rrule: `FREQ=WEEKLY;COUNT=${weeks}` };
}

export function keyedErrors(view: View, keys: Record<string, StringKey>): FormErrors {
  const s = view.t;
  return { fields: Object.fromEntries(Object.entries(keys).map(([f, k]) => [f, s.t(k)])) };
}

export function mergeErrors(a: FormErrors, b: FormErrors): FormErrors {
  return { fields: { ...a.fields, ...b.fields }, general: a.general ?? b.general };
}

/** One date and a start and end time on it, as London clocks show them. */
export interface TimesForm {
  date: string;
  startTime: string;
  endTime: string;
}
export const readTimes = (body: Record<string, unknown>): TimesForm => ({ date: str(body.date), startTime: str(body.startTime), endTime: str(body.endTime) });

/** What a form shows for an existing time: London wall time, whatever the offset that day. */
export const timesOf = (startsAt: number, endsAt: number): TimesForm => ({ date: londonDate(startsAt), startTime: londonLocalString(startsAt).slice(11), endTime: londonLocalString(endsAt).slice(11) });

const realDate = (d: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return false;
  const utc = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return utc.getUTCMonth() === +m[2]! - 1 && utc.getUTCDate() === +m[3]!;
};
const clock = (t: string) => /^([01]\d|2[0-3]):[0-5]\d/.exec(t.trim())?.[0];

/**
 * The form's London wall times as the API's instants. The offset is the one on that date, so
 * 10:00 stays 10:00 when a session moves across a clock change.
 */
export function londonTimes(form: TimesForm, errorsOut: Record<string, StringKey>): { startsAt: string; endsAt: string } | null {
  const date = form.date.trim();
  const start = clock(form.startTime);
  const end = clock(form.endTime);
  if (!realDate(date)) errorsOut.date = "errDate";
  if (!start) errorsOut.startTime = "errTime";
  if (!end) errorsOut.endTime = "errTime";
  else if (start && end <= start) errorsOut.endTime = "errEndTime";
  if (errorsOut.date || errorsOut.startTime || errorsOut.endTime) return null;
  return { startsAt: new Date(parseLondonLocal(`${date}T${start}`)).toISOString(), endsAt: new Date(parseLondonLocal(`${date}T${end}`)).toISOString() };
}

/** Date, start and end time, each with its own label and error. */
export function TimesFields({ view, form, errors }: { view: View; form: TimesForm; errors: FormErrors }) {
  const s = view.t;
  return (
    <>
      <Field id="date" label={s.t("dateLabel")} errors={errors}>
        {(aria) => <input type="date" id="date" name="date" value={form.date} {...aria} />}
      </Field>
      <div class="row">
        <Field id="startTime" label={s.t("startTimeLabel")} hint={s.t("startHint")} errors={errors}>
          {(aria) => <input type="time" id="startTime" name="startTime" value={form.startTime} {...aria} />}
        </Field>
        <Field id="endTime" label={s.t("endTimeLabel")} hint={s.t("startHint")} errors={errors}>
          {(aria) => <input type="time" id="endTime" name="endTime" value={form.endTime} {...aria} />}
        </Field>
      </div>
    </>
  );
}

type GroupAttendee = Awaited<ReturnType<typeof attendanceFor>>["attendees"][number];

/**
 * A group on a register (the coordinator's and the host's): its state, size and access needs,
 * the head count to check in with, and undo once in. The roster (pupils' names) only where the
 * page's reader may see it: the coordinator's register, not the host's door.
 */
export function GroupCard({ view, group, checkIn, undoAction, roster = false }: { view: View; group: GroupAttendee; checkIn: { action: string; hidden: Record<string, string> }; undoAction?: string; roster?: boolean }) {
  const s = view.t;
  const statusText = { confirmed: s.t("attendanceExpected"), attended: s.t("attendanceIn"), no_show: s.t("attendanceNoShow") };
  const id = `count-${group.bookingId}`;
  return (
    <li class="card">
      <h3>{group.name}</h3>
      <dl class="facts">
        <dt>{s.t("myStatus")}</dt>
        <dd class="status">{statusText[group.status]}</dd>
        <dt>{s.t("group")}</dt>
        <dd>{s.t("groupSize", { pupils: group.pupils, staff: group.staff })}</dd>
        {group.accessNeeds && (
          <>
            <dt>{s.t("attendanceAccess")}</dt>
            <dd>{group.accessNeeds}</dd>
          </>
        )}
        {roster && group.roster && group.roster.length > 0 && (
          <>
            <dt>{s.t("attendanceRoster")}</dt>
            <dd>{group.roster.join(", ")}</dd>
          </>
        )}
      </dl>
      {group.status !== "no_show" && (
        <form method="post" action={checkIn.action} class="actions">
          {Object.entries(checkIn.hidden).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <div class="field">
            <label for={id}>{s.t("groupCountLabel")}</label>
            <input type="number" id={id} name="count" min="1" max={String(group.seats)} inputmode="numeric" value={String(group.checkedInCount || group.seats)} />
          </div>
          <button class="button secondary" type="submit">
            {s.t("groupCheckInButton")}
            <span class="visually-hidden"> {group.name}</span>
          </button>
        </form>
      )}
      {undoAction && group.checkedInAt !== null && (
        <form method="post" action={undoAction}>
          <input type="hidden" name="bookingId" value={group.bookingId} />
          <button class="linkbutton" type="submit">
            {s.t("hostUndo")}
            <span class="visually-hidden"> {group.name}</span>
          </button>
        </form>
      )}
    </li>
  );
}
