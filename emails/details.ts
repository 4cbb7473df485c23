// Pieces every booking email shares: loading the booking, the what/when/where block, the
// manage link, who to contact, and the calendar file.
import type { Locale } from "../src/db/schema";
import type { Config } from "../src/lib/config";
import { bookingInvite, icsAttachment, inviteMethodFor, type InviteMethod } from "../src/features/calendar/ics";
import { addressOf, bookingTitle, loadBookingDetails, localised, manageUrl, venueLine, type BookingDetails } from "../src/features/notifications/booking-details";
import type { EmailTemplate, RenderedEmail } from "./index";
import { layout, type Block, type Fact } from "./layout";
import { formatMoment, formatSpan } from "./format";
import { translator, venueAccess, type StringKey, type Translator } from "../src/i18n";

export interface MessageContext {
  d: BookingDetails;
  locale: Locale;
  config: Config;
  payload: Record<string, unknown>;
  to: string;
  now: number;
  /** Shorthand for `translator(locale).t`: one string from the shared catalogue. */
  t: Translator["t"];
  /** The same translator, for plurals and labels. */
  translator: Translator;
  title: string;
  when: string;
  manageUrl: string;
}

/** What, when, where (with access and transport), what to bring. */
export function detailFacts(c: MessageContext, options: { showOnlineLink: boolean }): Fact[] {
  const { d, t } = c;
  const facts: Fact[] = [
    { label: t("what"), lines: [c.title] },
    { label: t("when"), lines: [c.when] },
  ];
  if (d.venue) {
    facts.push({ label: t("where"), lines: [venueLine(d.venue)] });
    const access = venueAccess(c.translator, d.venue).has;
    facts.push({ label: t("access"), lines: access.length ? access : [t("accessUnknown")] });
    if (d.venue.publicTransport.trim()) facts.push({ label: t("gettingThere"), lines: [d.venue.publicTransport] });
  } else if (d.onlineUrl) {
    facts.push(
      options.showOnlineLink
        ? { label: t("where"), lines: [t("online")], link: { label: t("joinOnline"), href: d.onlineUrl } }
        : { label: t("where"), lines: [t("online")] },
    );
  }
  const bring = d.event?.whatToBring ? localised(d.event.whatToBring, c.locale) : "";
  if (bring.trim()) facts.push({ label: t("whatToBring"), lines: [bring] });
  return facts;
}

function contactLine(c: MessageContext): Block {
  return { small: c.t("contact", { email: c.d.host?.contactEmail || addressOf(c.config.emailFrom) }) };
}

export function manageLink(c: MessageContext, key: StringKey = "manage"): Block {
  return { link: { label: c.t(key), href: c.manageUrl } };
}

export function deadline(c: MessageContext, instant: number | null): string {
  return instant ? formatMoment(instant, c.locale) : "";
}

export interface Draft {
  subject: string;
  heading: string;
  blocks: Block[];
  /** Attach invite.ics: the method, or "current" for whatever the booking's state calls for. */
  invite?: InviteMethod | "current";
  /** Only the young person's and mentor's copies may carry the online link. */
  includeOnlineLink?: boolean;
}

/**
 * A template about one booking (payload.bookingId). The booking, session, event, venue and
 * people are read now, at send time, so the email shows the session as it stands.
 */
export function bookingEmail(build: (c: MessageContext) => Draft): EmailTemplate {
  return async ({ db, config, locale, payload, to, now }) => {
    const d = await loadBookingDetails(db, String(payload.bookingId));
    const tr = translator(locale);
    const t = tr.t;
    const c: MessageContext = {
      d,
      locale,
      config,
      payload,
      to: to ?? d.person?.email ?? "",
      now: now ?? Date.now(),
      t,
      translator: tr,
      title: bookingTitle(d, locale),
      when: formatSpan(d.startsAt, d.endsAt, locale),
      manageUrl: manageUrl(config.publicUrl, d.booking.id),
    };
    const draft = build(c);
    const method = draft.invite === "current" ? inviteMethodFor(d) : (draft.invite ?? null);
    const blocks = [...draft.blocks];
    if (method) blocks.push({ small: t(method === "CANCEL" ? "calendarCancelNote" : "calendarNote") });
    blocks.push(contactLine(c));
    const rendered: RenderedEmail = { subject: draft.subject, ...layout(locale, draft.heading, blocks, t("siteName")) };
    if (method) {
      const attendeeName = c.to === d.mentor?.email ? d.mentor.displayName : d.person?.displayName;
      const ics = bookingInvite(d, method, {
        config,
        locale,
        now: c.now,
        attendee: c.to ? { email: c.to, name: attendeeName } : undefined,
        includeOnlineLink: draft.includeOnlineLink ?? true,
      });
      rendered.attachments = [icsAttachment(ics, method)];
    }
    return rendered;
  };
}
