// The one message catalogue, for the emails and the website alike (issue #7), and its lookup.
// Each language is a folder, src/i18n/<locale>/, split into parts by where the text appears:
// common (words the emails and pages share), emails, site (public pages), people (booking,
// consent, mentoring), staff (staff areas) and problems (refusals: src/lib/refusal.ts).
// The parts of a locale merge into one catalogue, so no two parts may use the same key (the
// type check in parts.ts and src/i18n/i18n.test.ts refuse it). English is complete; every other
// locale may be partial: a missing string falls back to English, and pages mark that text
// lang="en" (isFallback) so screen readers pronounce it correctly.
//
// Where the words come from differs by runtime, nothing else does: `#i18n-catalogues`
// (package.json "imports") is catalogues.ts on Node, which imports every part (parts.ts), and
// catalogues-worker.ts in workerd, which reads them from the Worker's static assets so that the
// bundle does not carry five languages (issue #19).
import { catalogues } from "#i18n-catalogues";
import { LOCALES, type Locale } from "../db/schema";
<<<<<<< HEAD
import { common as commonAr } from "./ar/common";
import { directory_ar } from "./ar/directory";
import { host_ar } from "./ar/host";
import { ar as emailsAr } from "./ar/emails";
import { people_ar } from "./ar/people";
import { problems_ar } from "./ar/problems";
import { ar as siteAr } from "./ar/site";
import { ar as staffAr } from "./ar/staff";
import { common as commonEn } from "./en/common";
import { translationsEn } from "./en/translations";
import { translationsPl } from "./pl/translations";
import { translationsRo } from "./ro/translations";
import { translationsUk } from "./uk/translations";
import { translationsAr } from "./ar/translations";
import { directoryEn } from "./en/directory";
import { hostEn } from "./en/host";
import { en as emailsEn } from "./en/emails";
import { peopleEn } from "./en/people";
import { problemsEn } from "./en/problems";
import { en as siteEn, type Plural } from "./en/site";
import { staffEn } from "./en/staff";
import { recordEn } from "./en/record";
import { recordPl } from "./pl/record";
import { recordRo } from "./ro/record";
import { recordUk } from "./uk/record";
import { recordAr } from "./ar/record";
import { carouselEn } from "./en/carousel";
import { adminEn } from "./en/admin";
import { dashboardEn } from "./en/dashboard";
import { dashboardPl } from "./pl/dashboard";
import { dashboardRo } from "./ro/dashboard";
import { dashboardUk } from "./uk/dashboard";
import { dashboardAr } from "./ar/dashboard";
import { adminPl } from "./pl/admin";
import { adminRo } from "./ro/admin";
import { adminUk } from "./uk/admin";
import { adminAr } from "./ar/admin";
import { siteFeedbackEn } from "./en/site-feedback";
import { involveEn } from "./en/involve";
import { familiesEn } from "./en/families";
import { families_pl } from "./pl/families";
import { families_ro } from "./ro/families";
import { families_uk } from "./uk/families";
import { families_ar } from "./ar/families";
import { siteFeedback_pl } from "./pl/site-feedback";
import { involve_pl } from "./pl/involve";
import { siteFeedback_ro } from "./ro/site-feedback";
import { involve_ro } from "./ro/involve";
import { siteFeedback_uk } from "./uk/site-feedback";
import { involve_uk } from "./uk/involve";
import { siteFeedback_ar } from "./ar/site-feedback";
import { involve_ar } from "./ar/involve";
import { carouselPl } from "./pl/carousel";
import { carouselRo } from "./ro/carousel";
import { carouselUk } from "./uk/carousel";
import { carouselAr } from "./ar/carousel";
import { joinEn } from "./en/join";
import { joinPl } from "./pl/join";
import { joinRo } from "./ro/join";
import { joinUk } from "./uk/join";
import { joinAr } from "./ar/join";
import { guardianEn } from "./en/guardian";
import { guardianPl } from "./pl/guardian";
import { guardianRo } from "./ro/guardian";
import { guardianUk } from "./uk/guardian";
import { guardianAr } from "./ar/guardian";
import { common as commonPl } from "./pl/common";
import { directory_pl } from "./pl/directory";
import { host_pl } from "./pl/host";
import { pl as emailsPl } from "./pl/emails";
import { people_pl } from "./pl/people";
import { problems_pl } from "./pl/problems";
import { pl as sitePl } from "./pl/site";
import { pl as staffPl } from "./pl/staff";
import { common as commonRo } from "./ro/common";
import { directory_ro } from "./ro/directory";
import { host_ro } from "./ro/host";
import { ro as emailsRo } from "./ro/emails";
import { people_ro } from "./ro/people";
import { problems_ro } from "./ro/problems";
import { ro as siteRo } from "./ro/site";
import { ro as staffRo } from "./ro/staff";
import { common as commonUk } from "./uk/common";
import { directory_uk } from "./uk/directory";
import { host_uk } from "./uk/host";
import { uk as emailsUk } from "./uk/emails";
import { people_uk } from "./uk/people";
import { problems_uk } from "./uk/problems";
import { uk as siteUk } from "./uk/site";
import { uk as staffUk } from "./uk/staff";
import { webhooksEn } from "./en/webhooks";
import { lookEn } from "./en/look";
import { lookPl } from "./pl/look";
import { lookRo } from "./ro/look";
import { lookUk } from "./uk/look";
import { lookAr } from "./ar/look";
import { webhooksPl } from "./pl/webhooks";
import { webhooksRo } from "./ro/webhooks";
import { webhooksUk } from "./uk/webhooks";
import { webhooksAr } from "./ar/webhooks";

export { LOCALES, type Locale };
export type { Plural };

/** Every locale's parts, English first; exported for the completeness and collision tests. */
export const PARTS = {
  en: { common: commonEn, emails: emailsEn, site: siteEn, people: peopleEn, staff: staffEn, problems: problemsEn, directory: directoryEn, carousel: carouselEn, join: joinEn, guardian: guardianEn, siteFeedback: siteFeedbackEn, involve: involveEn, families: familiesEn, admin: adminEn, dashboard: dashboardEn, webhooks: webhooksEn, host: hostEn, record: recordEn, translations: translationsEn, look: lookEn },
  pl: { common: commonPl, emails: emailsPl, site: sitePl, people: people_pl, staff: staffPl, problems: problems_pl, directory: directory_pl, carousel: carouselPl, join: joinPl, guardian: guardianPl, siteFeedback: siteFeedback_pl, involve: involve_pl, families: families_pl, admin: adminPl, dashboard: dashboardPl, webhooks: webhooksPl, host: host_pl, record: recordPl, translations: translationsPl, look: lookPl },
  ro: { common: commonRo, emails: emailsRo, site: siteRo, people: people_ro, staff: staffRo, problems: problems_ro, directory: directory_ro, carousel: carouselRo, join: joinRo, guardian: guardianRo, siteFeedback: siteFeedback_ro, involve: involve_ro, families: families_ro, admin: adminRo, dashboard: dashboardRo, webhooks: webhooksRo, host: host_ro, record: recordRo, translations: translationsRo, look: lookRo },
  uk: { common: commonUk, emails: emailsUk, site: siteUk, people: people_uk, staff: staffUk, problems: problems_uk, directory: directory_uk, carousel: carouselUk, join: joinUk, guardian: guardianUk, siteFeedback: siteFeedback_uk, involve: involve_uk, families: families_uk, admin: adminUk, dashboard: dashboardUk, webhooks: webhooksUk, host: host_uk, record: recordUk, translations: translationsUk, look: lookUk },
  ar: { common: commonAr, emails: emailsAr, site: siteAr, people: people_ar, staff: staffAr, problems: problems_ar, directory: directory_ar, carousel: carouselAr, join: joinAr, guardian: guardianAr, siteFeedback: siteFeedback_ar, involve: involve_ar, families: families_ar, admin: adminAr, dashboard: dashboardAr, webhooks: webhooksAr, host: host_ar, record: recordAr, translations: translationsAr, look: lookAr },
} satisfies Record<Locale, Record<string, object>>;

type EnglishParts = (typeof PARTS)["en"];
type PartName = keyof EnglishParts;
/** Keys that two different parts both define: `never` while the parts stay apart. */
type Clash = { [A in PartName]: { [B in Exclude<PartName, A>]: Extract<keyof EnglishParts[A], keyof EnglishParts[B]> }[Exclude<PartName, A>] }[PartName];
// Fails to compile, naming the key, when two parts define it: one would silently hide the other.
true satisfies [Clash] extends [never] ? true : `key in two parts: ${Clash}`;

=======
import type { Plural } from "./en/site";
import type { EnglishParts, PartName } from "./parts";
export { LOCALES, type Locale };
export type { Plural };

>>>>>>> main
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Messages = UnionToIntersection<EnglishParts[PartName]>;
export type Catalogue = Partial<Messages>;
/** Every locale's merged catalogue; English is complete. */
export type Catalogues = Record<Exclude<Locale, "en">, Catalogue> & { en: Messages };

/** Each locale's own name, shown in the switcher so people recognise their language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", pl: "Polski", ro: "Română", uk: "Українська", ar: "العربية" };

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

export const dirOf = (locale: Locale): "rtl" | "ltr" => (locale === "ar" ? "rtl" : "ltr");

/** `lang` and `dir` for text written in `written` on a page in `page` (WCAG 3.1.2); none when they match. */
export const languageOfPart = (written: Locale, page: Locale): { lang?: Locale; dir?: "rtl" | "ltr" } =>
  written === page ? {} : { lang: written, dir: dirOf(written) };

/** The best supported locale for an Accept-Language header (q-values honoured), or null. */
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: (tag ?? "").trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((r) => r.base).find(isLocale) ?? null;
}

export interface Translator {
  locale: Locale;
  dir: "rtl" | "ltr";
  /** A string in this locale, or English if it has not been translated. */
  t<K extends StringKey>(key: K, vars?: Record<string, string | number>): string;
  /** True when `key` is shown in English because this locale lacks it. */
  isFallback(key: keyof Messages): boolean;
  /** A count-dependent string, chosen with the locale's plural rules. */
  plural(key: PluralKey, n: number, vars?: Record<string, string | number>): string;
  /** A label from one of the lookup tables (event types, access needs, tags, statuses). */
  label(table: TableKey, key: string): string;
  /** The raw value (for structured entries such as the accessibility statement). */
  raw<K extends keyof Messages>(key: K): Messages[K];
}

type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
export type StringKey = KeysOfType<Messages, string>;
export type PluralKey = KeysOfType<Messages, Plural>;
export type TableKey = "eventTypes" | "accessNeeds" | "tags" | "bookingStatus";

/** A venue's access facts (its columns) and the accessNeeds label each is shown with. */
const VENUE_ACCESS = { stepFree: "step_free", accessibleToilet: "accessible_toilet", hearingLoop: "hearing_loop", quietRoom: "quiet_room", disabledParking: "disabled_parking" } as const;

/** What a venue has and lacks for access, as accessNeeds keys (pages draw each one's pictogram). */
export function venueAccessNeeds(venue: Record<keyof typeof VENUE_ACCESS, boolean>): { has: string[]; lacks: string[] } {
  const has: string[] = [];
  const lacks: string[] = [];
  for (const [flag, need] of Object.entries(VENUE_ACCESS)) (venue[flag as keyof typeof VENUE_ACCESS] ? has : lacks).push(need);
  return { has, lacks };
}

/** What a venue has and lacks for access, as labels in the reader's language (pages and emails). */
export function venueAccess(t: Translator, venue: Record<keyof typeof VENUE_ACCESS, boolean>): { has: string[]; lacks: string[] } {
  const { has, lacks } = venueAccessNeeds(venue);
  const label = (need: string) => t.label("accessNeeds", need);
  return { has: has.map(label), lacks: lacks.map(label) };
}

/** `{name}` placeholders replaced as given: callers escape for HTML afterwards. */
export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translator {
  // The catalogues are looked up on each use, not when the translator is made: in the Worker they
  // come with the request (catalogues-worker.ts), and some translators are made when a module
  // loads (refusal.ts's ENGLISH), before any request.
  const own = (): Catalogue => catalogues()[locale];
  const en = (): Messages => catalogues().en;
  const pick = <K extends keyof Messages>(key: K): Messages[K] => (own()[key] ?? en()[key]) as Messages[K];
  // Built on first plural() only: most translators never need one, and it is the costly part.
  let rules: Intl.PluralRules | undefined;
  return {
    locale,
    dir: dirOf(locale),
    t: (key, vars) => fill(pick(key) as string, vars),
    isFallback: (key) => locale !== "en" && own()[key] === undefined,
    plural(key, n, vars = {}) {
      const forms = pick(key) as Plural;
      const text = forms[(rules ??= new Intl.PluralRules(locale)).select(n)] ?? forms.other;
      return fill(text, { n: n.toLocaleString(locale), ...vars });
    },
    label(table, key) {
      const mine = own()[table] as Record<string, string> | undefined;
      return mine?.[key] ?? (en()[table] as Record<string, string>)[key] ?? key.replaceAll("_", " ");
    },
    raw: pick,
  };
}

/** Text stored per locale (event titles, descriptions): this locale's, else English marked so. */
export function pickLocalised(text: Partial<Record<Locale, string>> & { en: string }, locale: Locale): { text: string; lang: string | null } {
  const own = text[locale];
  return own ? { text: own, lang: null } : { text: text.en, lang: locale === "en" ? null : "en" };
}
