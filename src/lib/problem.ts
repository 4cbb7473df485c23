/**
 * The closed list of kinds of refusal the API can give. Each maps, in one place, onto an RFC
 * 9457 problem type and an HTTP status; its title, in every language, is in the catalogue
 * (src/i18n/<locale>/problems.ts). Services throw a Refusal (src/lib/refusal.ts), which names
 * one of these through its reason; src/lib/problem-response.ts turns either into problem+json.
 */
export const PROBLEMS = {
  validation: { status: 400 },
  malformed_json: { status: 400 },
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  method_not_allowed: { status: 405 },
  conflict: { status: 409 },
  session_full: { status: 409 },
  already_booked: { status: 409 },
  booking_clash: { status: 409 },
  session_started: { status: 409 },
  check_in_begun: { status: 409 },
  session_cancelled: { status: 409 },
  offer_expired: { status: 409 },
  capacity_below_taken: { status: 409 },
  wrong_session: { status: 409 },
  ticket_not_valid: { status: 409 },
  feedback_exists: { status: 409 },
  idempotency_in_flight: { status: 409 },
  token_invalid: { status: 401 },
  too_many_mentoring: { status: 409 },
  slot_taken: { status: 409 },
  not_eligible: { status: 422 },
  not_attended: { status: 422 },
  group_ratio: { status: 422 },
  idempotency_mismatch: { status: 422 },
  unprocessable: { status: 422 },
  payload_too_large: { status: 413 },
  unsupported_media_type: { status: 415 },
  rate_limited: { status: 429 },
  internal: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A refusal with its detail already written in English. Kept while the services move to
 * Refusal (which extends it); new code throws `refuse(...)` instead of constructing this.
 */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ProblemCode,
    detail: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "ProblemError";
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export const problemTypeUri = (code: ProblemCode) => `https://opendoor.example/problems/${code.replaceAll("_", "-")}`;

/** Turns zod issues into the `errors[]` member: one entry per invalid field. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}
