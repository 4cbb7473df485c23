// Locale choice and message lookup for the website. Every locale but English may be partial:
// a missing string falls back to English, and the page marks that text as English (lang="en")
// so screen readers pronounce it correctly.
import { LOCALES, type Locale } from "../../db/schema";
import { ar } from "./ar";
import { en as siteEn, type Plural } from "./en";
import { people } from "../people/i18n";
import { pl } from "./pl";
import { ro } from "./ro";
import { uk } from "./uk";
import { staffCatalogues as staff } from "../staff/i18n/catalogues";

export { LOCALES, type Locale };
export type Catalogue = Partial<Messages>;

const en = { ...siteEn, ...people.en, ...staff.en };
type Messages = typeof en;
const CATALOGUES: Record<Locale, Catalogue> = { en, pl: { ...pl, ...people.pl, ...staff.pl }, ro: { ...ro, ...people.ro, ...staff.ro }, uk: { ...uk, ...people.uk, ...staff.uk }, ar: { ...ar, ...people.ar, ...staff.ar } };

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

export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translator {
  const own = CATALOGUES[locale];
  const pick = <K extends keyof Messages>(key: K): Messages[K] => (own[key] ?? en[key]) as Messages[K];
  const rules = new Intl.PluralRules(locale);
  return {
    locale,
    dir: dirOf(locale),
    t: (key, vars) => fill(pick(key) as string, vars),
    isFallback: (key) => locale !== "en" && own[key] === undefined,
    plural(key, n, vars = {}) {
      const forms = pick(key) as Plural;
      const text = forms[rules.select(n)] ?? forms.other;
      return fill(text, { n: n.toLocaleString(locale), ...vars });
    },
    label(table, key) {
      const mine = own[table] as Record<string, string> | undefined;
      return mine?.[key] ?? (en[table] as Record<string, string>)[key] ?? key.replaceAll("_", " ");
    },
    raw: pick,
  };
}

/** Text stored per locale (event titles, descriptions): this locale's, else English marked so. */
export function pickLocalised(text: Partial<Record<Locale, string>> & { en: string }, locale: Locale): { text: string; lang: string | null } {
  const own = text[locale];
  return own ? { text: own, lang: null } : { text: text.en, lang: locale === "en" ? null : "en" };
}
