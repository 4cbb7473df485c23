import { describe, expect, it } from "vitest";
import { people } from "./index";
import { translator } from "../../i18n";

const OTHERS = ["pl", "ro", "uk", "ar"] as const;
const en = people.en as Record<string, unknown>;

describe("the people pages' catalogues", () => {
  it.each(OTHERS)("%s translates every string, table entry and plural form", (locale) => {
    const own = people[locale] as Record<string, unknown>;
    expect(Object.keys(en).filter((k) => !(k in own))).toEqual([]);
    expect(Object.keys(own).filter((k) => !(k in en))).toEqual([]);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [key, value] of Object.entries(en)) {
      if (typeof value !== "object" || value === null) continue;
      const mine = own[key] as Record<string, string>;
      if ("other" in value) expect(Object.keys(mine).sort(), key).toEqual([...categories].sort());
      else expect(Object.keys(mine).sort(), key).toEqual(Object.keys(value).sort());
    }
  });

  it.each(OTHERS)("%s keeps the same {placeholders} as English", (locale) => {
    const holes = (s: unknown) => [...new Set([...JSON.stringify(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].filter((n) => n !== "n").sort();
    for (const [key, value] of Object.entries(people[locale])) {
      if (typeof value === "object" && "other" in value) continue;
      expect(holes(value), `${locale}.${key}`).toEqual(holes(en[key]));
    }
  });

  it("reaches the pages through the site's translator, with plural rules per language", () => {
    expect(translator("pl").t("bookPlace")).toBe("Zarezerwuj miejsce");
    expect(translator("pl").plural("mentoringCount", 3)).toBe("3 terminy do zarezerwowania");
    expect(translator("ar").t("consentTitle")).toBe("هل يمكنه الحضور؟");
    expect(translator("en").t("resultConfirmed")).toBe("You have a place");
  });
});
