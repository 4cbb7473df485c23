import { describe, expect, it } from "vitest";
import { PROBLEMS } from "../lib/problem";
import { REASON_CODES } from "../lib/refusal";
import { fromAcceptLanguage, translator } from "./index";
import { PARTS } from "./parts";

/** Keys other languages may leave to English: 12-hour clock words only English pages use. */
const ENGLISH_ONLY = new Set(["am", "pm"]);
const OTHERS = ["pl", "ro", "uk", "ar"] as const;
type Part = Record<string, unknown>;
const partsOf = (locale: keyof typeof PARTS) => Object.entries(PARTS[locale]) as [string, Part][];
const english = (part: string) => (PARTS.en as Record<string, Part>)[part]!;
const isPlural = (value: unknown): value is Record<string, string> => typeof value === "object" && value !== null && "other" in value;
const holes = (value: unknown) => [...new Set([...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("the one catalogue", () => {
  it.each(["en", ...OTHERS] as const)("%s: no two parts define the same key, so none hides another", (locale) => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [part, entries] of partsOf(locale)) {
      for (const key of Object.keys(entries)) {
        if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(OTHERS)("%s translates every string, table entry and plural form of every part, emails included", (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [part, own] of partsOf(locale)) {
      const en = english(part);
      expect(Object.keys(en).filter((k) => !ENGLISH_ONLY.has(k) && !(k in own)), `${locale}/${part}: missing`).toEqual([]);
      expect(Object.keys(own).filter((k) => !(k in en)), `${locale}/${part}: not in English`).toEqual([]);
      for (const [key, value] of Object.entries(en)) {
        const mine = own[key];
        if (typeof value !== "object" || value === null || mine === undefined || key === "statement") continue;
        // Plurals: every form the language's rules can pick, and no others. Tables: the same rows.
        const expected = isPlural(value) ? categories : Object.keys(value);
        expect(Object.keys(mine as object).sort(), `${locale}/${part}.${key}`).toEqual([...expected].sort());
      }
    }
  });

  it.each(OTHERS)("%s keeps the same {placeholders} as English (a plural form may leave out {n})", (locale) => {
    for (const [part, own] of partsOf(locale)) {
      for (const [key, value] of Object.entries(own)) {
        const en = english(part)[key];
        if (isPlural(value)) {
          const wanted = holes(en).filter((h) => h !== "n");
          for (const [form, text] of Object.entries(value)) expect(holes(text).filter((h) => h !== "n"), `${locale}/${part}.${key}.${form}`).toEqual(wanted);
        } else {
          expect(holes(value), `${locale}/${part}.${key}`).toEqual(holes(en));
        }
      }
    }
  });

  it("translates the accessibility statement section by section, paragraph by paragraph", () => {
    const shape = (locale: keyof typeof PARTS) => PARTS[locale].site.statement!.sections.map((s) => [Boolean(s.heading), s.paragraphs.length, s.list?.length ?? 0]);
    for (const locale of OTHERS) {
      expect(shape(locale)).toEqual(shape("en"));
      const text = JSON.stringify(PARTS[locale].site.statement);
      expect(text).toContain("WCAG");
      expect(text).toContain("EASS");
    }
  });

  it("serves the emails, the public pages, the people pages and the staff areas from one translator", () => {
    const pl = translator("pl");
    expect(pl.t("confirmedSubject", { title: "X" })).toBe("Masz miejsce: X");
    expect(pl.t("navSignIn")).toBe("Zaloguj się");
    expect(pl.t("bookPlace")).toBe("Zarezerwuj miejsce");
    expect(pl.t("staffTitle")).toBe("Strefa pracowników");
    expect(translator("ar").t("consentTitle")).toBe("هل يمكنه الحضور؟");
    // The booking page's ticket hint once lost to a staff string of the same name.
    expect(translator("en").t("ticketHint")).toBe("Show this code at the door. If it does not scan, say your ticket code:");
  });

  it("falls back to English one string at a time, and says so", () => {
    const t = translator("pl");
    expect(t.t("am")).toBe("am");
    expect(t.isFallback("am")).toBe(true);
    expect(t.isFallback("navSignIn")).toBe(false);
    expect(translator("en").isFallback("am")).toBe(false);
  });

  it("chooses plural forms by each language's rules", () => {
    expect(translator("en").plural("seatsLeft", 1)).toBe("1 place left");
    expect(translator("en").plural("seatsLeft", 3)).toBe("3 places left");
    expect(translator("pl").plural("seatsLeft", 2)).toBe("Zostały 2 miejsca");
    expect(translator("pl").plural("seatsLeft", 5)).toBe("Zostało 5 miejsc");
    expect(translator("pl").plural("mentoringCount", 3)).toBe("3 terminy do zarezerwowania");
    expect(translator("uk").plural("seatsLeft", 21)).toBe("Залишилося 21 місце");
    expect(translator("ro").plural("seatsLeft", 20)).toBe("20 de locuri libere");
    expect(translator("ar").plural("seatsLeft", 2)).toBe("بقي مكانان");
  });

  it("reads Accept-Language by quality, ignoring languages it does not have", () => {
    expect(fromAcceptLanguage("de-DE,de;q=0.9,pl;q=0.8,en;q=0.7")).toBe("pl");
    expect(fromAcceptLanguage("en;q=0.2, ar-SA")).toBe("ar");
    expect(fromAcceptLanguage("uk;q=0, ro")).toBe("ro");
    expect(fromAcceptLanguage("fr")).toBeNull();
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });

  it("words every refusal in English: a title per problem code, a sentence per reason, the same facts in every language", () => {
    const en = PARTS.en.problems as Record<string, unknown>;
    expect(Object.keys(PARTS.en.problems.problemTitles).sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const reason of Object.keys(REASON_CODES)) expect(typeof en[reason], reason).toBe("string");
    expect(translator("pl").t("sign_in_needed")).toBe("Zaloguj się, aby to zrobić.");
    expect(translator("en").t("too_many_tries", { seconds: 30 })).toBe("Too many tries. Please wait 30 seconds and try again.");
  });
});
