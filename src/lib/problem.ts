import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The closed list of refusals the API can give. Each maps, in one place, onto an RFC 9457
 * problem type, a title and an HTTP status. Details are written per case in plain language.
 */
export const PROBLEMS = {
  validation: { status: 400, title: "Some details need fixing" },
  malformed_json: { status: 400, title: "The request body is not valid JSON" },
  unauthenticated: { status: 401, title: "Please sign in" },
  forbidden: { status: 403, title: "You can't do that" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "That clashes with something else" },
  session_full: { status: 409, title: "This session is full" },
  already_booked: { status: 409, title: "You already have a place" },
  booking_clash: { status: 409, title: "This clashes with another booking" },
  session_started: { status: 409, title: "This session has already started" },
  check_in_begun: { status: 409, title: "Check-in has begun for this session" },
  session_cancelled: { status: 409, title: "This session has been cancelled" },
  offer_expired: { status: 409, title: "This offer has run out" },
  capacity_below_taken: { status: 409, title: "More seats are taken than that" },
  wrong_session: { status: 409, title: "This ticket is for a different session" },
  ticket_not_valid: { status: 409, title: "This ticket can't be used" },
  feedback_exists: { status: 409, title: "Feedback already given" },
  idempotency_in_flight: { status: 409, title: "The same request is still being processed" },
  token_invalid: { status: 401, title: "This link or token does not work" },
  too_many_mentoring: { status: 409, title: "You already have the most mentoring sessions allowed" },
  slot_taken: { status: 409, title: "This mentoring slot has just been taken" },
  not_eligible: { status: 422, title: "This session is not open to you" },
  not_attended: { status: 422, title: "Only people who came can give feedback" },
  group_ratio: { status: 422, title: "Not enough staff for this group" },
  idempotency_mismatch: { status: 422, title: "This Idempotency-Key was used for a different request" },
  unprocessable: { status: 422, title: "This can't be done" },
  payload_too_large: { status: 413, title: "The request is too large" },
  unsupported_media_type: { status: 415, title: "Please send JSON" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Something went wrong on our side" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  path: string;
  message: string;
}

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

export function problemBody(err: ProblemError, instance?: string) {
  return {
    type: problemTypeUri(err.code),
    title: PROBLEMS[err.code].title,
    status: err.status,
    detail: err.detail,
    ...(instance ? { instance } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}

export function problemResponse(c: Context, err: ProblemError): Response {
  const body = problemBody(err, new URL(c.req.url).pathname);
  return c.body(JSON.stringify(body), err.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    // HTTP requires a 401 to say how to authenticate (RFC 9110 §15.5.2).
    ...(err.status === 401 ? { "www-authenticate": 'Bearer realm="open-door"' } : {}),
    ...err.headers,
  });
}

/** Turns zod issues into the `errors[]` member: one entry per invalid field. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}
