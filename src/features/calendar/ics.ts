// Calendar files for bookings: invites by email, the download endpoint and personal feeds
// all come from here, so the same booking always has the same UID and a SEQUENCE that only
// goes up (booking.sequence + session.sequence, +1 once it is cancelled).
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
// The booking's facts and the helpers that word them are emails/booking.ts's, shared with the
// email templates so an invite and the email it rides in say the same thing.
import type { Locale } from "../../db/schema";
import type { Config } from "../../lib/config";
import { LONDON } from "../../lib/time";
import { addressOf, bookingTitle, localised, manageUrl, venueLine, type BookingFacts, type InviteMethod } from "../../../emails/booking";
import { translator } from "../../i18n";
import { londonTime, londonTimezoneGenerator } from "./london-timezone";

export { INVITED_STATUSES, inviteMethodFor, type InviteMethod } from "../../../emails/booking";

/**
 * The invite's UID: the booking id at the deployment's host (RFC 5545 asks for a domain the
 * sender owns, so two deployments' UIDs cannot collide). Invites sent before the UID moved to
 * the PUBLIC_URL host said `@opendoor`; an update under a different UID would add a second
 * event to those people's calendars instead of changing the first. So the host is pinned per
 * booking: the migration that brought this in wrote 'opendoor' into bookings.invite_uid_host
 * for every booking that existed, and later bookings (null) take the PUBLIC_URL host. If a
 * deployment ever moves to a new host, pin the old one the same way first
 * (`UPDATE bookings SET invite_uid_host = 'old.host' WHERE invite_uid_host IS NULL`).
 */
export const inviteUid = (booking: { id: string; inviteUidHost: string | null }, publicUrl: string) =>
  `${booking.id}@${booking.inviteUidHost ?? new URL(publicUrl).hostname}`;


export interface InviteOptions {
  config: Config;
  locale: Locale;
  now: number;
  /** Who the file is for (the ATTENDEE). */
  attendee?: { email: string; name?: string };
  /** Only the young person's and the mentor's copies carry the online link (rule 8). */
  includeOnlineLink: boolean;
}

function newCalendar(method: InviteMethod | null, name?: string): ICalCalendar {
  // No calendar-level zone name: ical-generator would then print DTSTAMP in local time.
  // The generator still emits a VTIMEZONE for every zone the events use.
  return ical({
    prodId: { company: "Open Door", product: "Bookings", language: "EN" },
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : method === "REQUEST" ? ICalCalendarMethod.REQUEST : null,
    name: name ?? null,
    timezone: { name: null, generator: londonTimezoneGenerator },
  });
}

function addEvent(cal: ICalCalendar, d: BookingFacts, method: InviteMethod, o: InviteOptions) {
  const url = manageUrl(o.config.publicUrl, d.booking.id);
  const online = o.includeOnlineLink ? d.onlineUrl : null;
  const { t } = translator(o.locale);
  const description = [
    d.event ? localised(d.event.description, o.locale) : "",
    d.event?.whatToBring ? `${t("whatToBring")}: ${localised(d.event.whatToBring, o.locale)}` : "",
    online ? `${t("joinOnline")}: ${online}` : "",
    `${t("manage")}: ${url}`,
  ].filter(Boolean);
  const organizerEmail = addressOf(o.config.emailFrom);
  const event = cal.createEvent({
    id: inviteUid(d.booking, o.config.publicUrl),
    sequence: d.sequence + (method === "CANCEL" ? 1 : 0),
    start: londonTime(d.startsAt),
    end: londonTime(d.endsAt),
    timezone: LONDON,
    stamp: new Date(o.now),
    summary: bookingTitle(d, o.locale),
    description: description.join("\n\n"),
    location: d.venue ? venueLine(d.venue) : d.onlineUrl ? t("online") : null,
    url,
    organizer: { name: "Open Door", email: organizerEmail },
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (o.attendee) {
    event.createAttendee({
      email: o.attendee.email,
      name: o.attendee.name ?? null,
      role: ICalAttendeeRole.REQ,
      status: method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
    });
  }
}

/** One booking as an invite (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL). */
export function bookingInvite(d: BookingFacts, method: InviteMethod, o: InviteOptions): string {
  const cal = newCalendar(method);
  addEvent(cal, d, method, o);
  return cal.toString();
}

/**
 * A series booked in one step (bookings/series.ts): one invite (METHOD:REQUEST) with a VEVENT per
 * booked date, each under its own booking's UID and SEQUENCE, so a later cancellation of one
 * date (its own CANCEL) takes out exactly that date.
 */
export function seriesInvite(list: BookingFacts[], o: InviteOptions): string {
  const cal = newCalendar("REQUEST");
  for (const d of list) addEvent(cal, d, "REQUEST", o);
  return cal.toString();
}

/** A subscription feed: no METHOD (it is published, not sent), one VEVENT per booking. */
export function personalFeed(list: BookingFacts[], o: Omit<InviteOptions, "attendee">): string {
  const cal = newCalendar(null, "Open Door");
  // Ask calendar apps to refresh hourly, so a cancellation disappears the same day.
  cal.ttl(3600);
  for (const d of list) addEvent(cal, d, "REQUEST", o);
  return cal.toString();
}

/** As an email attachment: the method in the content type lets mail apps show Accept/Remove. */
export const icsAttachment = (content: string, method: InviteMethod) => ({
  filename: "invite.ics",
  contentType: `text/calendar; charset=utf-8; method=${method}`,
  content,
});
