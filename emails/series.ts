// A whole series booked in one step (issue #14 item 6): the young person's one email with the
// outcome per date (render attaches one invite with a VEVENT per booked date), and the parent's
// or carer's one email with a yes link per held date. Pure: the facts come in as data.
import { translator, type Locale, type Translator } from "../src/i18n";
import { addressOf, localised, venueLine, type LocalisedText, type SiteFacts, type VenueFacts } from "./booking";
import type { RenderedEmail } from "./details";
import { formatSpan } from "./format";
import { layout, type Block } from "./layout";

/** One date's outcome, as the page and the email word it. */
export interface SeriesDateFacts {
  startsAt: number;
  endsAt: number;
  outcome: "booked" | "pending_consent" | "waitlisted" | "clash" | "ineligible" | "already_booked" | "past" | "cancelled" | "full" | "guardian_limit";
  position?: number;
  clashingTitle?: string;
  minAge?: number;
  maxAge?: number;
  age?: number;
}

/** What happened to one date, in the reader's words (the series page says the same). */
export function seriesOutcomeLine(t: Translator, d: SeriesDateFacts): string {
  switch (d.outcome) {
    case "booked":
      return t.t("srBooked");
    case "pending_consent":
      return t.t("srPending");
    case "waitlisted":
      return t.t("srWaitlisted", { position: d.position ?? "?" });
    case "clash":
      return t.t("srClash", { title: d.clashingTitle ?? "" });
    case "ineligible":
      return t.t("srIneligible", { min: d.minAge ?? "", max: d.maxAge ?? "", age: d.age ?? "" });
    case "already_booked":
      return t.t("srAlreadyBooked");
    case "past":
      return t.t("srPast");
    case "cancelled":
      return t.t("srCancelled");
    case "guardian_limit":
      return t.t("srGuardianLimit");
    default:
      return t.t("srFull");
  }
}

export interface SeriesEmailFacts {
  title: LocalisedText;
  personName: string;
  venue: VenueFacts | null;
  dates: SeriesDateFacts[];
  /** The parent's or carer's email: each held date's own yes link. */
  consentLinks?: { startsAt: number; endsAt: number; url: string }[];
  consentAge?: number;
  hostContact: string | null;
}

function closing(t: Translator["t"], site: SiteFacts, facts: SeriesEmailFacts): Block {
  return { small: t("contact", { email: facts.hostContact || addressOf(site.emailFrom) }) };
}

/** To the young person: every date and what happened to it. Carries invite.ics with one VEVENT per booked date. */
export function seriesBooked({ locale, site, facts }: { locale: Locale; site: SiteFacts; facts: SeriesEmailFacts }): RenderedEmail {
  const tr = translator(locale);
  const { t } = tr;
  const title = localised(facts.title, locale);
  const blocks: Block[] = [
    { p: t("srEmailIntro", { title }) },
    { facts: facts.dates.map((d) => ({ label: formatSpan(d.startsAt, d.endsAt, locale), lines: [seriesOutcomeLine(tr, d)] })) },
  ];
  if (facts.venue) blocks.push({ facts: [{ label: t("where"), lines: [venueLine(facts.venue)] }] });
  if (facts.dates.some((d) => d.outcome === "pending_consent")) blocks.push({ p: t("srEmailPending") });
  blocks.push({ link: { label: t("srSeeMine"), href: `${site.publicUrl}/my` } });
  const invited = facts.dates.some((d) => d.outcome === "booked");
  if (invited) blocks.push({ small: t("srEmailCalendar") });
  blocks.push(closing(t, site, facts));
  const subject = t("srEmailSubject", { title });
  const rendered: RenderedEmail = { subject, ...layout(locale, subject, blocks, t("siteName")) };
  if (invited) rendered.invite = { method: "REQUEST", includeOnlineLink: true };
  return rendered;
}

/** To the parent or carer: one email for the series, one yes link per held date. */
export function seriesConsentRequest({ locale, site, facts }: { locale: Locale; site: SiteFacts; facts: SeriesEmailFacts }): RenderedEmail {
  const { t } = translator(locale);
  const title = localised(facts.title, locale);
  const name = facts.personName;
  const blocks: Block[] = [
    { p: t("srConsentIntro", { name, title, age: facts.consentAge ?? 16 }) },
    ...(facts.venue ? [{ facts: [{ label: t("where"), lines: [venueLine(facts.venue)] }] }] : []),
    ...(facts.consentLinks ?? []).map((l) => ({ link: { label: t("srConsentDate", { when: formatSpan(l.startsAt, l.endsAt, locale) }), href: l.url } })),
    { p: t("srConsentHold") },
    { small: t("consentIgnore", { name }) },
    closing(t, site, facts),
  ];
  const subject = t("srConsentSubject", { name, title });
  return { subject, ...layout(locale, t("srConsentHeading", { name }), blocks, t("siteName")) };
}
