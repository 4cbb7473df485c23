// The two emails of a series booked in one step (bookings/series.ts), gathered at send time like
// every booking email: the payload names the dates and the bookings the write tried; the rows
// say how each stands now. Worded by emails/series.ts; the young person's carries one invite
// with a VEVENT per booked date (calendar/ics.ts seriesInvite).
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, organisations, people, sessions, venues, type Locale } from "../../db/schema";
import type { Config } from "../../lib/config";
import type { Deps } from "../../lib/deps";
import { findClash } from "../../rules/clash";
import { waitlistPosition } from "../../rules/waiting-list";
import { seriesBooked, seriesConsentRequest, type SeriesDateFacts } from "../../../emails/series";
import type { SeriesPayloadDate } from "../bookings/series";
import { icsAttachment, seriesInvite } from "../calendar/ics";
import { UnrenderableMessage } from "./errors";
import { loadManyBookingDetails } from "./read";
import type { EmailToSend } from "./render";

const outcomeOf = (status: string): SeriesDateFacts["outcome"] =>
  status === "pending_consent" ? "pending_consent" : status === "waitlisted" || status === "offered" ? "waitlisted" : status === "cancelled" ? "cancelled" : "booked";

export async function renderSeriesEmail(
  db: Db,
  name: "series_booked" | "series_consent_request",
  message: { locale: Locale; payload: Record<string, unknown>; toEmail?: string },
  config: Config,
  now: number,
): Promise<EmailToSend> {
  const payload = message.payload as { eventId?: string; personId?: string; dates?: SeriesPayloadDate[] };
  const dates = Array.isArray(payload.dates) ? payload.dates : [];
  const [event] = await db.select().from(events).where(eq(events.id, String(payload.eventId))).limit(1);
  const [person] = await db.select().from(people).where(eq(people.id, String(payload.personId))).limit(1);
  if (!event || !person || dates.length === 0) throw new UnrenderableMessage("series email without its event, person or dates");
  const ids = dates.flatMap((d) => (d.bookingId ? [d.bookingId] : []));
  const details = ids.length ? await loadManyBookingDetails(db, inArray(bookings.id, ids)) : [];
  const byBooking = new Map(details.map((d) => [d.booking.id, d]));
  const rows = await db.select().from(sessions).where(inArray(sessions.id, dates.map((d) => d.sessionId)));
  const sessionById = new Map(rows.map((s) => [s.id, s]));
  const [venue] = rows[0]?.venueId ? await db.select().from(venues).where(eq(venues.id, rows[0].venueId)).limit(1) : [];
  const [host] = await db.select({ contactEmail: organisations.contactEmail }).from(organisations).where(eq(organisations.id, event.hostOrganisationId)).limit(1);

  const facts: SeriesDateFacts[] = [];
  for (const d of dates) {
    const s = sessionById.get(d.sessionId);
    if (!s) continue;
    const date: SeriesDateFacts = { startsAt: s.startsAt, endsAt: s.endsAt, outcome: d.outcome ?? "full" };
    const b = d.bookingId ? byBooking.get(d.bookingId) : undefined;
    if (b) {
      date.outcome = outcomeOf(b.booking.status);
      if (date.outcome === "waitlisted") {
        const [row] = await db.all<{ position: number }>(sql`select ${waitlistPosition} as position from bookings b where b.id = ${b.booking.id}`);
        date.position = row?.position;
      }
    } else if (d.bookingId) {
      // The write refused this date: its guards do not say why, so the rows do, as the page did.
      // findClash reads only the database.
      const clash = await findClash({ db } as unknown as Deps, person.id, s.startsAt, s.endsAt, { sessionId: s.id });
      Object.assign(date, clash ? { outcome: "clash", clashingTitle: clash.title } : { outcome: "full" });
    }
    facts.push(date);
  }
  const site = { publicUrl: config.publicUrl, emailFrom: config.emailFrom };
  const common = { title: event.title, personName: person.displayName, venue: venue ?? null, dates: facts, hostContact: host?.contactEmail ?? null };
  if (name === "series_consent_request") {
    // Only the dates still waiting for an answer: one the parent has answered since has its own record.
    const consentLinks = dates.flatMap((d) => {
      const b = d.bookingId ? byBooking.get(d.bookingId) : undefined;
      return b && b.booking.status === "pending_consent" && d.consentUrl ? [{ startsAt: b.startsAt, endsAt: b.endsAt, url: d.consentUrl }] : [];
    });
    return seriesConsentRequest({ locale: message.locale, site, facts: { ...common, consentLinks, consentAge: event.consentAge } });
  }
  const { invite, ...words } = seriesBooked({ locale: message.locale, site, facts: common });
  const invited = details.filter((d) => d.booking.status === "confirmed" && !d.occurrenceCancelled);
  if (!invite || invited.length === 0) return words;
  const to = message.toEmail ?? person.email;
  const ics = seriesInvite(invited, { config, locale: message.locale, now, attendee: { email: to, name: person.displayName }, includeOnlineLink: invite.includeOnlineLink });
  return { ...words, attachments: [icsAttachment(ics, "REQUEST")] };
}
