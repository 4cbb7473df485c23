// The emails: one pure template per outbox `template` name. Data in, { subject, html, text }
// out (and which calendar file goes with it); no database, no feature. Their words come from
// the one catalogue the website uses too (src/i18n), through translator(locale).
// src/features/notifications reads the data, calls these and sends; never the other way.
import type { BookingTemplate } from "./details";
import { magicLink } from "./magic-link";
import {
  bookingCancelled,
  bookingConfirmed,
  bookingPendingConsent,
  bookingWaitlisted,
  consentRefused,
  consentRequest,
  feedbackInvitation,
  offerExpired,
  offerMade,
  reminder,
  sessionCancelled,
  sessionChanged,
} from "./bookings";
import { groupCancelled, groupChanged, groupConfirmed } from "./groups";
import { mentoringCancelled, mentoringConfirmed } from "./mentoring";
import { carouselTimetable } from "./carousel";
import { consentDecided } from "./guardian";
import { siteFeedbackReply } from "./site-feedback";
import { ACCOUNT_TEMPLATES } from "./account";
import { seriesBooked, seriesConsentRequest } from "./series";

export type { BookingFacts, InviteMethod, LocalisedText, SiteFacts } from "./booking";
export type { BookingMessageInput, BookingTemplate, RenderedEmail } from "./details";
export { magicLink } from "./magic-link";
export { carouselTimetable, type CarouselTimetablePayload } from "./carousel";
export { siteFeedbackReply } from "./site-feedback";
export { ACCOUNT_TEMPLATES } from "./account";
export { seriesBooked, seriesConsentRequest, seriesOutcomeLine, type SeriesDateFacts } from "./series";

/** Templates about one booking: given its facts (payload.bookingId names it). */
export const BOOKING_TEMPLATES = {
  booking_confirmed: bookingConfirmed,
  booking_pending_consent: bookingPendingConsent,
  consent_request: consentRequest,
  consent_refused: consentRefused,
  booking_waitlisted: bookingWaitlisted,
  offer_made: offerMade,
  offer_expired: offerExpired,
  booking_cancelled: bookingCancelled,
  session_changed: sessionChanged,
  session_cancelled: sessionCancelled,
  group_confirmed: groupConfirmed,
  group_changed: groupChanged,
  group_cancelled: groupCancelled,
  reminder,
  mentoring_confirmed: mentoringConfirmed,
  mentoring_cancelled: mentoringCancelled,
  feedback_invitation: feedbackInvitation,
  consent_decided: consentDecided,
} satisfies Record<string, BookingTemplate>;

export type BookingTemplateName = keyof typeof BOOKING_TEMPLATES;

/** Every template, by the name stored in the outbox's `template` column. */
export const TEMPLATES = { magic_link: magicLink, series_booked: seriesBooked, series_consent_request: seriesConsentRequest, carousel_timetable: carouselTimetable, site_feedback_reply: siteFeedbackReply, ...ACCOUNT_TEMPLATES, ...BOOKING_TEMPLATES };

/** A template's name: a misspelt one does not compile where a message is queued. */
export type TemplateName = keyof typeof TEMPLATES;

/** For names read back from the database, which the type system cannot vouch for. */
export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(TEMPLATES, name);
/** Templates about the account itself (emails/account.ts): their payload says everything. */
export const isAccountTemplate = (name: TemplateName): name is keyof typeof ACCOUNT_TEMPLATES => Object.hasOwn(ACCOUNT_TEMPLATES, name);
export const isBookingTemplate = (name: TemplateName): name is BookingTemplateName => Object.hasOwn(BOOKING_TEMPLATES, name);
