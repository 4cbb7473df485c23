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
import type { Plural } from "./en/site";
import type { EnglishParts, PartName } from "./parts";
export { LOCALES, type Locale };
export type { Plural };

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
