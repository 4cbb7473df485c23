// Pieces every booking email shares: the what/when/where block, the manage link, who to
// contact, and which calendar file goes with it. Pure: the booking's facts come in as data.
import { translator, venueAccess, type Locale, type StringKey, type Translator } from "../src/i18n";
import { addressOf, bookingTitle, inviteMethodFor, localisedPart, manageUrl, venueLine, type BookingFacts, type InviteMethod, type SiteFacts } from "./booking";
import { layout, type Block, type Fact } from "./layout";
import { formatMoment, formatSpan } from "./format";

/** What a template about one booking is given. */
export interface BookingMessageInput {
  d: BookingFacts;
  locale: Locale;
  site: SiteFacts;
  payload: Record<string, unknown>;
  /** The recipient: some copies differ by reader (mentoring, the online link). */
  to: string;
  now: number;
}

/** The words of an email, and the calendar file that should go with it (built by notifications). */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  invite?: { method: InviteMethod; includeOnlineLink: boolean };
}

export type BookingTemplate = (input: BookingMessageInput) => RenderedEmail;

export interface MessageContext {
  d: BookingFacts;
  locale: Locale;
  site: SiteFacts;
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

const langOf = (part: { lang?: Locale }) => (part.lang ? { lang: part.lang } : {});

/** What, when, where (with access, transport and the way in), what to bring; text in English standing in for a translation is marked lang="en". */
export function detailFacts(c: MessageContext, options: { showOnlineLink: boolean }): Fact[] {
  const { d, t } = c;
  const facts: Fact[] = [
    { label: t("what"), lines: [c.title], ...(d.event ? langOf(localisedPart(d.event.title, c.locale)) : {}) },
    { label: t("when"), lines: [c.when] },
  ];
  if (d.venue) {
    facts.push({ label: t("where"), lines: [venueLine(d.venue)] });
    const access = venueAccess(c.translator, d.venue).has;
    facts.push({ label: t("access"), lines: access.length ? access : [t("accessUnknown")] });
    const transport = localisedPart(d.venue.publicTransport, c.locale);
    if (transport.text.trim()) facts.push({ label: t("gettingThere"), lines: [transport.text], ...langOf(transport) });
    const way = localisedPart(d.venue.directions, c.locale);
    if (way.text.trim()) facts.push({ label: t("trFindingWayIn"), lines: [way.text], ...langOf(way) });
  } else if (d.onlineUrl) {
    facts.push(
      options.showOnlineLink
        ? { label: t("where"), lines: [t("online")], link: { label: t("joinOnline"), href: d.onlineUrl } }
        : { label: t("where"), lines: [t("online")] },
    );
  }
  const bring = localisedPart(d.event?.whatToBring, c.locale);
  if (bring.text.trim()) facts.push({ label: t("whatToBring"), lines: [bring.text], ...langOf(bring) });
  return facts;
}

function contactLine(c: MessageContext): Block {
  return { small: c.t("contact", { email: c.d.host?.contactEmail || addressOf(c.site.emailFrom) }) };
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

/** A template about one booking: the draft's words in the shared layout, plus the invite it calls for. */
export function bookingEmail(build: (c: MessageContext) => Draft): BookingTemplate {
  return ({ d, locale, site, payload, to, now }) => {
    const tr = translator(locale);
    const t = tr.t;
    const c: MessageContext = {
      d,
      locale,
      site,
      payload,
      to,
      now,
      t,
      translator: tr,
      title: bookingTitle(d, locale),
      when: formatSpan(d.startsAt, d.endsAt, locale),
      manageUrl: manageUrl(site.publicUrl, d.booking.id),
    };
    const draft = build(c);
    const method = draft.invite === "current" ? inviteMethodFor(d) : (draft.invite ?? null);
    const blocks = [...draft.blocks];
    if (method) blocks.push({ small: t(method === "CANCEL" ? "calendarCancelNote" : "calendarNote") });
    blocks.push(contactLine(c));
    const rendered: RenderedEmail = { subject: draft.subject, ...layout(locale, draft.heading, blocks, t("siteName")) };
    if (method) rendered.invite = { method, includeOnlineLink: draft.includeOnlineLink ?? true };
    return rendered;
  };
}
