// Words of issue #14 item 7: language names from Intl.DisplayNames in the page's language (never
// a raw code such as "pa"), and counts worded by the catalogue's plural forms (never "1 places").
import { describe, expect, it } from "vitest";
import { translator } from "../i18n";
import { languageList, languageName } from "./format";

const pl = translator("pl");
const ar = translator("ar");
const en = translator("en");

describe("language names", () => {
  it("names every code in the page's language, the ones we have no words of our own for too", () => {
    expect(languageName(en, "pa")).toBe("Punjabi");
    expect(languageName(pl, "pa")).toBe("pendżabski");
    expect(languageName(pl, "uk")).toBe("ukraiński");
    expect(languageName(ar, "pl")).toBe("البولندية");
    expect(languageName(ar, "pa")).toBe("البنجابية");
    expect(languageList(en, ["en", "pa"])).toBe("English and Punjabi");
    expect(languageList(pl, ["en", "pa"])).toBe("angielski i pendżabski");
    expect(languageList(ar, ["en", "pa"])).toBe("الإنجليزية والبنجابية");
  });

  it("falls back to the code for something that is not a language code", () => {
    expect(languageName(pl, "not a code!")).toBe("not a code!");
  });
});

describe("counts", () => {
  it("uses each of Polish's forms: 1 miejsce, 2 miejsca, 5 miejsc, 22 miejsca, 1,5 miejsca", () => {
    expect(pl.plural("errSeatsLeft", 1, { wanted: 4 })).toMatch(/^Zostało tylko 1 miejsce,/);
    expect(pl.plural("errSeatsLeft", 2, { wanted: 4 })).toMatch(/^Zostały tylko 2 miejsca,/);
    expect(pl.plural("errSeatsLeft", 5, { wanted: 9 })).toMatch(/^Zostało tylko 5 miejsc,/);
    expect(pl.plural("errSeatsLeft", 12, { wanted: 20 })).toMatch(/^Zostało tylko 12 miejsc,/);
    expect(pl.plural("errSeatsLeft", 22, { wanted: 30 })).toMatch(/^Zostały tylko 22 miejsca,/);
    expect(pl.plural("seatsLeft", 1)).toBe("Zostało 1 miejsce");
    expect(pl.plural("profileFlagged", 3)).toContain("3 z Twoich rezerwacji nie pasują");
  });

  it("uses each of Arabic's six forms, the words for one and two standing without a digit", () => {
    expect(ar.plural("errSeatsLeft", 1, { wanted: 4 })).toMatch(/^بقي مكان واحد فقط/);
    expect(ar.plural("errSeatsLeft", 2, { wanted: 4 })).toMatch(/^بقي مكانان فقط/);
    expect(ar.plural("errSeatsLeft", 3, { wanted: 4 })).toMatch(/^بقيت 3 أماكن فقط/);
    expect(ar.plural("errSeatsLeft", 11, { wanted: 14 })).toMatch(/^بقي 11 مكانًا فقط/);
    expect(ar.plural("errSeatsLeft", 100, { wanted: 140 })).toMatch(/^بقي 100 مكان فقط/);
    expect(ar.plural("errSeatsLeft", 0, { wanted: 4 })).toMatch(/^لم يبقَ أي مكان/);
    expect(ar.plural("profileFlagged", 2)).toContain("حجزين");
  });

  it("says 1 place in English, never 1 places", () => {
    expect(en.plural("errSeatsLeft", 1, { wanted: 4 })).toBe("Only 1 place is left and your group needs 4. Try a smaller group or another date.");
    expect(en.plural("carPlacesLeft", 1, { left: 1 })).toBe("1 of 1 place left");
    expect(en.plural("checkedInGroup", 11, { name: "Riverside Academy", count: 9 })).toBe("Riverside Academy: 9 of 11 people checked in.");
    expect(en.plural("groupSessionOption", 1, { event: "CV", when: "Monday", ratio: 10 })).toBe("CV: Monday (1 place left, 1 adult per 10 pupils)");
  });
});
