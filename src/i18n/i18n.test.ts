import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fromAcceptLanguage, translator, type Catalogue } from "./index";
import { ar } from "./ar";
import { pl } from "./pl";
import { ro } from "./ro";
import { uk } from "./uk";

/** Keys other languages may leave to English: 12-hour clock words only English pages use. */
const ENGLISH_ONLY = new Set(["am", "pm"]);

describe("message catalogues", () => {
  it.each([
    ["pl", pl],
    ["ro", ro],
    ["uk", uk],
    ["ar", ar],
  ] as [string, Catalogue][])("%s translates every interface string, table entry and plural form", (locale, catalogue) => {
    const missing = Object.keys(en).filter((k) => !ENGLISH_ONLY.has(k) && !(k in catalogue));
    expect(missing).toEqual([]);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [key, value] of Object.entries(en)) {
      const own = (catalogue as Record<string, object | undefined>)[key];
      if (typeof value !== "object" || !own || key === "statement") continue;
      if ("other" in value) {
        // Every form the language's plural rules can pick, and no others.
        expect(Object.keys(own).filter((k) => !categories.includes(k)), key).toEqual([]);
        expect(categories.filter((k) => !(k in own)), key).toEqual([]);
      } else {
        expect(Object.keys(value).filter((k) => !(k in own)).sort(), key).toEqual([]);
        expect(Object.keys(own).filter((k) => !(k in value)), key).toEqual([]);
      }
    }
  });

  it("translates the accessibility statement section by section, paragraph by paragraph", () => {
    const shape = (c: Catalogue) => c.statement!.sections.map((s) => [Boolean(s.heading), s.paragraphs.length, s.list?.length ?? 0]);
    for (const catalogue of [pl, ro, uk, ar]) {
      expect(shape(catalogue)).toEqual(shape(en));
      const text = JSON.stringify(catalogue.statement);
      expect(text).toContain("{email}");
      expect(text).toContain("{site}");
      expect(text).toContain("WCAG");
      expect(text).toContain("EASS");
    }
  });

  it("keeps the same {placeholders} as English in every translation", () => {
    const holes = (s: unknown) => [...JSON.stringify(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n !== "n").sort();
    for (const catalogue of [pl, ro, uk, ar]) {
      for (const [key, value] of Object.entries(catalogue)) {
        if (key === "statement" || key === "resultsHeading" || key === "moreDates" || key === "seatsLeft") continue;
        expect(holes(value), key).toEqual(holes((en as Record<string, unknown>)[key]));
      }
    }
  });

  it("falls back to English one string at a time", () => {
    const t = translator("pl");
    expect(t.t("navSignIn")).toBe("Zaloguj się");
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
});
