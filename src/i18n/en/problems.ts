// English wording of the refusals (src/lib/refusal.ts): the title of each problem code, the
// sentence of each refusal reason and the short message of each field refusal. Complete;
// every other locale falls back to it line by line. `as const` on purpose: refusal.ts reads
// the {placeholders} out of these literal types, so a refusal missing a fact does not compile.
// Reason keys are snake_case, so they never meet the camelCase keys of the other parts.

import { bookingFieldRefusalsEn, bookingRefusalsEn } from "./refusals-bookings";
import { directoryFieldRefusalsEn, directoryRefusalsEn } from "./refusals-directory";
import { siteFeedbackRefusalsEn } from "./refusals-site-feedback";
import { familyRefusalsEn } from "./refusals-families";
import { carouselFieldRefusalsEn, carouselRefusalsEn } from "./refusals-carousels";
import { hostFieldRefusalsEn, hostRefusalsEn } from "./refusals-host";
import { timebankRefusalsEn } from "./refusals-timebank";
import { adminRefusalsEn } from "./refusals-admin";
import { guardianRefusalsEn } from "./refusals-guardian";
import { webhookRefusalsEn } from "./refusals-webhooks";
import { joinRefusalsEn } from "./refusals-join";

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
  ...bookingRefusalsEn,
  ...directoryRefusalsEn,
  ...siteFeedbackRefusalsEn,
  ...familyRefusalsEn,
  ...carouselRefusalsEn,
  ...hostRefusalsEn,
  ...timebankRefusalsEn,
  ...adminRefusalsEn,
  ...guardianRefusalsEn,
  ...webhookRefusalsEn,
  ...joinRefusalsEn,
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
  // Repeat rules (src/lib/recurrence.ts)
  london_local_time_needed: "Use London local time like 2026-03-02T10:00.",
  rrule_only_rule: "Give only the RRULE part, like FREQ=WEEKLY;COUNT=8; the first start goes in `start`.",
  rrule_unreadable: "This repeat rule could not be read. Try something like FREQ=WEEKLY;COUNT=8.",
  rrule_no_freq: "Say how often it repeats with FREQ, e.g. FREQ=WEEKLY;COUNT=8.",
  rrule_no_end_sessions: "Say when the sessions stop with COUNT or UNTIL, e.g. FREQ=WEEKLY;COUNT=8.",
  rrule_no_end_slots: "Say when the slots stop with COUNT or UNTIL, e.g. FREQ=WEEKLY;COUNT=8.",
  rrule_too_many_sessions: "A series can have at most {max} sessions.",
  rrule_too_many_slots: "A series can have at most {max} slots.",
  rrule_no_dates: "This repeat rule gives no dates at all.",
  // Attendance: the door, tickets
  no_event: "There is no event with that id.",
  host_only_check_in: "Only the organisation hosting this event, or a coordinator, can check people in.",
  host_only_attendees: "Only the organisation hosting this event, or a coordinator, can see who is coming.",
  host_only_feedback: "Only the organisation hosting this event, or a coordinator, can read feedback for this event.",
  check_in_session_cancelled: "This session has been cancelled, so nobody can be checked in.",
  check_in_not_open: "Check-in opens 2 hours before the start, on {when}.",
  check_in_pending_consent: "This booking is still waiting for a parent or carer to agree, so it can't be checked in.",
  check_in_waitlisted: "This person is on the waiting list and has no place at this session.",
  check_in_offered: "This person was offered a place but has not accepted it, so it can't be checked in.",
  check_in_cancelled: "This booking was cancelled, so it can't be checked in.",
  check_in_not_now: "This booking can't be checked in now.",
  ticket_not_found: "We can't find a ticket with that code. Check the letters and try again.",
  no_group_booking: "There is no group booking with that id.",
  group_count_needed: "This is a group ticket for {booked} people: please give the head count.",
  group_count_too_high: "This group booked {booked} places ({pupils} pupils and {staff} staff), so at most {booked} can be checked in.",
  ticket_for_mentoring: "This ticket is for a mentoring session, not this one.",
  ticket_for_other_session: "This ticket is for \"{title}\" on {when}, not this session.",
  mentoring_no_ticket: "Mentoring sessions don't need a ticket.",
  no_ticket_pending_consent: "This booking is waiting for a parent or carer to agree, so there is no ticket yet.",
  no_ticket_waitlisted: "You are on the waiting list, so there is no ticket yet.",
  no_ticket_offered: "Accept the place you were offered first, then your ticket will be here.",
  no_ticket_cancelled: "This booking was cancelled, so its ticket no longer works.",
  no_ticket_no_show: "This session has finished, so the ticket no longer works.",
  // Signing in, accounts
  age_outside_programme: "Open Door is for young people aged {min} to {max}.",
  sign_in_link_used: "This sign-in link has already been used or has expired. Ask for a new one.",
  sign_in_link_dead: "This sign-in link no longer works. Ask for a new one.",
  // Calendar
  calendar_link_dead: "This calendar link does not work. It may have been replaced by a newer one.",
  booking_not_found: "We could not find that booking.",
  invite_not_confirmed: "This place is not confirmed yet, so there is no calendar invite for it.",
  // Catalogue: events, venues, lists
  to_before_from: "`to` must be after `from`.",
  min_age_above_max: "The youngest age allowed must not be more than the oldest.",
  own_events_only: "You can only add events hosted by your own organisation.",
  unknown_organisation: "There is no organisation with that id.",
  host_only_change_event: "Only the organisation hosting this event (or a coordinator) can change it.",
  event_changed_meanwhile: "Someone else changed this event at the same moment. Load it again and retry.",
  cursor_invalid: "This page link is not valid. Start again from the first page.",
  own_venues_only: "You can only add venues that belong to your own organisation. Set organisationId to it.",
  no_venue: "There is no venue with that id.",
  // Feedback
  no_visible_booking: "There is no booking with that id that you can see.",
  feedback_not_attended: "You can give feedback once you have been to the session and been checked in.",
  feedback_given: "You have already given feedback for this booking. Thank you!",
  // Messages, operations, organisations, privacy, reports
  no_message: "There is no message with that id.",
  only_failed_resend: "Only failed messages can be sent again. This one is {status}.",
  dev_mailbox_off: "The development mailbox is switched off here.",
  no_organisation: "There is no organisation with that id.",
  api_key_cannot_create_keys: "An API key cannot create other API keys. Sign in as a person.",
  no_api_key: "There is no active API key with that id for this organisation.",
  no_data_held: "We hold no data about you.",
  coordinator_erasure: "Coordinator accounts can't be erased while the email address is on the coordinators list. Ask to be taken off it first.",
  end_before_start: "The end date must be on or after the start date.",
} as const;

/** The `errors[].message` of each field refusal that is not itself a reason above. */
export const fieldRefusalsEn = {
  ...bookingFieldRefusalsEn,
  ...directoryFieldRefusalsEn,
  ...carouselFieldRefusalsEn,
  ...hostFieldRefusalsEn,
  too_long: "too long",
  expected_london_local: "expected YYYY-MM-DDTHH:MM",
  required_for_group: "required for a group",
  at_most: "at most {max}",
  must_be_in_age_range_today: "must make you {min} to {max} years old today",
  date_or_datetime: "Use a date like 2026-03-10 or a date-time like 2026-03-10T18:00:00Z",
  after_from: "must be after from",
  not_more_than_max_age: "must not be more than maxAge ({max})",
  your_organisation: "must be an organisation you act for",
  no_such_organisation: "no such organisation",
  not_our_cursor: "not a cursor this API gave out",
  before_from: "before from",
} as const;

export const problemsEn = { problemTitles: problemTitlesEn, ...refusalsEn, ...fieldRefusalsEn };

/** What another locale writes: any of the lines, in its own words (English fills the gaps). */
export type ProblemsCatalogue = {
  problemTitles?: Partial<Record<keyof typeof problemTitlesEn, string>>;
} & Partial<Record<keyof typeof refusalsEn | keyof typeof fieldRefusalsEn, string>>;
