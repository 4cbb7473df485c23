// "Look before you read" (issue #14 item 8): pictograms beside words for every activity type,
// access fact and tag; directions in the person's own maps app; the filters folded away so
// the activities come first; the tag and keyword filter on what's on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../db/seed";
import { EVENT_TYPES } from "../db/schema";
import { ACCESS_NEEDS, EVENT_TAGS } from "../features/catalogue/read";
import { FAMILY_TAG } from "../rules/families";
import { LOCALES, translator } from "../i18n";
import { languageList } from "./format";
import { createHarness, type Harness } from "../../test/support/harness";
import { PICTOGRAM_KEYS } from "./pictograms";
import { SITE_CSS } from "./style";
import { SESSION_COOKIE } from "../lib/auth";

let h: Harness;
let aisha: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  aisha = `${SESSION_COOKIE}=${await h.tokenFor("aisha@example.com")}`;
});
afterAll(() => h.close());

const html = async (path: string, cookie?: string) => {
  const res = await h.request("GET", path, cookie ? { headers: { cookie } } : {});
  expect(res.status, path).toBe(200);
  return res.text();
};
const cardTitles = (page: string) => [...page.matchAll(/<li class="card"><h3><a href="\/events\/([^"]+)"/g)].map((m) => m[1]);

describe("pictograms", () => {
  it("draws every activity type, access need and tag with a picture of its own", () => {
    expect(PICTOGRAM_KEYS.eventTypes.sort()).toEqual([...EVENT_TYPES].sort());
    expect(PICTOGRAM_KEYS.accessNeeds.sort()).toEqual([...ACCESS_NEEDS].sort());
    expect(PICTOGRAM_KEYS.tags.sort()).toEqual([...EVENT_TAGS, FAMILY_TAG].sort());
  });

  it("shows each picture hidden from screen readers, beside its words, on the list, the event page, the booking page and the poster", async () => {
    // Matched without printing the page on failure: a page is tens of kilobytes.
    const shows = (page: string, label: string) =>
      expect(new RegExp(`<span class="picto"><svg class="pictogram" aria-hidden="true" focusable="false"[^>]*>(?:(?!</svg>).)*</svg><span>${label}</span></span>`).test(page), label).toBe(true);
    const list = await html("/events?lang=pl");
    shows(list, "Poznaj zawód");
    shows(list, "Kobiety w zawodach technicznych");
    shows(list, "Materiały w tekście łatwym do czytania");
    const event = await html("/events/evt_trades");
    shows(event, "Career taster");
    shows(event, "Women in trades");
    shows(event, "Easy-read materials");
    const booking = await html("/sessions/ses_trades_1/book", aisha);
    shows(booking, "Career taster");
    shows(booking, "Easy-read materials");
    const poster = await html("/events/evt_trades/poster?lang=ar");
    expect(poster.includes('<p class="poster-type"><svg class="pictogram" aria-hidden="true"'), "poster type").toBe(true);
    shows(poster, "[^<]+");
    // No picture stands alone: every pictogram on these pages is aria-hidden.
    for (const page of [list, event, booking, poster]) expect(/<svg class="pictogram"(?! aria-hidden="true")/.test(page)).toBe(false);
  });
});

describe("directions", () => {
  it("links each place to a maps search for its address and postcode, with no embedded map", async () => {
    const event = await html("/events/evt_trades");
    const link = /<a href="(https:\/\/www\.google\.com\/maps\/dir\/\?api=1&amp;destination=[^"]+)" rel="noopener noreferrer">Directions to ([^<]+) in your maps app<\/a>/.exec(event);
    expect(link, "a directions link").not.toBeNull();
    const destination = decodeURIComponent(new URL(link![1]!.replaceAll("&amp;", "&")).searchParams.get("destination")!);
    expect(destination).toMatch(/, [A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/);
    expect(/<iframe|<script/.test(event)).toBe(false);
  });
});

describe("what's on, activities first", () => {
  it("folds the filters into a closed <details> after the heading, opened only when a choice needs correcting", async () => {
    const home = await html("/");
    expect(home).toContain('<details class="filters-fold"><summary>Search and filter activities</summary>');
    expect(home.indexOf('class="filters-fold"')).toBeLessThan(home.indexOf('<li class="card">'));
    const filtered = await html("/events?tag=young_parents&q=cv&lang=uk");
    expect(filtered).toContain("(вибрано 2 варіанти)");
    const res = await h.request("GET", "/events?from=nope");
    expect(await res.text()).toContain('<details class="filters-fold" open="">');
  });

  it("filters by tag and by keyword, in any language's words, and says so in five languages", async () => {
    expect(cardTitles(await html("/events?tag=women_in_trades"))).toEqual(["evt_trades"]);
    expect(cardTitles(await html("/events?tag=young_parents")).sort()).toEqual(["evt_budget_rent", "evt_cv_parents"]);
    expect(cardTitles(await html("/events?q=BRICKLAYING"))).toEqual(["evt_trades"]);
    expect(cardTitles(await html("/events?tag=neurodiverse_friendly&q=games"))).toEqual(["evt_games"]);
    // An unknown tag is ignored, not an error; a keyword matching nothing finds nothing.
    expect(cardTitles(await html("/events?tag=nothing_like_this")).length).toBeGreaterThan(3);
    expect(cardTitles(await html("/events?q=zzzz-nothing"))).toEqual([]);
    for (const locale of LOCALES) {
      const page = await html(`/events?lang=${locale}&tag=women_in_trades`);
      expect(page).toMatch(/<option value="women_in_trades" selected="">[^<]+<\/option>/);
      expect(page).toContain('<input type="search" id="q" name="q" maxlength="100"');
    }
  });

  it("keeps the list page under 60 KB in every language with its pictures", async () => {
    for (const locale of LOCALES) {
      const page = await html(`/events?lang=${locale}`);
      const bytes = new TextEncoder().encode(page).length + new TextEncoder().encode(SITE_CSS).length;
      expect(bytes, locale).toBeLessThan(60 * 1024);
    }
  });
});

describe("mentors' languages", () => {
  it("names them in the page's language, never as codes", async () => {
    for (const locale of ["pl", "ar"] as const) {
      const page = await html(`/mentoring?lang=${locale}`, aisha);
      const spoken = translator(locale).t("mentoringSpeaks", { languages: languageList(translator(locale), ["en", "pl"]) });
      expect(page.includes(spoken), `${locale}: ${spoken}`).toBe(true);
    }
  });
});
