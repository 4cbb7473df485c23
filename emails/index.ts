// The emails: one template per outbox `template` name. Their words come from the one catalogue
// the website uses too (src/i18n), through translator(locale).
import type { Db } from "../src/db/client";
import type { Locale } from "../src/db/schema";
import type { Config } from "../src/lib/config";
import type { EmailAttachment } from "../src/features/notifications/mailer";
import { UnrenderableMessage } from "./errors";
import { magicLink } from "./magic-link";

export { UnrenderableMessage } from "./errors";
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

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

export type EmailTemplate = (input: {
  db: Db;
  config: Config;
  locale: Locale;
  payload: Record<string, unknown>;
  /** The recipient, so a calendar invite names them as ATTENDEE. */
  to?: string;
  /** Send time from the dispatcher's clock (calendar DTSTAMP). */
  now?: number;
}) => Promise<RenderedEmail>;

export const TEMPLATES: Record<string, EmailTemplate> = {
  magic_link: magicLink,
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
  carousel_timetable: carouselTimetable,
};

export async function renderEmail(
  db: Db,
  message: { template: string; locale: Locale; payload: Record<string, unknown>; toEmail?: string },
  config: Config,
  now?: number,
): Promise<RenderedEmail> {
  const template = TEMPLATES[message.template];
  if (!template) throw new UnrenderableMessage(`no email template called ${message.template}`);
  return template({ db, config, locale: message.locale, payload: message.payload, to: message.toEmail, now });
}
