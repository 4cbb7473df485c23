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
import { fill, translator, type Locale } from "../i18n";
import { fieldRefusalsEn, problemTitlesEn, refusalsEn } from "../i18n/en/problems";
import { ProblemError, type FieldError, type ProblemCode } from "./problem";

export type Reason = keyof typeof refusalsEn;
/** What a form field can be refused with: its own short message, or a reason's sentence. */
export type FieldReason = keyof typeof fieldRefusalsEn | Reason;
type Wording = typeof refusalsEn & typeof fieldRefusalsEn;

/** The `{names}` in a sentence, as a union of string literals. */
type Holes<S extends string> = S extends `${string}{${infer H}}${infer Rest}` ? H | Holes<Rest> : never;
export type Fact = string | number;
export type FactsOf<R extends FieldReason> = { [H in Holes<Wording[R]>]: Fact };
/** Facts are required exactly when the sentence has placeholders. */
type FactsArg<R extends FieldReason> = [Holes<Wording[R]>] extends [never] ? [facts?: Record<string, never>] : [facts: FactsOf<R>];

/** Each reason's problem code, in one table: the code fixes the status and the `type` URI. */
export const REASON_CODES = {
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
} as const satisfies Record<Reason, ProblemCode>;

// Every problem code has an English title: fails to compile when PROBLEMS gains one without.
problemTitlesEn satisfies Record<ProblemCode, string>;

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

const englishField = (f: FieldRefusal): FieldError => ({ path: f.path, message: fill((refusalsEn as Record<string, string>)[f.reason] ?? fieldRefusalsEn[f.reason as keyof typeof fieldRefusalsEn], f.facts) });

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
    super(REASON_CODES[reason], fill(refusalsEn[reason], facts), {
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

/**
 * A refusal worded in `locale` (missing lines fall back to English). A ProblemError that is
 * not a Refusal carries an English sentence already, so it stays wholly English: a title in
 * one language over a detail in another would be worse than either.
 */
export function wordProblem(err: ProblemError, locale: Locale): ProblemWords {
  if (!(err instanceof Refusal)) {
    return { locale: "en", title: problemTitlesEn[err.code], detail: err.detail, ...(err.errors ? { errors: err.errors } : {}) };
  }
  const t = translator(locale);
  const titles = t.raw("problemTitles") as Partial<Record<ProblemCode, string>>;
  const word = (reason: FieldReason, facts?: Record<string, Fact>) => t.t(reason, facts);
  const errors = [...(err.fields ?? []).map((f) => ({ path: f.path, message: word(f.reason, f.facts) })), ...(err.errors ?? []).slice(err.fields?.length ?? 0)];
  return {
    locale,
    title: titles[err.code] ?? problemTitlesEn[err.code],
    detail: word(err.reason, err.facts),
    ...(errors.length ? { errors } : {}),
  };
}
