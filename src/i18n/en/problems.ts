// English wording of the refusals (src/lib/refusal.ts): the title of each problem code, the
// sentence of each refusal reason and the short message of each field refusal. Complete;
// every other locale falls back to it line by line. `as const` on purpose: refusal.ts reads
// the {placeholders} out of these literal types, so a refusal missing a fact does not compile.
// Reason keys are snake_case, so they never meet the camelCase keys of the other parts.

/** The `title` of each problem code (PROBLEMS in src/lib/problem-error.ts): one per code. */
export const problemTitlesEn = {
  validation: "Some details need fixing",
  malformed_json: "The request body is not valid JSON",
  unauthenticated: "Please sign in",
  forbidden: "You can't do that",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "That clashes with something else",
  session_full: "This session is full",
  already_booked: "You already have a place",
  booking_clash: "This clashes with another booking",
  session_started: "This session has already started",
  check_in_begun: "Check-in has begun for this session",
  session_cancelled: "This session has been cancelled",
  offer_expired: "This offer has run out",
  capacity_below_taken: "More seats are taken than that",
  wrong_session: "This ticket is for a different session",
  ticket_not_valid: "This ticket can't be used",
  feedback_exists: "Feedback already given",
  idempotency_in_flight: "The same request is still being processed",
  token_invalid: "This link or token does not work",
  too_many_mentoring: "You already have the most mentoring sessions allowed",
  slot_taken: "This mentoring slot has just been taken",
  not_eligible: "This session is not open to you",
  not_attended: "Only people who came can give feedback",
  group_ratio: "Not enough staff for this group",
  idempotency_mismatch: "This Idempotency-Key was used for a different request",
  unprocessable: "This can't be done",
  payload_too_large: "The request is too large",
  unsupported_media_type: "Please send JSON",
  rate_limited: "Too many requests",
  internal: "Something went wrong on our side",
} as const;

/** The `detail` of each refusal reason; its problem code is in REASON_CODES (src/lib/refusal.ts). */
export const refusalsEn = {
  // The HTTP layer (src/app.ts, src/lib)
  validation_fields: "Please check {fields}.",
  nothing_at_path: "There is nothing at {path}.",
  request_not_understood: "The request could not be understood.",
  internal_fault: "Something went wrong on our side. Please try again in a moment.",
  bearer_format: "Use 'Authorization: Bearer <token>'.",
  cross_site_request: "This request came from another website, so we did not accept it. Go back to Open Door and try again.",
  api_key_invalid: "This API key is not valid or has been revoked.",
  sign_in_expired: "Your sign-in has expired. Please sign in again.",
  sign_in_needed: "Please sign in to do this.",
  person_needed: "This needs a person to sign in, not an API key.",
  coordinators_only: "Only programme coordinators can do this.",
  own_organisation_only: "You can only do this for your own organisation.",
  body_too_large: "Send at most {bytes} bytes.",
  json_content_type: "Send the body as JSON with 'Content-Type: application/json'.",
  json_malformed: "The body could not be read as JSON. Check for a missing quote, comma or bracket.",
  idempotency_key_too_long: "Idempotency-Key must be at most {max} characters.",
  idempotency_send_again: "Please send the request again.",
  idempotency_key_reused: "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
  idempotency_still_processing: "A request with this Idempotency-Key is still being processed. Try again shortly.",
  too_many_tries: "Too many tries. Please wait {seconds} seconds and try again.",
} as const;

/** The `errors[].message` of each field refusal that is not itself a reason above. */
export const fieldRefusalsEn = {
  too_long: "too long",
} as const;

export const problemsEn = { problemTitles: problemTitlesEn, ...refusalsEn, ...fieldRefusalsEn };

/** What another locale writes: any of the lines, in its own words (English fills the gaps). */
export type ProblemsCatalogue = {
  problemTitles?: Partial<Record<keyof typeof problemTitlesEn, string>>;
} & Partial<Record<keyof typeof refusalsEn | keyof typeof fieldRefusalsEn, string>>;
