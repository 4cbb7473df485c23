import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { seedDemoData } from "../db/seed";
import { events, sessions, youSaidWeDid } from "../db/schema";
import { createHarness, type Harness } from "../../test/support/harness";
import { LOCALES } from "../i18n";
import { CSS_PATH, SITE_CSS } from "./style";
import encodeQR from "qr";
import { qrSvg } from "./qr";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  // A session that has been cancelled and one that is over: neither may be listed.
  await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, "ses_bank_1"));
  await h.db.insert(sessions).values({ id: "ses_cv_past", eventId: "evt_cv", startsAt: Date.parse("2026-03-01T16:00:00Z"), endsAt: Date.parse("2026-03-01T17:30:00Z"), venueId: "ven_library", capacity: 12 });
  await h.db.update(sessions).set({ seatsTaken: 9 }).where(eq(sessions.id, "ses_cv_1"));
  await h.db.update(sessions).set({ seatsTaken: 8 }).where(eq(sessions.id, "ses_interview_1"));
  await h.db.update(events).set({ title: { en: "Write your first CV", pl: "Napisz swoje pierwsze CV" } }).where(eq(events.id, "evt_cv"));
  await h.db.insert(youSaidWeDid).values({ id: "ysw_1", eventId: "evt_cv", youSaid: "It was hard to hear at the back.", weDid: "We now use the hearing loop and a microphone." });
});
afterAll(() => h.close());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await h.request("GET", path, { headers });
  return { res, html: await res.text() };
};
const htmlTag = (html: string) => /<html[^>]*>/.exec(html)![0];

const PAGES = ["/", "/events", "/events?type=career_taster&age=15&access=step_free", "/events/evt_cv", "/events/evt_cv/poster", "/sign-in", "/accessibility", "/get-involved"];

describe("every page", () => {
  it.each(PAGES)("renders %s in every language with its lang and dir, a switcher and the statement link", async (path) => {
    for (const locale of LOCALES) {
      const { res, html } = await page(`${path}${path.includes("?") ? "&" : "?"}lang=${locale}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(htmlTag(html)).toContain(`lang="${locale}"`);
      expect(htmlTag(html)).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`);
      for (const other of LOCALES) expect(html).toContain(`hreflang="${other}"`);
      expect(html).toContain('href="/accessibility"');
      expect(html).toContain('<a class="skip" href="#main">');
      expect(html).toContain('<main id="main"');
    }
  });

  it.each(PAGES)("keeps %s under 60 KB of HTML and CSS in every language", async (path) => {
    for (const locale of LOCALES) {
      const { html } = await page(`${path}${path.includes("?") ? "&" : "?"}lang=${locale}`);
      const bytes = new TextEncoder().encode(html).length + new TextEncoder().encode(SITE_CSS).length;
      expect(bytes, `${path} in ${locale}`).toBeLessThan(60 * 1024);
    }
  });

  it("loads nothing from other sites and runs no script", async () => {
    const { res, html } = await page("/events/evt_cv");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\/(?!opendoor\.test)[^"]*\.(css|js|woff2?)/);
  });

  it("serves the stylesheet it links to, cacheable for a year, with A4 print rules", async () => {
    const { html } = await page("/");
    expect(html).toContain(`href="${CSS_PATH}"`);
    const res = await h.request("GET", CSS_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/css");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toContain("@page{size:A4");
  });
});

describe("language", () => {
  it("follows the browser's Accept-Language when nothing was chosen", async () => {
    const { html } = await page("/events", { "accept-language": "fr-FR, uk;q=0.9, en;q=0.5" });
    expect(htmlTag(html)).toContain('lang="uk"');
  });

  it("remembers a language chosen with ?lang= in a cookie, which then beats the browser's", async () => {
    const { res } = await page("/events?lang=ro");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lang="))!;
    expect(cookie).toMatch(/^lang=ro;.*Max-Age=31536000/);
    expect(cookie).toContain("SameSite=Lax");
    const { html } = await page("/events/evt_cv", { cookie: "lang=ro", "accept-language": "pl" });
    expect(htmlTag(html)).toContain('lang="ro"');
  });

  it("ignores a language it does not have", async () => {
    const { res, html } = await page("/events?lang=xx", { "accept-language": "de" });
    expect(htmlTag(html)).toContain('lang="en"');
    expect(res.headers.getSetCookie().some((c) => c.startsWith("lang="))).toBe(false);
  });

  it("lays Arabic out right to left", async () => {
    const { html } = await page("/events?lang=ar");
    expect(htmlTag(html)).toContain('dir="rtl"');
  });

  it("links each language from the page you are on, keeping your filters", async () => {
    const { html } = await page("/events?type=budgeting&age=17");
    expect(html).toContain('href="/events?type=budgeting&amp;age=17&amp;lang=pl"');
  });

  it("shows an activity's own translation, and marks English text shown in its place", async () => {
    const pl = (await page("/events/evt_cv?lang=pl")).html;
    expect(pl).toContain("<span>Napisz swoje pierwsze CV</span>");
    expect(pl).toContain('<p lang="en" dir="ltr">Bring what you have');
    const uk = (await page("/events/evt_cv?lang=uk")).html;
    expect(uk).toContain('<span lang="en" dir="ltr">Write your first CV</span>');
  });
});

describe("display options", () => {
  it("turns on larger text and high contrast with plain links, remembered in cookies", async () => {
    const { html: before } = await page("/events");
    expect(before).toContain('href="/events?text=large"');
    expect(before).toContain('href="/events?contrast=high"');
    const { res, html } = await page("/events?text=large");
    expect(htmlTag(html)).toContain('class="text-large"');
    expect(res.headers.getSetCookie().some((c) => c.startsWith("text=large;"))).toBe(true);
    const { html: later } = await page("/sign-in", { cookie: "text=large; contrast=high" });
    expect(htmlTag(later)).toContain('class="text-large contrast-high"');
    expect(later).toContain('href="/sign-in?text=standard"');
    const { html: off } = await page("/sign-in?contrast=standard", { cookie: "text=large; contrast=high" });
    expect(htmlTag(off)).toContain('class="text-large"');
  });
});

describe("what's on", () => {
  const titles = (html: string) => [...html.matchAll(/<h3><a href="\/events\/(evt_[a-z_]+)">/g)].map((m) => m[1]!);
  const all = async (query: string) => {
    const ids: string[] = [];
    for (let p = 1; p < 10; p++) {
      const { html } = await page(`/events?${query}&page=${p}`);
      ids.push(...titles(html));
      if (!html.includes(">Next page<")) break;
    }
    return ids;
  };

  it("lists future scheduled sessions only, soonest first, grouped by activity", async () => {
    const ids = await all("");
    expect(ids[0]).toBe("evt_stories"); // 4 March, the earliest
    expect(ids).not.toContain("evt_bank"); // its only session was cancelled
    expect(new Set(ids).size).toBe(ids.length);
    const { html } = await page("/events/evt_cv");
    expect(html).not.toContain("Sunday 1 March");
  });

  it("pages by activity: every matching activity once, as many as the heading says", async () => {
    const { html } = await page("/events");
    const total = Number(/(\d+) activities found/.exec(html)![1]);
    const ids = await all("");
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it("shows a weekly activity running all year as one card with its next dates", async () => {
    await h.db.insert(events).values({ id: "evt_weekly", type: "community_event", title: { en: "Weekly youth club" }, description: { en: "Every week." }, hostOrganisationId: "org_library" });
    const first = Date.parse("2026-03-03T18:00:00Z");
    await h.db.insert(sessions).values(
      Array.from({ length: 52 }, (_, i) => ({ id: `ses_weekly_${i}`, eventId: "evt_weekly", startsAt: first + i * 7 * 86_400_000, endsAt: first + i * 7 * 86_400_000 + 3_600_000, venueId: "ven_library", capacity: 20 })),
    );
    const { html } = await page("/events?type=community_event");
    expect(titles(html)).toEqual(["evt_weekly", "evt_games", "evt_fair", "evt_january"]);
    expect(html).toContain("and 49 more dates");
    expect(html).toContain("4 activities found");
    await h.db.delete(sessions).where(eq(sessions.eventId, "evt_weekly"));
  });

  it("shows places left as capacity minus seats taken, and full sessions as full", async () => {
    const { html } = await page("/events/evt_cv");
    expect(html).toContain("3 places left");
    const { html: full } = await page("/events/evt_interview");
    expect(full).toContain("Full: you can join the waiting list");
  });

  it("filters by type", async () => {
    const ids = await all("type=budgeting");
    expect(ids.sort()).toEqual(["evt_budget", "evt_budget_rent"]);
  });

  it("filters by age", async () => {
    const ids = await all("age=12");
    expect(ids).toContain("evt_bookclub");
    expect(ids).not.toContain("evt_trades"); // 14 to 19
    expect(ids).not.toContain("evt_cv"); // 14 to 25
  });

  it("filters by a date range in London time, both ends included", async () => {
    // 5 March: CV workshop at 16:00; 6 March: none; 7 March: budgeting at 16:00 and games at 18:00.
    expect(await all("from=2026-03-05&to=2026-03-05")).toEqual(["evt_cv"]);
    const week = await all("from=2026-03-05&to=2026-03-08");
    expect(week).toContain("evt_cv");
    expect(week).not.toContain("evt_stories"); // 4 March and 11 March
  });

  it("filters by access needs, of the venue and of the activity", async () => {
    const stepFree = await all("access=step_free");
    expect(stepFree).not.toContain("evt_cv_parents"); // St Mark's has steps
    expect(stepFree).toContain("evt_interview_online"); // online needs no building
    const bsl = await all("access=bsl");
    expect(bsl.sort()).toEqual(["evt_fair", "evt_music", "evt_nhs"]);
    expect(await all("access=bsl&access=quiet_room&type=intergenerational")).toEqual(["evt_music"]);
  });

  it("says so when nothing matches", async () => {
    const { html } = await page("/events?type=budgeting&access=bsl");
    expect(html).toContain("0 activities found");
    expect(html).toContain("Nothing matches your choices.");
  });

  it("explains bad filter values next to their fields, and still lists what it can", async () => {
    const { res, html } = await page("/events?from=soon&age=40&type=budgeting");
    expect(res.status).toBe(400);
    expect(html).toContain('<div class="summary" role="alert"');
    expect(html).toContain('<a href="#from">Enter a date like 2026-03-21</a>');
    expect(html).toContain('<a href="#age">Enter an age from 11 to 25</a>');
    expect(html).toMatch(/id="age"[^>]*aria-describedby="age-hint age-error"[^>]*aria-invalid="true"/);
    expect(html).toContain("2 activities found");
  });

  it("keeps the filter form filled in with what was chosen", async () => {
    const { html } = await page("/events?type=budgeting&age=17&access=quiet_room");
    expect(html).toContain('<option value="budgeting" selected="">');
    expect(html).toContain('value="17"');
    expect(html).toMatch(/id="access-quiet_room"[^>]*checked/);
  });
});

describe("event page", () => {
  it("says when in London time, in plain words", async () => {
    const { html } = await page("/events/evt_cv");
    expect(html).toContain("Thursday 5 March, 4:00pm to 5:30pm");
    // After the clocks change: 16:00 London is 15:00 UTC.
    const { html: stories } = await page("/events/evt_stories");
    expect(stories).toContain("Wednesday 1 April, 3:00pm to 4:00pm");
    expect(stories).toContain('datetime="2026-04-01T14:00:00.000Z"');
  });

  it("gives each place's access facts, what it lacks, and how to get there", async () => {
    const { html } = await page("/events/evt_cv_parents");
    expect(html).toContain("St Mark&#39;s Church Hall");
    expect(/<li><span class="picto"><svg class="pictogram" aria-hidden="true"(?:(?!<\/svg>).)*<\/svg><span>Hearing loop<\/span><\/span><\/li>/.test(html), "hearing loop with its pictogram").toBe(true);
    expect(html).toContain("Directions to St Mark&#39;s Church Hall in your maps app");
    expect(html).toContain("Not available: step-free access, accessible toilet, disabled parking");
    expect(html).toContain("Three steps at the entrance; a portable ramp is available on request.");
  });

  it("shows the 'you said, we did' notes", async () => {
    const { html } = await page("/events/evt_cv");
    expect(html).toContain("You said, we did");
    expect(html).toContain("It was hard to hear at the back.");
    expect(html).toContain("We now use the hearing loop and a microphone.");
  });

  it("marks a note written in another language than the page with its lang (and dir for Arabic)", async () => {
    await h.db.insert(youSaidWeDid).values([
      { id: "ysw_pl", eventId: "evt_music", youSaid: "Za mało czasu na piosenki.", weDid: "Spotkanie trwa teraz dwie godziny.", locale: "pl" },
      { id: "ysw_ar", eventId: "evt_music", youSaid: "كانت الغرفة باردة.", weDid: "نشغّل التدفئة قبل البدء.", locale: "ar" },
    ]);
    const inPage = async (lang: string) => (await page(`/events/evt_music?lang=${lang}`)).html;
    const english = await inPage("en");
    expect(english).toContain('<bdi lang="pl" dir="ltr">Za mało czasu na piosenki.</bdi>');
    expect(english).toContain('<bdi lang="ar" dir="rtl">نشغّل التدفئة قبل البدء.</bdi>');
    const polish = await inPage("pl");
    expect(polish).toContain("<bdi>Za mało czasu na piosenki.</bdi>");
    expect(polish).toContain('<bdi lang="ar" dir="rtl">كانت الغرفة باردة.</bdi>');
    const arabic = await inPage("ar");
    expect(arabic).toContain('<bdi lang="pl" dir="ltr">Spotkanie trwa teraz dwie godziny.</bdi>');
    expect(arabic).toContain("<bdi>كانت الغرفة باردة.</bdi>");
    // A note from before notes had a language is English, and marked so on other pages.
    expect((await page("/events/evt_cv?lang=uk")).html).toContain('<bdi lang="en" dir="ltr">It was hard to hear at the back.</bdi>');
  });

  it("does not show an online link before booking", async () => {
    const { html } = await page("/events/evt_interview_online");
    expect(html).not.toContain("meet.example");
    expect(html).toContain("The link is sent to you when you book.");
  });

  it("answers an unknown activity with a 404 page in the person's language", async () => {
    const { res, html } = await page("/events/evt_missing?lang=pl");
    expect(res.status).toBe(404);
    expect(htmlTag(html)).toContain('lang="pl"');
  });

  it("escapes text written by people", async () => {
    await h.db.insert(youSaidWeDid).values({ id: "ysw_xss", eventId: "evt_garden", youSaid: "<script>alert(1)</script>", weDid: "ok" });
    const { html } = await page("/events/evt_garden");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("get involved (co-production)", () => {
  const CO_PRODUCTION = ["evt_youth_board", "evt_inspectors", "evt_codesign"];
  const titles = (html: string) => [...html.matchAll(/<h3><a href="\/events\/(evt_[a-z_]+)">/g)].map((m) => m[1]!);

  it("lists the upcoming co-production events only, soonest first, each linking to its bookable page", async () => {
    const { res, html } = await page("/get-involved");
    expect(res.status).toBe(200);
    expect(titles(html)).toEqual(["evt_youth_board", "evt_inspectors", "evt_codesign"]);
    expect(html).toContain("Youth advisory board");
    expect(html).toContain("Young inspectors");
    expect(html).toContain("Co-design workshops");
    const event = await page("/events/evt_youth_board");
    expect(event.html).toContain('href="/sessions/ses_youth_board_1/book"');
  });

  it("says so, and offers the feedback form, when nothing is planned", async () => {
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.eventId, "evt_codesign"));
    try {
      const { html } = await page("/get-involved?lang=pl");
      expect(titles(html)).toEqual(["evt_youth_board", "evt_inspectors"]);
      await h.db.update(sessions).set({ status: "cancelled" }).where(inArray(sessions.eventId, CO_PRODUCTION));
      const empty = await page("/get-involved?lang=pl");
      expect(titles(empty.html)).toEqual([]);
      expect(empty.html).toContain("Na razie nic nie jest zaplanowane");
      expect(empty.html).toContain('href="/feedback?from=%2Fget-involved"');
    } finally {
      await h.db.update(sessions).set({ status: "scheduled" }).where(inArray(sessions.eventId, CO_PRODUCTION));
    }
  });

  it("is linked from every page's footer, and the events filter and the API take the type", async () => {
    for (const locale of LOCALES) expect((await page(`/events?lang=${locale}`)).html).toContain('href="/get-involved"');
    const filtered = await page("/events?type=co_production");
    expect(titles(filtered.html)).toEqual(CO_PRODUCTION);
    expect(filtered.html).toContain('<option value="co_production" selected="">Get involved</option>');
    const api = (await (await h.request("GET", "/api/v1/events?type=co_production")).json()) as { items: { id: string; type: string }[] };
    expect(api.items.map((e) => e.id).sort()).toEqual([...CO_PRODUCTION].sort());
    expect(api.items.every((e) => e.type === "co_production")).toBe(true);
  });

  it("books a place on a co-production session like on any activity", async () => {
    const token = await h.tokenFor("board-member@example.org", { dateOfBirth: "2008-05-01", isYoungPerson: true });
    const res = await h.request("POST", "/api/v1/sessions/ses_youth_board_1/bookings", { token, body: {} });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { status: string }).status).toBe("confirmed");
    expect((await page("/get-involved")).html).toContain("14 places left");
  });
});

describe("poster", () => {
  it("prints the title, next date and a QR code for the event page", async () => {
    const { res, html } = await page("/events/evt_trades/poster");
    expect(res.status).toBe(200);
    expect(html).toContain("Try a trade: bricklaying and carpentry");
    expect(html).toContain("Sunday 8 March, 10:00am to 1:00pm");
    const url = "https://opendoor.test/events/evt_trades";
    expect(html).toContain(qrSvg(url, `QR code linking to ${url}`));
    expect(html).toContain(`<span dir="ltr">${url}</span>`);
  });

  it("draws exactly the modules of the QR matrix for the address", () => {
    const url = "https://opendoor.test/events/evt_trades";
    const svg = qrSvg(url, "label");
    const data = encodeQR(url, "raw", { ecc: "medium", border: 4 });
    const size = data.length;
    const drawn = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
      for (let i = 0; i < Number(w); i++) drawn[Number(y)]![Number(x) + i] = true;
    }
    expect(drawn).toEqual(data);
  });

  it("draws a QR code that changes with the address it encodes", () => {
    const a = qrSvg("https://opendoor.test/events/evt_a", "a");
    const b = qrSvg("https://opendoor.test/events/evt_b", "a");
    expect(a).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1" role="img" aria-label="a"/);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThan(8000);
  });
});

describe("accessibility statement", () => {
  it("covers what works, the known limits, how to report a problem and enforcement", async () => {
    const { html } = await page("/accessibility");
    for (const part of ["How accessible this website is", "Reporting accessibility problems", "Enforcement procedure", "Equality Advisory and Support Service", "WCAG", "2.2", "accessibility@opendoor.example"]) {
      expect(html).toContain(part);
    }
  });
});
