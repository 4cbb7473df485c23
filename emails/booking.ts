// The facts about one booking that its emails and calendar files show, as plain data: no
// database rows, so the templates are pure. src/features/notifications reads them at send
// time (its BookingDetails rows fit this shape), and src/features/calendar builds invites from
// the same shape, with the same helpers, so an email and its invite always agree.
import { translator, type Locale, type venueAccess } from "../src/i18n";

/** Text an organiser wrote in several languages; English is always there. */
export type LocalisedText = Partial<Record<Locale, string>> & { en: string };

export type VenueFacts = { name: string; address: string; postcode: string; publicTransport: LocalisedText; directions?: LocalisedText | null } & Parameters<typeof venueAccess>[1];

/** What a message or an invite about one booking needs to know. */
export interface BookingFacts {
  booking: {
    id: string;
    status: string;
    kind: string;
    ticketCode: string;
    holdExpiresAt: number | null;
    pupils: number;
    staff: number;
    /** The host part of the invite's UID when it was pinned (see calendar/ics.ts inviteUid). */
    inviteUidHost: string | null;
  };
  person: { displayName: string; email: string } | null;
  event: { title: LocalisedText; description: LocalisedText; whatToBring: LocalisedText | null } | null;
  mentor: { displayName: string; email: string } | null;
  venue: VenueFacts | null;
  /** Who runs it: the event's host, or the mentor's employer. */
  host: { contactEmail: string | null } | null;
  /** The school, for group bookings. */
  school: { name: string } | null;
  startsAt: number;
  endsAt: number;
  onlineUrl: string | null;
  /** iCalendar SEQUENCE of the invite as it stands (booking + session or slot). */
  sequence: number;
  /** True when the session or slot itself was called off. */
  occurrenceCancelled: boolean;
}

/** The deployment's settings a message shows: links and the sender's address. */
export interface SiteFacts {
  publicUrl: string;
  emailFrom: string;
}

export type InviteMethod = "REQUEST" | "CANCEL";

/** A place that was confirmed: it has a calendar entry, kept after check-in and after the day. */
export const INVITED_STATUSES = ["confirmed", "attended", "no_show"] as const;
const LIVE = new Set<string>(INVITED_STATUSES);

/** REQUEST while the place stands, CANCEL once it or its session is gone, null before it is confirmed. */
export function inviteMethodFor(d: Pick<BookingFacts, "booking" | "occurrenceCancelled">): InviteMethod | null {
  if (d.booking.status === "cancelled" || d.occurrenceCancelled) return "CANCEL";
  return LIVE.has(d.booking.status) ? "REQUEST" : null;
}

export function localised(text: LocalisedText | null | undefined, locale: Locale): string {
  if (!text) return "";
  return text[locale] || text.en;
}

/**
 * The reader's language if written, else English; `lang` says "en" when English stands in on
 * a message in another language, so the HTML part can mark it (screen readers switch voice).
 */
export function localisedPart(text: LocalisedText | null | undefined, locale: Locale): { text: string; lang?: Locale } {
  if (!text) return { text: "" };
  const own = text[locale];
  return own || locale === "en" ? { text: own || text.en } : { text: text.en, lang: "en" };
}

/** One line for a calendar LOCATION or an email: "Name, address, postcode". */
export function venueLine(venue: Pick<VenueFacts, "name" | "address" | "postcode">): string {
  return [venue.name, venue.address, venue.postcode].filter((s) => s.trim() !== "").join(", ");
}

/** What the booking is for, in the reader's language: the event title, or "Mentoring with …". */
export function bookingTitle(d: Pick<BookingFacts, "event" | "mentor">, locale: Locale): string {
  if (d.event) return localised(d.event.title, locale);
  if (d.mentor) return translator(locale).t("mentoringWith", { mentor: d.mentor.displayName });
  return "Open Door";
}

/** Where people manage (and cancel) a booking on the website. */
export const manageUrl = (publicUrl: string, bookingId: string) => `${publicUrl}/bookings/${bookingId}`;

/** The bare address in "Open Door <bookings@…>". */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/**
 * The Content-ID of the ticket's QR code, carried inside the confirmation as an inline image
 * (notifications/render.ts attaches it): clients that block remote images still show it, and
 * Gmail does not show data: URIs at all.
 */
export const TICKET_QR_CID = "ticket-qr@opendoor";
