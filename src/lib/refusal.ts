// Refusals: why the system says no, as a reason and the facts it needs, never as a sentence.
//
// A service that refuses throws `refuse("session_full", { ... })`: a reason (a key of the
// catalogue) and its facts (ages, dates, seat counts, ids: strings or numbers). No HTTP and no
// English here. The words live once per language in src/i18n/<locale>/problems.ts; the API
// (src/lib/problem-response.ts) words a refusal in the caller's language and the website in
// the page's, from the same lines.
//
// To add a refusal:
//   1. Write its English sentence in src/i18n/en/problems.ts (`refusalsEn`), with a
//      {placeholder} for each fact; a short message for a form field goes in `fieldRefusalsEn`
//      (or reuse a reason's sentence).
//   2. Give it a problem code in REASON_CODES below (that fixes the HTTP status and the `type`
//      URI; add a code to PROBLEMS in problem.ts only for a genuinely new kind of refusal).
//   3. Translate it in pl, ro, uk and ar (src/i18n/i18n.test.ts fails until you do, and when
//      the placeholders differ from English).
//   4. `throw refuse("my_reason", { fact: value }, { fields: [field("path", "too_long")], extra })`.
//      A missing or misspelt fact does not compile: the facts are read from the English text.
import { formatDay } from "../../emails/format";
import { fill, pickLocalised, translator, type Locale, type StringKey, type Translator } from "../i18n";
// Types only: at run time the English lines come from the catalogue (ENGLISH below), so the
// Worker's bundle carries no copy of them (its catalogues are static assets, issue #19).
import type { fieldRefusalsEn, problemTitlesEn, refusalsEn } from "../i18n/en/problems";
import { ProblemError, type FieldError, type ProblemCode } from "./problem";
import { londonWallTime } from "./time";

export type Reason = keyof typeof refusalsEn;
/** What a form field can be refused with: its own short message, or a reason's sentence. */
export type FieldReason = keyof typeof fieldRefusalsEn | Reason;
type Wording = typeof refusalsEn & typeof fieldRefusalsEn;

/** The `{names}` in a sentence, as a union of string literals. */
type Holes<S extends string> = S extends `${string}{${infer H}}${infer Rest}` ? H | Holes<Rest> : never;
/** A moment, said in the reader's language and London time ("Tuesday 3 March at 10:00"). */
export interface Moment {
  at: number;
}
/** Text stored per language (an event's title): the reader's, else English. */
export type Localised = { en: string } & Partial<Record<Locale, string>>;
export type Fact = string | number | Moment | Localised;
export type FactsOf<R extends FieldReason> = { [H in Holes<Wording[R]>]: Fact };
/** Reasons whose sentence needs no facts: what a table of refusals (status → reason) holds. */
export type PlainReason = { [R in Reason]: [Holes<Wording[R]>] extends [never] ? R : never }[Reason];
/** Facts are required exactly when the sentence has placeholders. */
type FactsArg<R extends FieldReason> = [Holes<Wording[R]>] extends [never] ? [facts?: Record<string, never>] : [facts: FactsOf<R>];

/** Each reason's problem code, in one table: the code fixes the status and the `type` URI. */
export const REASON_CODES = {
  // Webhooks (src/i18n/en/refusals-webhooks.ts)
  no_such_webhook: "not_found",
  no_such_webhook_delivery: "not_found",
  webhook_url_not_allowed: "validation",
  // Joining and your details (src/i18n/en/refusals-join.ts)
  join_parent_email_needed: "validation",
  join_parent_link_unusable: "token_invalid",
  profile_email_link_unusable: "token_invalid",
  profile_email_taken: "conflict",
  profile_dob_young_people_only: "validation",
  no_such_age_flag: "not_found",
  // Carousels (src/i18n/en/refusals-carousels.ts)
  no_such_carousel: "not_found",
  carousel_cancelled: "session_cancelled",
  carousel_bookings_closed: "conflict",
  carousel_full: "session_full",
  carousel_places_short: "session_full",
  carousel_ratio_short: "group_ratio",
  no_such_carousel_group: "not_found",
  no_such_carousel_station: "not_found",
  carousel_group_not_live: "conflict",
  carousel_group_cancelled: "conflict",
  carousel_started_no_cancel: "session_started",
  carousel_start_in_future: "validation",
  carousel_close_before_start: "validation",
  carousel_venue_unknown: "validation",
  carousel_station_host: "validation",
  carousel_check_in_too_many: "validation",
  carousel_no_plan_yet: "not_found",
  carousel_no_group_of_yours: "not_found",
  carousel_plan_first: "conflict",
  // Host partners and shared venues (src/i18n/en/refusals-host.ts)
  venue_taken: "conflict",
  check_in_undo_closed: "conflict",
  check_in_undo_not_in: "conflict",
  register_not_started: "conflict",
  // Coordinators' administration (src/i18n/en/refusals-admin.ts)
  email_belongs_to_another: "conflict",
  // Timebank (src/i18n/en/refusals-timebank.ts)
  host_only_contributors: "forbidden",
  no_contributor: "not_found",
  contributor_session_cancelled: "session_cancelled",
  contribution_before_end: "conflict",
  no_timebank_entry: "not_found",
  timebank_reversal_final: "unprocessable",
  timebank_already_reversed: "conflict",
  no_timebank_offer: "not_found",
  timebank_offer_withdrawn: "conflict",
  timebank_balance_short: "conflict",
  timebank_offer_own_organisation: "forbidden",
  timebank_people_only: "forbidden",
  timebank_balances_forbidden: "forbidden",
  no_record_link: "not_found",
  record_link_unusable: "token_invalid",
  record_young_people_only: "forbidden",
  careers_own_school_only: "forbidden",
  careers_not_a_school: "unprocessable",
  no_careers_rule: "not_found",
  careers_rule_host_unknown: "validation",
  // Bookings, groups and sessions (src/i18n/en/refusals-bookings.ts)
  consent_link_unusable: "token_invalid",
  no_such_session: "not_found",
  series_no_such_event: "not_found",
  session_cancelled_no_booking: "session_cancelled",
  session_started_no_booking: "session_started",
  no_such_booking: "not_found",
  booking_clashes_with: "booking_clash",
  offer_changed_meanwhile: "conflict",
  no_offer_waiting: "conflict",
  offer_ran_out_at: "offer_expired",
  offer_ran_out: "offer_expired",
  person_books_seat: "forbidden",
  book_only_for_yourself: "forbidden",
  no_such_young_person: "not_found",
  not_young_person: "not_eligible",
  outside_age_range: "not_eligible",
  guardian_email_needed: "validation",
  guardian_email_is_a_childs: "validation",
  // Guardian consent (src/i18n/en/refusals-guardian.ts)
  guardian_daily_limit: "validation",
  consent_not_withdrawable: "conflict",
  already_has_place: "already_booked",
  account_deleted: "unauthenticated",
  session_full_no_waitlist: "session_full",
  mentoring_cancel_elsewhere: "unprocessable",
  booking_already_cancelled: "conflict",
  booking_already_happened: "conflict",
  too_late_to_cancel: "session_started",
  booking_busy: "conflict",
  group_ratio_short: "group_ratio",
  roster_too_long: "validation",
  group_session_full: "session_full",
  group_seats_short: "session_full",
  own_school_only: "forbidden",
  schools_only_groups: "unprocessable",
  event_no_groups: "unprocessable",
  no_such_group_booking: "not_found",
  group_booking_closed: "conflict",
  group_booking_busy: "conflict",
  no_session_with_id: "not_found",
  session_already_cancelled: "session_cancelled",
  session_started_no_cancel: "session_started",
  session_cancelled_no_change: "session_cancelled",
  session_started_no_change: "session_started",
  session_venue_unknown: "validation",
  session_move_into_past: "validation",
  session_end_before_start: "validation",
  new_session_end_before_start: "unprocessable",
  new_session_venue_unknown: "unprocessable",
  venue_or_link: "unprocessable",
  series_overlaps: "unprocessable",
  sessions_in_future: "unprocessable",
  check_in_begun_no_move: "check_in_begun",
  move_clashes: "booking_clash",
  capacity_below_seats: "capacity_below_taken",
  session_busy: "conflict",
  slot_just_taken: "slot_taken",
  mentoring_young_people_only: "forbidden",
  no_such_slot: "not_found",
  slot_started: "conflict",
  mentoring_needs_birthday: "not_eligible",
  mentoring_guardian_needed: "validation",
  dbs_missing: "not_eligible",
  dbs_expired: "not_eligible",
  dbs_revoked: "not_eligible",
  mentoring_cap_reached: "too_many_mentoring",
  mentoring_clash: "booking_clash",
  slot_changed_while_booking: "conflict",
  no_visible_mentoring_booking: "not_found",
  mentoring_already_cancelled: "conflict",
  mentoring_started_no_cancel: "conflict",
  mentoring_changed_reload: "conflict",
  mentor_employer_needed: "validation",
  own_mentors_only: "forbidden",
  mentor_organisation_unknown: "not_found",
  employers_only_mentors: "forbidden",
  no_such_mentor: "not_found",
  dbs_check_in_future: "validation",
  dbs_expiry_before_check: "validation",
  slot_fields_missing: "validation",
  slot_single_or_series: "validation",
  slots_for_young_people: "forbidden",
  slot_changed_while_editing: "conflict",
  slot_withdrawn_no_change: "conflict",
  slot_already_withdrawn: "conflict",
  dbs_invalid_on_new_date: "not_eligible",
  slot_move_clashes: "booking_clash",
  online_slot_needs_link: "validation",
  online_slot_no_venue: "validation",
  in_person_slot_needs_venue: "validation",
  in_person_slot_no_link: "validation",
  slot_venue_unregistered: "unprocessable",
  slot_in_future: "validation",
  slot_length: "validation",
  mentor_slot_overlap: "conflict",
  own_mentors_slots_only: "forbidden",
  mentor_slots_own_organisation: "forbidden",
  no_managed_slot: "not_found",
  validation_fields: "validation",
  nothing_at_path: "not_found",
  request_not_understood: "validation",
  internal_fault: "internal",
  bearer_format: "unauthenticated",
  cross_site_request: "forbidden",
  api_key_invalid: "unauthenticated",
  sign_in_expired: "unauthenticated",
  sign_in_needed: "unauthenticated",
  person_needed: "forbidden",
  coordinators_only: "forbidden",
  own_organisation_only: "forbidden",
  body_too_large: "payload_too_large",
  json_content_type: "unsupported_media_type",
  json_malformed: "malformed_json",
  idempotency_key_too_long: "validation",
  idempotency_send_again: "idempotency_in_flight",
  idempotency_key_reused: "idempotency_mismatch",
  idempotency_still_processing: "idempotency_in_flight",
  too_many_tries: "rate_limited",
  dir_no_service: "not_found",
  dir_no_change: "not_found",
  dir_own_services_only: "forbidden",
  dir_own_services_change_only: "forbidden",
  dir_move_coordinators_only: "forbidden",
  dir_nothing_to_change: "validation",
  dir_service_busy: "conflict",
  dir_decide_coordinators_only: "forbidden",
  dir_change_already_approved: "conflict",
  dir_change_already_rejected: "conflict",
  dir_change_service_gone: "not_found",
  dir_details_dont_fit: "unprocessable",
  dir_category_exists: "conflict",
  sf_nothing_said: "validation",
  sf_no_feedback: "not_found",
  sf_no_reply_address: "unprocessable",
  household_families_only: "unprocessable",
  household_session_full: "session_full",
  household_seats_short: "session_full",
  london_local_time_needed: "validation",
  rrule_only_rule: "unprocessable",
  rrule_unreadable: "unprocessable",
  rrule_no_freq: "unprocessable",
  rrule_no_end_sessions: "unprocessable",
  rrule_no_end_slots: "unprocessable",
  rrule_too_many_sessions: "unprocessable",
  rrule_too_many_slots: "unprocessable",
  rrule_no_dates: "unprocessable",
  no_event: "not_found",
  host_only_check_in: "forbidden",
  host_only_attendees: "forbidden",
  host_only_feedback: "forbidden",
  check_in_session_cancelled: "session_cancelled",
  check_in_not_open: "unprocessable",
  check_in_pending_consent: "ticket_not_valid",
  check_in_waitlisted: "ticket_not_valid",
  check_in_offered: "ticket_not_valid",
  check_in_cancelled: "ticket_not_valid",
  check_in_not_now: "ticket_not_valid",
  ticket_not_found: "not_found",
  no_group_booking: "not_found",
  group_count_needed: "validation",
  group_count_too_high: "validation",
  ticket_for_mentoring: "wrong_session",
  ticket_for_other_session: "wrong_session",
  mentoring_no_ticket: "ticket_not_valid",
  no_ticket_pending_consent: "ticket_not_valid",
  no_ticket_waitlisted: "ticket_not_valid",
  no_ticket_offered: "ticket_not_valid",
  no_ticket_cancelled: "ticket_not_valid",
  no_ticket_no_show: "ticket_not_valid",
  age_outside_programme: "not_eligible",
  sign_in_link_used: "token_invalid",
  sign_in_link_dead: "token_invalid",
  calendar_link_dead: "not_found",
  booking_not_found: "not_found",
  invite_not_confirmed: "conflict",
  to_before_from: "validation",
  min_age_above_max: "unprocessable",
  own_events_only: "forbidden",
  unknown_organisation: "unprocessable",
  host_only_change_event: "forbidden",
  event_changed_meanwhile: "conflict",
  cursor_invalid: "validation",
  own_venues_only: "forbidden",
  no_venue: "not_found",
  no_visible_booking: "not_found",
  feedback_not_attended: "not_attended",
  feedback_given: "feedback_exists",
  no_message: "not_found",
  only_failed_resend: "conflict",
  dev_mailbox_off: "not_found",
  no_organisation: "not_found",
  api_key_cannot_create_keys: "forbidden",
  no_api_key: "not_found",
  no_data_held: "not_found",
  coordinator_erasure: "forbidden",
  end_before_start: "validation",
} as const satisfies Record<Reason, ProblemCode>;

// Every problem code has an English title: fails to compile when PROBLEMS gains one without.
type EveryTitle<T extends Record<ProblemCode, string>> = T;
export type EnglishProblemTitles = EveryTitle<typeof problemTitlesEn>;

/** One refused form field: where (`path`, as in `errors[].path`), why, and the facts. */
export interface FieldRefusal {
  path: string;
  reason: FieldReason;
  facts?: Record<string, Fact>;
}

/** A field refusal whose facts are checked against its sentence. */
export function field<R extends FieldReason>(path: string, reason: R, ...[facts]: FactsArg<R>): FieldRefusal {
  return { path, reason, ...(facts ? { facts } : {}) };
}

export interface RefusalOptions {
  /** Fields refused, each worded from the catalogue. */
  fields?: FieldRefusal[];
  /** Field messages that come already written (zod's own), passed on as they are. */
  errors?: FieldError[];
  /** Machine-readable members of the problem body (bookingId, clashingBookingId…). */
  extra?: Record<string, unknown>;
  /** Response headers the refusal needs (retry-after). */
  headers?: Record<string, string>;
}

/** Facts as text in one language: moments and stored translations become words. */
function factsIn(t: Translator, facts: Record<string, Fact> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, fact] of Object.entries(facts)) {
    if (typeof fact !== "object") out[name] = fact;
    else if ("at" in fact) {
      const { hour, minute } = londonWallTime(fact.at);
      out[name] = t.t("atTime", { day: formatDay(fact.at, t.locale), time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` });
    } else out[name] = pickLocalised(fact, t.locale).text;
  }
  return out;
}

const ENGLISH = translator("en");
// The English catalogue holds refusalsEn and fieldRefusalsEn (en/problems.ts's problemsEn).
const englishLine = (reason: FieldReason, facts?: Record<string, Fact>) => fill(ENGLISH.raw(reason as keyof Wording & StringKey) as string, factsIn(ENGLISH, facts));
const englishTitle = (code: ProblemCode): string => (ENGLISH.raw("problemTitles") as EnglishProblemTitles)[code];
const englishField = (f: FieldRefusal): FieldError => ({ path: f.path, message: englishLine(f.reason, f.facts) });

/**
 * A refusal. It is a ProblemError (code, English detail) so code written before refusals
 * existed still catches and reads it while the services move over; new code reads `reason`
 * and `facts` and words them with `wordProblem`.
 */
export class Refusal extends ProblemError {
  readonly reason: Reason;
  readonly facts: Record<string, Fact>;
  readonly fields?: FieldRefusal[];

  constructor(reason: Reason, facts: Record<string, Fact> = {}, options: RefusalOptions = {}) {
    const errors = [...(options.fields ?? []).map(englishField), ...(options.errors ?? [])];
    super(REASON_CODES[reason], englishLine(reason, facts), {
      ...(errors.length ? { errors } : {}),
      extra: options.extra,
      headers: options.headers,
    });
    this.name = "Refusal";
    this.reason = reason;
    this.facts = facts;
    this.fields = options.fields;
  }
}

/** `throw refuse("session_full")`, `throw refuse("body_too_large", { bytes: 1024 })`. */
export function refuse<R extends Reason>(reason: R, ...args: [...FactsArg<R>, options?: RefusalOptions]): Refusal {
  const [facts, options] = args as unknown as [Record<string, Fact> | undefined, RefusalOptions | undefined];
  return new Refusal(reason, facts ?? {}, options);
}

/** A refusal's words in one language: what the API and the website both show. */
export interface ProblemWords {
  /** The language the words are in: English for a ProblemError still written in English. */
  locale: Locale;
  title: string;
  detail: string;
  errors?: FieldError[];
}

/** The title of a kind of refusal in `locale` (English when not translated). */
export function problemTitle(code: ProblemCode, locale: Locale): string {
  const titles = translator(locale).raw("problemTitles") as Partial<Record<ProblemCode, string>>;
  return titles[code] ?? englishTitle(code);
}

/**
 * A refusal worded in `locale` (missing lines fall back to English). A ProblemError that is
 * not a Refusal carries an English sentence already, so it stays wholly English: a title in
 * one language over a detail in another would be worse than either.
 */
export function wordProblem(err: ProblemError, locale: Locale): ProblemWords {
  if (!(err instanceof Refusal)) {
    return { locale: "en", title: englishTitle(err.code), detail: err.detail, ...(err.errors ? { errors: err.errors } : {}) };
  }
  const t = translator(locale);
  const word = (reason: FieldReason, facts?: Record<string, Fact>) => t.t(reason, factsIn(t, facts));
  const errors = [...(err.fields ?? []).map((f) => ({ path: f.path, message: word(f.reason, f.facts) })), ...(err.errors ?? []).slice(err.fields?.length ?? 0)];
  return {
    locale,
    title: problemTitle(err.code, locale),
    detail: word(err.reason, err.facts),
    ...(errors.length ? { errors } : {}),
  };
}
