// One outbox message to the email that goes to the provider: read the booking's facts now (so
// the email shows the session as it stands), word them with the pure template from emails/,
// and attach the calendar invite the template asked for (src/features/calendar).
import type { Db } from "../../db/client";
import type { Locale } from "../../db/schema";
import type { Config } from "../../lib/config";
import { ACCOUNT_TEMPLATES, BOOKING_TEMPLATES, carouselTimetable, isAccountTemplate, isBookingTemplate, isTemplateName, magicLink, siteFeedbackReply } from "../../../emails";
import { TICKET_QR_CID } from "../../../emails/booking";
import { ticketGif } from "../attendance/ticket";
import { bookingInvite, icsAttachment } from "../calendar/ics";
import { UnrenderableMessage } from "./errors";
import type { EmailAttachment } from "./mailer";
import { loadBookingDetails } from "./read";
import { renderSeriesEmail } from "./series";

export interface EmailToSend {
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

export async function renderEmail(
  db: Db,
  message: { template: string; locale: Locale; payload: Record<string, unknown>; toEmail?: string },
  config: Config,
  now?: number,
): Promise<EmailToSend> {
  const { template: name, locale, payload } = message;
  // The column holds whatever was written; only a known name is rendered.
  if (!isTemplateName(name)) throw new UnrenderableMessage(`no email template called ${name}`);
  // A carousel timetable carries its own facts and its invite, made when it was queued.
  if (name === "carousel_timetable") return { ...carouselTimetable({ locale, payload }), attachments: [icsAttachment(String(payload.ics), "REQUEST")] };
  // A reply to website feedback carries its words; it is about no booking.
  if (name === "site_feedback_reply") return siteFeedbackReply({ locale, payload });
  // A series booked in one step names several bookings: one email, one invite per date.
  if (name === "series_booked" || name === "series_consent_request") return renderSeriesEmail(db, name, message, config, now ?? Date.now());
  if (isAccountTemplate(name)) return ACCOUNT_TEMPLATES[name]({ locale, payload });
  if (!isBookingTemplate(name)) return magicLink({ locale, payload });

  const d = await loadBookingDetails(db, String(payload.bookingId));
  const to = message.toEmail ?? d.person?.email ?? "";
  const at = now ?? Date.now();
  const { invite, ...words } = BOOKING_TEMPLATES[name]({ d, locale, site: config, payload, to, now: at });
  // The template shows the ticket's QR code by Content-ID; the image itself travels inside the message.
  const images: EmailAttachment[] = words.html.includes(`cid:${TICKET_QR_CID}`)
    ? [{ filename: "ticket.gif", contentType: "image/gif", content: ticketGif(d.booking.ticketCode), encoding: "base64", contentId: TICKET_QR_CID }]
    : [];
  if (!invite) return images.length ? { ...words, attachments: images } : words;
  const attendeeName = to === d.mentor?.email ? d.mentor.displayName : d.person?.displayName;
  const ics = bookingInvite(d, invite.method, {
    config,
    locale,
    now: at,
    attendee: to ? { email: to, name: attendeeName } : undefined,
    includeOnlineLink: invite.includeOnlineLink,
  });
  return { ...words, attachments: [icsAttachment(ics, invite.method), ...images] };
}
