import { describe, expect, it } from "vitest";
import { staffCatalogues } from "./catalogues";
import { staffEn } from "./en";

const holes = (s: unknown) => [...JSON.stringify(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n !== "n").sort();

describe("the staff areas' catalogues", () => {
  it.each(["pl", "ro", "uk", "ar"] as const)("%s translates every staff string and plural form, with the same placeholders", (locale) => {
    const catalogue = staffCatalogues[locale] as Record<string, unknown>;
    expect(Object.keys(staffEn).filter((k) => !(k in catalogue))).toEqual([]);
    expect(Object.keys(catalogue).filter((k) => !(k in staffEn))).toEqual([]);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [key, value] of Object.entries(staffEn)) {
      const own = catalogue[key];
      if (typeof value === "object") {
        expect(Object.keys(own as object).sort(), key).toEqual([...categories].sort());
      } else {
        expect(holes(own), key).toEqual(holes(value));
      }
    }
  });
});
