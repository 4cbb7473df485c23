// The website in a real browser: Debian's Chromium driven by playwright-core, every page type
// in every language scanned by axe against WCAG 2.2 AA, a keyboard-only flow, and screenshots.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, devMailbox, recordShares, directoryServices, outbox, people, sessions, youSaidWeDid } from "../../src/db/schema";
import { sha256Hex } from "../../src/lib/crypto";
import { LOCALES } from "../../src/i18n";
import { CHROMIUM, CHROMIUM_ARGS, emailedLink as linkFor, haveChromium, signedInLanding, signIn as signInAs, startSite, type Site } from "../support/browser";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SHOTS = join(process.cwd(), "test-results", "screenshots");
const YOUNG_PERSON = "aisha@example.com";
/** A consent link made in beforeAll, so every language can scan the guardian's page. */
const CONSENT_TOKEN = "browser-consent-token-for-axe-scans";
/** A share link to Jordan's demo record (issue #17), for the shared record page's scans. */
const RECORD_TOKEN = "browser-record-token-for-axe-scans";
/** A consent link already answered yes (issue #14): the decision page, with its withdraw button. */
const ANSWERED_TOKEN = "browser-answered-consent-token-for-axe";
/** The one-time link of a feedback invitation (issue #14), for the feedback page's scans. */
const FEEDBACK_TOKEN = "browser-feedback-token-for-axe-scans";

describe.skipIf(!haveChromium())("the website in Chromium", () => {
  let site: Site;
  let server: Site["server"];
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    site = await startSite("browser");
    ({ server, base } = site);
    const now = Date.now();
    await server.deps.db.insert(youSaidWeDid).values({
      id: "ysw_browser",
      eventId: "evt_stories",
      youSaid: "The room was too noisy when everyone talked at once.",
      weDid: "We now split into two smaller circles, and the quiet room is open.",
      createdAt: now,
    });
    // A 12-year-old's booking waiting for a parent or carer, for the consent page's scans.
    await server.deps.db.insert(people).values({ id: "per_browser_sam", email: "sam.consent@example.com", displayName: "Sam", isYoungPerson: true, dateOfBirth: "2014-02-01" });
    const [stories] = await server.deps.db.select().from(sessions).where(eq(sessions.id, "ses_stories_8"));
    await server.deps.db.insert(bookings).values({
      id: "bkg_browser_consent",
      kind: "individual",
      sessionId: stories!.id,
      personId: "per_browser_sam",
      status: "pending_consent",
      startsAt: stories!.startsAt,
      endsAt: stories!.endsAt,
      ticketCode: "SAMSA-MSAMS",
      guardianEmail: "sams.parent@example.com",
      consentTokenHash: await sha256Hex(CONSENT_TOKEN),
      holdExpiresAt: now + 40 * 3600_000,
      accessNeeds: "A quiet space",
    });
    await server.deps.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, stories!.id));
    await server.deps.db.insert(recordShares).values({ id: "rsh_browser", personId: "per_demo_jordan", tokenHash: await sha256Hex(RECORD_TOKEN) });
    // Sam's parent said yes to another date, and Sam went to a third: the decision and feedback pages.
    const [cv2] = await server.deps.db.select().from(sessions).where(eq(sessions.id, "ses_cv_2"));
    const [stories7] = await server.deps.db.select().from(sessions).where(eq(sessions.id, "ses_stories_7"));
    await server.deps.db.insert(bookings).values([
      {
        id: "bkg_browser_answered",
        kind: "individual",
        sessionId: cv2!.id,
        personId: "per_browser_sam",
        status: "confirmed",
        startsAt: cv2!.startsAt,
        endsAt: cv2!.endsAt,
        ticketCode: "SAMYE-SSAMS",
        guardianEmail: "sams.parent@example.com",
        consentTokenHash: await sha256Hex(ANSWERED_TOKEN),
      },
      {
        id: "bkg_browser_feedback",
        kind: "individual",
        sessionId: stories7!.id,
        personId: "per_browser_sam",
        status: "attended",
        startsAt: stories7!.startsAt,
        endsAt: stories7!.endsAt,
        ticketCode: "SAMFE-EDBAK",
        feedbackTokenHash: await sha256Hex(FEEDBACK_TOKEN),
      },
    ]);
    await server.deps.db.update(sessions).set({ seatsTaken: cv2!.seatsTaken + 1 }).where(eq(sessions.id, cv2!.id));
    await server.deps.db.update(sessions).set({ seatsTaken: stories7!.seatsTaken + 1 }).where(eq(sessions.id, stories7!.id));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function contextIn(locale: string, options: { largeText?: boolean; highContrast?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const cookies = [{ name: "lang", value: locale, url: base }];
    if (options.largeText) cookies.push({ name: "text", value: "large", url: base });
    if (options.highContrast) cookies.push({ name: "contrast", value: "high", url: base });
    await context.addCookies(cookies);
    return context;
  }

  async function expectNoViolations(page: Page, label: string) {
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found, `axe on ${label}`).toEqual([]);
    return result.passes.length;
  }

  const signIn = (page: Page, email: string) => signInAs(site, page, email);
  const emailedLink = (email: string) => linkFor(site, email);

  /** Keyboard only: what has focus, and Tab until the wanted element has it. */
  function keyboardOn(page: Page) {
    // Page scripts are strings: the test program is typed for Node and Workers, not the DOM.
    const focused = () =>
      page.evaluate<{ id: string; tag: string; text: string; href: string }>(
        `(() => { const a = document.activeElement; return { id: a?.id ?? "", tag: a?.tagName ?? "", text: a?.innerText ?? "", href: a?.getAttribute("href") ?? "" }; })()`,
      );
    const tabUntil = async (test: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        const f = await focused();
        if (test(f)) return f;
      }
      throw new Error("never reached the element with Tab");
    };
    return { focused, tabUntil };
  }

  it("signs in by email link, lands on My bookings, and lists a booking", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await signIn(page, YOUNG_PERSON);
    expect(await page.locator("h1").innerText()).toBe("Sign in to Open Door");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    expect(await page.locator("main").innerText()).toContain("You have no bookings yet.");
    const [session] = await server.deps.db.select().from(sessions).where(eq(sessions.id, "ses_cv_1"));
    await server.deps.db.insert(bookings).values({
      id: "bkg_browser",
      kind: "individual",
      sessionId: session!.id,
      personId: "per_demo_aisha",
      status: "confirmed",
      startsAt: session!.startsAt,
      endsAt: session!.endsAt,
      ticketCode: "ABCDE-FGHIJ",
    });
    await page.reload();
    expect(await page.locator("main").innerText()).toContain("Write your first CV");
    await context.close();
  });

  it.each(LOCALES)("has no WCAG 2.2 AA violations on any page type in %s", async (locale) => {
    const context = await contextIn(locale);
    const page = await context.newPage();
    const pages: [string, string][] = [
      ["home", "/"],
      ["events-filtered", "/events?type=career_taster&age=16&access=step_free&tag=women_in_trades&q=trade"],
      ["events-none", "/events?type=budgeting&access=bsl&access=hearing_loop"],
      ["events-error", "/events?from=nope&age=99"],
      ["event", "/events/evt_stories"],
      ["event-online", "/events/evt_interview_online"],
      ["poster", "/events/evt_trades/poster"],
      ["sign-in", "/sign-in"],
      ["link-invalid", "/sign-in/not-a-real-token"],
      ["accessibility", "/accessibility"],
      ["record-shared", `/record/${RECORD_TOKEN}`],
      ["not-found", "/events/evt_nothing_here"],
      ["join", "/join"],
      ["error-unknown-address", "/no-such-page"],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
      await expectNoViolations(page, `${name} (${locale})`);
      if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `${name}-${locale}.png`), fullPage: true });
    }
    // Pages reached by posting forms: an invalid email, then a valid one.
    await page.goto(`${base}/sign-in`);
    await page.fill("#email", "not an email");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/sign-in'] button")]);
    expect(await page.getAttribute("#email", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `sign-in error (${locale})`);
    // Joining: a date of birth outside 11-25 is explained beside the field (nothing stored).
    await page.goto(`${base}/join`);
    await page.fill("#displayName", "Test");
    await page.fill("#dateOfBirth", "2020-01-01");
    await page.fill("#email", `too-young-${locale}@example.com`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/join'] button")]);
    expect(await page.getAttribute("#dateOfBirth", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `join refused (${locale})`);
    if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `join-refused-${locale}.png`), fullPage: true });
    const link = await signIn(page, YOUNG_PERSON);
    await expectNoViolations(page, `sign-in link page (${locale})`);
    expect(page.url()).toBe(link);
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await expectNoViolations(page, `my bookings (${locale})`);
    if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `my-${locale}.png`), fullPage: true });

    // The people pages: booking form, booking page with ticket, a refusal, cancel step,
    // calendar feed, mentoring, and the guardian's consent pages.
    const shoot = async (name: string) => {
      await expectNoViolations(page, `${name} (${locale})`);
      if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `${name}-${locale}.png`), fullPage: true });
    };
    const sessionId = `ses_stories_${LOCALES.indexOf(locale) + 1}`;
    await page.goto(`${base}/sessions/${sessionId}/book`);
    await shoot("book");
    await page.fill("#accessNeeds", "Ear defenders");
    await Promise.all([page.waitForURL(/\/bookings\/bkg_/), page.click("main form button")]);
    expect(await page.locator(".ticket svg").isVisible()).toBe(true);
    const bookingUrl = page.url();
    await shoot("booking");
    await page.goto(`${base}/sessions/${sessionId}/book`);
    await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
    expect(await page.locator(".summary").isVisible()).toBe(true);
    await shoot("book-refused");
    await page.goto(`${bookingUrl}/cancel`);
    await shoot("booking-cancel");
    await page.goto(`${base}/my`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/my/calendar-feed'] button")]);
    await shoot("calendar-feed");
    await page.goto(`${base}/my/data`);
    await shoot("your-data");
    await page.goto(`${base}/my/record`);
    await shoot("my-record");
    await page.goto(`${base}/my/data/delete`);
    await shoot("delete-account");
    await page.goto(`${base}/my/data/deleted`);
    await shoot("account-deleted");
    await page.goto(`${base}/mentoring`);
    await shoot("mentoring");
    await page.goto(`${base}/mentoring-slots/slt_dee_2/book`);
    await shoot("mentoring-book");
    await page.goto(`${base}/bookings/bkg_browser_consent`);
    await shoot("booking-not-yours");
    await page.goto(`${base}/consent/${CONSENT_TOKEN}`);
    await shoot("consent");
    await page.goto(`${base}/consent/not-a-real-token`);
    await shoot("consent-invalid");
    // Issue #14: the used link shows the decision (and withdraws a yes); the feedback page from
    // the invitation's link, and its error state (nothing is sent, so every language sees the form).
    await page.goto(`${base}/consent/${ANSWERED_TOKEN}`);
    expect(await page.locator("button[value='withdraw']").isVisible()).toBe(true);
    await shoot("consent-answer");
    await page.goto(`${base}/bookings/bkg_browser_feedback/feedback?t=${FEEDBACK_TOKEN}`);
    await shoot("feedback");
    await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
    expect(await page.locator(".summary").isVisible()).toBe(true);
    await shoot("feedback-error");
    await context.close();
  });

  /** Bookings, a session starting soon and a failed email, so every staff page has something to show. */
  async function staffFixtures() {
    const db = server.deps.db;
    const [cv] = await db.select().from(sessions).where(eq(sessions.id, "ses_cv_1"));
    const soon = Date.now() + 60 * 60_000;
    await db
      .insert(sessions)
      .values({ id: "ses_browser_soon", eventId: "evt_cv", startsAt: soon, endsAt: soon + 90 * 60_000, venueId: "ven_library", capacity: 12, seatsTaken: 1, createdAt: Date.now(), updatedAt: Date.now() })
      .onConflictDoNothing();
    const base = { status: "confirmed" as const, createdAt: Date.now() };
    await db
      .insert(bookings)
      .values([
        { ...base, id: "bkg_browser_kuba", kind: "individual", sessionId: "ses_cv_1", personId: "per_demo_kuba", startsAt: cv!.startsAt, endsAt: cv!.endsAt, ticketCode: "KUBAA-12345", accessNeeds: "A quiet seat" },
        { ...base, id: "bkg_browser_group", kind: "group", sessionId: "ses_cv_1", organisationId: "org_riverside", personId: "per_riverside_staff", pupils: 10, staff: 1, seats: 11, startsAt: cv!.startsAt, endsAt: cv!.endsAt, ticketCode: "GROUP-12345", roster: ["Amira K"] },
        { ...base, id: "bkg_browser_soon", kind: "individual", sessionId: "ses_browser_soon", personId: "per_demo_olena", startsAt: soon, endsAt: soon + 90 * 60_000, ticketCode: "OLENA-54321" },
      ])
      .onConflictDoNothing();
    await db.insert(outbox).values({ id: "out_browser_failed", template: "booking_confirmed", toEmail: "typo@exmaple.com", payload: { bookingId: "bkg_browser_kuba" }, status: "failed", attempts: 8, lastError: "550 mailbox unavailable" }).onConflictDoNothing();
  }

  // The directory's pages in a test of their own, so the page-type scan above keeps its time.
  it.each(LOCALES)("has no WCAG 2.2 AA violations on the directory's page types in %s", async (locale) => {
    const context = await contextIn(locale);
    const page = await context.newPage();
    const pages: [string, string][] = [
      ["directory", "/directory"],
      ["directory-filtered", "/directory?category=food&stepFree=true&language=pl"],
      ["directory-service", "/directory/services/dsv_foodbank"],
      ["directory-posters", "/directory/posters"],
      ["directory-poster", "/directory/posters/cat-food-a4"],
      ["directory-card", "/directory/posters/ven-ven_familyhub-card"],
      ["feedback-form", "/feedback?from=%2Fdirectory"],
      ["you-said-we-did", "/you-said-we-did"],
      ["venue-today", "/venues/ven_stmarks/today"],
      ["family-event", "/events/evt_january"],
      ["get-involved", "/get-involved"],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      await expectNoViolations(page, `${name} (${locale})`);
      if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `${name}-${locale}.png`), fullPage: true });
    }
    await signIn(page, "coordinator@opendoor.example");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await page.goto(`${base}/coordinator/directory`);
    await expectNoViolations(page, `directory-review (${locale})`);
    await page.goto(`${base}/directory/services/dsv_foodbank/suggest`);
    await expectNoViolations(page, `directory-suggest (${locale})`);
    await page.goto(`${base}/coordinator/feedback?status=new`);
    await expectNoViolations(page, `feedback-inbox (${locale})`);
    await page.goto(`${base}/sessions/ses_january_1/household`);
    await expectNoViolations(page, `household-booking (${locale})`);
    await context.close();
  });

  // The coordinators' administration pages (issue #15), in English and Arabic (right to left).
  it.each(["en", "ar"])("has no WCAG 2.2 AA violations on the coordinators' administration pages in %s", async (locale) => {
    await staffFixtures();
    const context = await contextIn(locale);
    const page = await context.newPage();
    await signIn(page, "coordinator@opendoor.example");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    const pages: [string, string][] = [
      ["admin-venues", "/coordinator/venues"],
      ["admin-venue", "/coordinator/venues/ven_oakhouse"],
      ["admin-organisations", "/coordinator/organisations"],
      ["admin-organisation", "/coordinator/organisations/org_riverside"],
      ["admin-mentors", "/coordinator/mentors"],
      ["admin-audit", "/coordinator/audit"],
      ["admin-downloads", "/coordinator/downloads"],
      ["dashboard", "/coordinator/dashboard"],
    ];
    for (const [name, path] of pages) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
      await expectNoViolations(page, `${name} (${locale})`);
      if (name === "dashboard" || name === "admin-organisation") await page.screenshot({ path: join(SHOTS, `${name}-${locale}.png`), fullPage: true });
    }
    // Refusals next to their fields: a venue with a bad postcode, a DBS check dated tomorrow.
    await page.goto(`${base}/coordinator/venues`);
    await page.fill("#name", "Nowhere Hall");
    await page.fill("#address", "1 Road");
    await page.fill("#postcode", "not a postcode");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/coordinator/venues'] button")]);
    expect(await page.getAttribute("#postcode", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `admin-venue error (${locale})`);
    // A key made: shown once, in a page of its own.
    await page.goto(`${base}/coordinator/organisations/org_riverside`);
    await page.fill("#keyName", `Browser ${locale}`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/api-keys'] button")]);
    expect(await page.locator(".secret").isVisible()).toBe(true);
    await expectNoViolations(page, `admin-key-shown (${locale})`);
    await context.close();
  });

  // The host partner area (issue #15): Oak House signs in, opens its area and today's register,
  // checks a young visitor in by name, undoes it, checks in by code and closes the register.
  it.each(["en", "ar"])("has no WCAG 2.2 AA violations in the host partner area in %s", async (locale) => {
    const context = await contextIn(locale);
    const page = await context.newPage();
    await signIn(page, "activities@oakhouse.example");
    await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
    // Signing in lands on the partner area (staff/areas.ts landingFor).
    expect(new URL(page.url()).pathname).toBe("/host/org_oakhouse");
    const register = "/host/org_oakhouse/sessions/ses_music_today";
    for (const [name, path] of [
      ["host-home", "/host/org_oakhouse"],
      ["host-dashboard", "/host/org_oakhouse/dashboard"],
      ["host-register", register],
      ["host-check-in", `${register}/check-in`],
    ] as const) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
      await expectNoViolations(page, `${name} (${locale})`);
      await page.screenshot({ path: join(SHOTS, `${name}-${locale}.png`), fullPage: true });
    }
    await page.goto(`${base}${register}`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/check-in'] button")]);
    expect(await page.locator("[role=status]").count()).toBeGreaterThan(0);
    await expectNoViolations(page, `host-checked-in (${locale})`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/undo'] button")]);
    await expectNoViolations(page, `host-undone (${locale})`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/close'] button")]);
    await expectNoViolations(page, `host-closed (${locale})`);
    await context.close();
  });

  // The timebank (issue #17): one page of each type, in every language. A coordinator reaches
  // the host's contributors and offers, the ledger, a correction and a school's careers
  // evidence; Jordan (the demo's young person with hours) their own hours and offers.
  it.each(LOCALES)("has no WCAG 2.2 AA violations on the timebank pages in %s", async (locale) => {
    const context = await contextIn(locale);
    const page = await context.newPage();
    const scan = async (pages: [string, string][]) => {
      for (const [name, path] of pages) {
        const res = await page.goto(`${base}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
        await expectNoViolations(page, `${name} (${locale})`);
        if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `${name}-${locale}.png`), fullPage: true });
      }
    };
    await signIn(page, "coordinator@opendoor.example");
    await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
    await scan([
      ["timebank-ledger", "/coordinator/timebank"],
      ["timebank-reverse", "/coordinator/timebank/entries/tbe_demo_demo_dee"],
      ["timebank-contributors", "/host/org_oakhouse/sessions/ses_past_garden/contributors"],
      ["timebank-offers", "/host/org_northbuild/offers"],
      ["timebank-careers", "/schools/org_riverside/careers"],
    ]);
    await signIn(page, "jordan@example.com");
    await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
    await scan([["timebank-mine", "/my/timebank"]]);
    await context.close();
  });

  it.each(LOCALES)("has no WCAG 2.2 AA violations on any staff page type in %s", async (locale) => {
    await staffFixtures();
    const context = await contextIn(locale);
    const page = await context.newPage();
    const scan = async (pages: [string, string][]) => {
      for (const [name, path] of pages) {
        const res = await page.goto(`${base}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
        await expectNoViolations(page, `${name} (${locale})`);
        expect((await res!.body()).length, `${path} size`).toBeLessThan(60 * 1024);
        if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `staff-${name}-${locale}.png`), fullPage: true });
      }
    };
    // School staff: their landing page and the school area with its booking form.
    await signIn(page, "j.khan@riverside.example");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await scan([
      ["staff-school", "/staff"],
      ["school", "/schools/org_riverside"],
      ["group-change", "/schools/org_riverside/groups/bkg_browser_group"],
      ["group-cancel", "/schools/org_riverside/groups/bkg_browser_group/cancel"],
    ]);
    await page.goto(`${base}/schools/org_riverside`);
    await page.selectOption("#sessionId", "ses_budget_1");
    await page.fill("#pupils", "0");
    await page.fill("#roster", "amira");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/groups'] button")]);
    expect(await page.getAttribute("#pupils", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#roster", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `school error (${locale})`);
    // A coordinator: every other area.
    await signIn(page, "coordinator@opendoor.example");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await scan([
      ["staff", "/staff"],
      ["employer", "/employers/org_northbuild"],
      ["mentor-slots", "/employers/org_northbuild/mentors/mtr_dee"],
      ["coordinator", "/coordinator"],
      ["coordinator-event", "/coordinator/events/evt_cv"],
      ["attendance", "/coordinator/sessions/ses_cv_1"],
      ["check-in", "/coordinator/sessions/ses_cv_1/check-in"],
      ["failed-emails", "/coordinator/emails"],
      ["safeguarding", "/coordinator/safeguarding"],
      ["session-change", "/coordinator/sessions/ses_cv_1/change"],
      ["session-cancel", "/coordinator/sessions/ses_cv_1/cancel"],
      ["event-change", "/coordinator/events/evt_cv/change"],
      ["slot-change", "/employers/org_northbuild/slots/slt_dee_2"],
    ]);
    // A session change refused: the end before the start, named next to the field.
    await page.goto(`${base}/coordinator/sessions/ses_cv_1/change`);
    await page.fill("#endTime", "00:30");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/change'] button")]);
    expect(await page.getAttribute("#endTime", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `session change error (${locale})`);
    // Pages reached by posting forms: refusals shown next to their fields.
    await page.goto(`${base}/employers/org_northbuild`);
    await page.fill("#email", "not an email");
    await Promise.all([page.waitForLoadState("load"), page.click("form[action$='/mentors'] button")]);
    expect(await page.getAttribute("#email", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `employer error (${locale})`);
    await page.goto(`${base}/coordinator`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/coordinator/events'] button")]);
    expect(await page.getAttribute("#title", "aria-invalid")).toBe("true");
    await expectNoViolations(page, `coordinator error (${locale})`);
    // A coordinator's account cannot be deleted (erasePerson): the refusal is a page of its own.
    await page.goto(`${base}/my/data/delete`);
    await Promise.all([page.waitForLoadState("load"), page.click("form[action='/my/data/delete'] button")]);
    expect(page.url()).toBe(`${base}/my/data/delete`);
    await expectNoViolations(page, `delete refused (${locale})`);
    await page.goto(`${base}/coordinator/sessions/ses_cv_1/check-in`);
    await page.fill("#ticketCode", "NOPE-NOPE");
    await Promise.all([page.waitForLoadState("load"), page.click("#check-in button[type=submit]")]);
    await expectNoViolations(page, `check-in refused (${locale})`);
    if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `staff-check-in-refused-${locale}.png`), fullPage: true });
    await context.close();
  });

  it("lets a coordinator check someone in by typing their ticket code, with the scanner script allowed and no CSP errors", async () => {
    await staffFixtures();
    const context = await contextIn("en");
    const page = await context.newPage();
    const problems: string[] = [];
    // (Chromium also asks for /favicon.ico, which the site does not have: not a problem here.)
    page.on("console", (m) => m.type() === "error" && /Content Security Policy|Refused/i.test(m.text()) && problems.push(m.text()));
    const scripts: number[] = [];
    page.on("response", (r) => r.url().includes("/assets/check-in.") && scripts.push(r.status()));
    page.on("pageerror", (e) => problems.push(e.message));
    await signIn(page, "coordinator@opendoor.example");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await page.goto(`${base}/coordinator/sessions/ses_browser_soon/check-in`);
    expect(await page.locator("h1").innerText()).toBe("Check in");
    await page.fill("#ticketCode", "olena 54321");
    // The same URL answers the post, so wait for the answer itself; the result is the page's
    // notice, not the camera's status line that the scanner script adds to the form.
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/check-in")), page.keyboard.press("Enter")]);
    const notice = page.locator(".note[role=status]");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("Olena is checked in.");
    await page.screenshot({ path: join(SHOTS, "staff-checked-in-en.png"), fullPage: true });
    await page.click("text=Who is coming");
    expect(await page.locator("main").innerText()).toContain("1 of 1 places checked in");
    expect(problems).toEqual([]);
    expect(scripts).toContain(200);
    await context.close();
  });

  it("lets school staff book a group for a session, then make it smaller", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await signIn(page, "j.khan@riverside.example");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await page.goto(`${base}/staff`);
    await Promise.all([page.waitForURL(`${base}/schools/org_riverside`), page.click("a[href='/schools/org_riverside']")]);
    await page.selectOption("#sessionId", "ses_garden_1");
    await page.fill("#pupils", "8");
    await page.fill("#staff", "1");
    await page.fill("#roster", "Amira K\nBen T");
    await Promise.all([page.waitForURL(/done=booked/), page.click("form[action$='/groups'] button")]);
    const main = page.locator("main");
    expect(await main.innerText()).toContain("Your group is booked.");
    expect(await main.innerText()).toContain("8 pupils and 1 staff");
    await page.locator("li.card", { hasText: "Gardening" }).getByRole("link", { name: "Change or cancel" }).click();
    await page.waitForURL(/\/groups\/bkg_/);
    await page.fill("#pupils", "5");
    await page.fill("#roster", "Amira K");
    await Promise.all([page.waitForURL(/done=changed/), page.click("main form button")]);
    expect(await main.innerText()).toContain("5 pupils and 1 staff");
    const [garden] = await server.deps.db.select().from(sessions).where(eq(sessions.id, "ses_garden_1"));
    const groups = await server.deps.db.select().from(bookings).where(eq(bookings.sessionId, "ses_garden_1"));
    expect({ taken: garden!.seatsTaken, groups: groups.map((g) => [g.pupils, g.staff, g.seats, g.status]) }).toEqual({ taken: 6, groups: [[5, 1, 6, "confirmed"]] });
    await page.screenshot({ path: join(SHOTS, "staff-group-reduced-en.png"), fullPage: true });
    await context.close();
  });

  it("books from the event page (signing in on the way), shows the ticket, lists it, and cancels it", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await page.goto(`${base}/events/evt_cv`);
    await Promise.all([page.waitForURL(`${base}/sign-in`), page.click("a[href='/sessions/ses_cv_1/book']")]);
    await signIn(page, "olena@example.com");
    await Promise.all([page.waitForURL(`${base}/sessions/ses_cv_1/book`), page.click("main form button")]);
    await page.fill("#accessNeeds", "A quiet space, please");
    await Promise.all([page.waitForURL(/\/bookings\/bkg_/), page.click("main form button")]);
    expect(await page.locator("#status").innerText()).toBe("You have a place");
    expect(await page.locator(".ticket svg").isVisible()).toBe(true);
    const bookingPath = new URL(page.url()).pathname;
    // The booking page and the form reflow on a 320 px screen with larger text (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [bookingPath, "/sessions/ses_cv_2/book", `${bookingPath}/cancel`, "/mentoring"]) {
      await page.goto(`${base}${path}?text=large`);
      const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(`${base}${bookingPath}?text=standard`);
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.click("header a[href='/my']");
    expect(await page.locator("main").innerText()).toContain("Write your first CV");
    await Promise.all([page.waitForURL(`${base}${bookingPath}`), page.click(`main a[href='${bookingPath}']`)]);
    expect(await page.locator(".ticket svg").isVisible()).toBe(true);
    await Promise.all([page.waitForURL(`${base}${bookingPath}/cancel`), page.click(`a[href='${bookingPath}/cancel']`)]);
    await Promise.all([page.waitForURL(`${base}${bookingPath}?cancelled=1`), page.click("main form button")]);
    expect(await page.locator("main").innerText()).toContain("Your booking is cancelled.");
    expect(await page.locator(".ticket").count()).toBe(0);
    const [row] = await server.deps.db.select().from(bookings).where(eq(bookings.id, bookingPath.split("/").pop()!));
    expect(row!.status).toBe("cancelled");
    await context.close();
  });

  it("books a place with the keyboard only", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await signIn(page, "kuba@example.com");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await page.goto(`${base}/events/evt_garden`);
    const { tabUntil } = keyboardOn(page);
    await tabUntil((f) => f.href === "/sessions/ses_garden_1/book");
    await Promise.all([page.waitForURL(`${base}/sessions/ses_garden_1/book`), page.keyboard.press("Enter")]);
    await tabUntil((f) => f.id === "accessNeeds");
    await page.keyboard.type("Step-free access");
    await tabUntil((f) => f.tag === "BUTTON" && f.text === "Book my place");
    await Promise.all([page.waitForURL(/\/bookings\/bkg_/), page.keyboard.press("Enter")]);
    expect(await page.locator("#status").innerText()).toBe("You have a place");
    await page.screenshot({ path: join(SHOTS, "keyboard-booked-en.png"), fullPage: true });
    await context.close();
  });

  it("deletes an account from My bookings with the keyboard only: the place goes to the next person waiting and /my asks to sign in", async () => {
    const db = server.deps.db;
    const start = Date.now() + 5 * 86_400_000;
    await db.insert(people).values([
      { id: "per_browser_zoe", email: "zoe@example.com", displayName: "Zoe", isYoungPerson: true, dateOfBirth: "2008-04-01" },
      { id: "per_browser_next", email: "next@example.com", displayName: "Nia", isYoungPerson: true, dateOfBirth: "2008-04-01" },
    ]);
    await db.insert(sessions).values({ id: "ses_browser_erase", eventId: "evt_cv", startsAt: start, endsAt: start + 90 * 60_000, venueId: "ven_library", capacity: 1, seatsTaken: 1 });
    const seat = { kind: "individual" as const, sessionId: "ses_browser_erase", startsAt: start, endsAt: start + 90 * 60_000 };
    await db.insert(bookings).values([
      { ...seat, id: "bkg_browser_zoe", personId: "per_browser_zoe", status: "confirmed", ticketCode: "ZOEZO-EZOEZ", accessNeeds: "Step-free access" },
      { ...seat, id: "bkg_browser_next", personId: "per_browser_next", status: "waitlisted", queuedAt: Date.now(), ticketCode: "NIANI-ANIAN" },
    ]);
    const context = await contextIn("en");
    const page = await context.newPage();
    await signIn(page, "zoe@example.com");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    expect(await page.locator("main").innerText()).toContain("Write your first CV");
    const { tabUntil } = keyboardOn(page);
    await tabUntil((f) => f.href === "/my/data");
    await Promise.all([page.waitForURL(`${base}/my/data`), page.keyboard.press("Enter")]);
    await tabUntil((f) => f.href === "/my/data/delete");
    await Promise.all([page.waitForURL(`${base}/my/data/delete`), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toBe("Delete your account?");
    await tabUntil((f) => f.tag === "BUTTON" && f.text === "Delete my account");
    await Promise.all([page.waitForURL(`${base}/my/data/deleted?lang=en`), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toBe("Your account is deleted");
    await page.screenshot({ path: join(SHOTS, "keyboard-account-deleted-en.png"), fullPage: true });
    expect((await context.cookies()).map((c) => c.name)).not.toContain("od_session");
    await page.goto(`${base}/my`);
    expect(page.url()).toBe(`${base}/sign-in`);
    const rows = await db.select().from(bookings).where(eq(bookings.sessionId, "ses_browser_erase"));
    expect(Object.fromEntries(rows.map((b) => [b.id, b.status]))).toEqual({ bkg_browser_zoe: "cancelled", bkg_browser_next: "offered" });
    const [zoe] = await db.select().from(people).where(eq(people.id, "per_browser_zoe"));
    expect([zoe!.email, zoe!.erasedAt === null]).toEqual(["erased+per_browser_zoe@invalid", false]);
    await context.close();
  });

  it("books a whole series in one step from the event page and shows the outcome per date (axe, English and Arabic)", async () => {
    const email = "series.rami@example.com";
    await server.deps.db.insert(people).values({ id: "per_browser_series", email, displayName: "Rami", isYoungPerson: true, dateOfBirth: "2007-03-01" });
    // One sign-in for both languages (the cheap part of this test is the pages, not the link).
    const context = await contextIn("en");
    const page = await context.newPage();
    await signIn(page, email);
    await Promise.all([page.waitForURL(`${base}/my`), page.click("main form button")]);
    for (const locale of ["en", "ar"] as const) {
      await context.addCookies([{ name: "lang", value: locale, url: base }]);
      await page.goto(`${base}/events/evt_stories`);
      await Promise.all([page.waitForURL(`${base}/events/evt_stories/book-all`), page.click("main a[href='/events/evt_stories/book-all']")]);
      await expectNoViolations(page, `book-all (${locale})`);
      await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
      await expectNoViolations(page, `book-all outcome (${locale})`);
      // Every date of the series (and its past one) in a row: booked the first time, already booked the second.
      expect(await page.locator("main table tbody tr").count()).toBeGreaterThanOrEqual(8);
      if (locale === "en") expect(await page.locator("main table").innerText()).toContain("Booked");
      else expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await page.screenshot({ path: join(SHOTS, `book-all-outcome-${locale}.png`), fullPage: true });
    }
    await context.close();
  });

  it("lets a parent or carer say yes from the emailed link, and the young person's place is confirmed", async () => {
    await server.deps.db.insert(people).values({ id: "per_browser_lily", email: "lily@example.com", displayName: "Lily", isYoungPerson: true, dateOfBirth: "2013-06-01" });
    const young = await contextIn("en");
    const page = await young.newPage();
    await signIn(page, "lily@example.com");
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await page.goto(`${base}/sessions/ses_stories_7/book`);
    await page.fill("#guardianEmail", "lilys.carer@example.com");
    await Promise.all([page.waitForURL(/\/bookings\/bkg_/), page.click("main form button")]);
    expect(await page.locator("#status").innerText()).toBe("Waiting for your parent or carer");
    const bookingUrl = page.url();

    let consentLink: string | undefined;
    for (let i = 0; i < 100 && !consentLink; i++) {
      const [mail] = await server.deps.db.select().from(devMailbox).where(eq(devMailbox.toEmail, "lilys.carer@example.com")).limit(1);
      consentLink = mail ? /(http:\/\/\S+\/consent\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] : undefined;
      if (!consentLink) await new Promise((r) => setTimeout(r, 100));
    }
    const guardian = await browser.newContext({ javaScriptEnabled: false });
    const guardianPage = await guardian.newPage();
    await guardianPage.goto(consentLink!);
    expect(await guardianPage.locator("main").innerText()).toContain("Lily has booked a free Open Door activity");
    await guardianPage.click("button[value=grant]");
    expect(await guardianPage.locator("h1").innerText()).toBe("Thank you: the place is booked");
    // Reopening the used link shows the decision (with a way to withdraw it), not an error.
    await guardianPage.goto(consentLink!);
    expect(await guardianPage.locator("h1").innerText()).toBe("Your answer");
    await guardian.close();

    await page.goto(bookingUrl);
    expect(await page.locator("#status").innerText()).toBe("You have a place");
    expect(await page.locator(".ticket svg").isVisible()).toBe(true);
    await young.close();
  });

  it.each([
    ["en", { largeText: true }],
    ["en", { highContrast: true }],
    ["ar", { largeText: true, highContrast: true }],
  ] as [string, { largeText?: boolean; highContrast?: boolean }][])("has no violations with the display options (%s, %o)", async (locale, options) => {
    const context = await contextIn(locale, options);
    const page = await context.newPage();
    const suffix = [locale, options.largeText && "large", options.highContrast && "contrast"].filter(Boolean).join("-");
    for (const [name, path] of [
      ["home", "/"],
      ["event", "/events/evt_stories"],
      ["sign-in", "/sign-in"],
      ["events-error", "/events?from=nope"],
    ]) {
      await page.goto(`${base}${path}`);
      expect(await page.getAttribute("html", "class")).toContain(options.largeText ? "text-large" : "contrast-high");
      await expectNoViolations(page, `${name} (${suffix})`);
      if (name !== "events-error") await page.screenshot({ path: join(SHOTS, `${name}-${suffix}.png`), fullPage: true });
    }
    await context.close();
  });

  it("would notice a violation: axe fails a page where the contrast is broken and a control has no name", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    // Through the CSSOM: the page's CSP rightly refuses injected <style> tags.
    await page.evaluate(`document.querySelectorAll("main p").forEach((p) => { p.style.color = "#bbb"; }); document.querySelector("label[for=email]").remove();`);
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => v.id).sort()).toEqual(expect.arrayContaining(["color-contrast", "label"]));
    await context.close();
  });

  it("switches language and display options with plain links, and remembers them", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${base}/events`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.click("a[hreflang=pl]");
    expect(await page.getAttribute("html", "lang")).toBe("pl");
    await page.click("a[hreflang=ar]");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.click("a[href*='text=large']");
    expect(await page.getAttribute("html", "class")).toContain("text-large");
    await page.click("a[href*='contrast=high']");
    await page.click("footer a[href='/accessibility']");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.getAttribute("html", "class")).toBe("text-large contrast-high");
    await context.close();
  });

  it("lets a keyboard-only user skip to the content, filter the list and open an activity", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const { focused, tabUntil } = keyboardOn(page);
    await page.keyboard.press("Tab");
    expect((await focused()).text).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect((await focused()).id).toBe("main");

    // The filters are folded away (activities first): open them from the keyboard.
    await tabUntil((f) => f.tag === "SUMMARY");
    await page.keyboard.press("Enter");
    await tabUntil((f) => f.id === "type");
    const outline = await page.evaluate<string>("getComputedStyle(document.activeElement).outlineStyle");
    expect(outline).not.toBe("none");
    await page.keyboard.press("ArrowDown");
    expect(await page.inputValue("#type")).toBe("career_taster");
    await tabUntil((f) => f.id === "access-step_free");
    await page.keyboard.press("Space");
    expect(await page.isChecked("#access-step_free")).toBe(true);
    await tabUntil((f) => f.tag === "BUTTON" && f.text === "Show activities");
    await Promise.all([page.waitForURL(/type=career_taster/), page.keyboard.press("Enter")]);
    expect(page.url()).toContain("access=step_free");
    await page.screenshot({ path: join(SHOTS, "keyboard-filtered-en.png"), fullPage: true });

    const link = await tabUntil((f) => f.href.startsWith("/events/evt_"));
    await Promise.all([page.waitForURL(`${base}${link.href}`), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).not.toBe("");
    expect(await page.locator("main").innerText()).toContain("Dates and places");
    await context.close();
  });

  it("shows the first activity within the first screen of a 360×740 phone, filters folded away and usable without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    for (const locale of ["en", "ar"]) {
      await context.addCookies([{ name: "lang", value: locale, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/`);
      const first = await page.locator(".cards > li").first().locator("h3 a").boundingBox();
      expect(first, locale).not.toBeNull();
      expect(first!.y + first!.height, `first activity's link in ${locale}`).toBeLessThanOrEqual(740);
      expect(await page.locator("#q").isVisible()).toBe(false);
      await page.screenshot({ path: join(SHOTS, `home-phone-${locale}.png`) });
      await page.close();
    }
    // Without JavaScript: open the filters, look for a word within a strand, and see the match.
    await context.addCookies([{ name: "lang", value: "en", url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.click(".filters-fold > summary");
    await page.fill("#q", "bricklaying");
    await page.selectOption("#tag", "women_in_trades");
    await Promise.all([page.waitForURL(/q=bricklaying/), page.click("form.filters button")]);
    expect(await page.locator(".cards > li h3").allInnerTexts()).toEqual(["Try a trade: bricklaying and carpentry"]);
    expect(await page.locator(".filters-fold > summary").innerText()).toContain("2 choices made");
    await context.close();
  });

  it("reflows to a 320 px wide screen without sideways scrolling (WCAG 1.4.10), with larger text too", async () => {
    for (const [locale, options] of [
      ["en", {}],
      ["ar", { largeText: true }],
      ["uk", { largeText: true }],
    ] as [string, { largeText?: boolean }][]) {
      const context = await contextIn(locale, options);
      const page = await context.newPage();
      await page.setViewportSize({ width: 320, height: 640 });
      for (const path of ["/", "/events/evt_stories", "/events/evt_trades/poster", "/sign-in", "/accessibility"]) {
        await page.goto(`${base}${path}`);
        const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        expect(overflow, `${path} in ${locale}`).toBeLessThanOrEqual(0);
      }
      if (locale === "ar") await page.screenshot({ path: join(SHOTS, "accessibility-ar-320px-large.png"), fullPage: true });
      await context.close();
    }
  });

  it("gives every control in the header and forms a touch target at least 44 px tall", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    for (const path of ["/", "/sign-in"]) {
      await page.goto(`${base}${path}`);
      // Folded filters have no size until opened: measure them open.
      await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
      const small = await page.evaluate<{ what: string; h: number }[]>(
        `[...document.querySelectorAll("header a, header button, .button, input:not([type=checkbox]), select, .check label, footer a")]
          .map((el) => ({ what: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
          .filter((e) => e.h < 44)`,
      );
      expect(small, path).toEqual([]);
    }
    await context.close();
  });

  it("prints the poster on one A4 page with the QR code", async () => {
    const context = await contextIn("en");
    const page = await context.newPage();
    await page.goto(`${base}/events/evt_trades/poster`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site").isVisible()).toBe(false);
    expect(await page.locator(".poster svg[role=img]").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.screenshot({ path: join(SHOTS, "poster-print-en.png"), fullPage: true });
    await context.close();
  });

  it("finds a food bank open now with step-free access in Polish, opens its page and prints its category's poster on one A4 page", async () => {
    // Open every day, all day, so "open now" holds whenever this runs (the real clock).
    await server.deps.db
      .update(directoryServices)
      .set({ hours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: "00:00", closes: "23:59" })) })
      .where(eq(directoryServices.id, "dsv_foodbank"));
    const context = await contextIn("pl");
    const page = await context.newPage();
    await page.goto(`${base}/directory`);
    await page.selectOption("#category", "food");
    await page.check("#openNow");
    await page.check("#stepFree");
    await Promise.all([page.waitForURL(/openNow=true/), page.click("form[action='/directory'] button")]);
    await expectNoViolations(page, "directory search (pl)");
    expect(await page.locator("main").innerText()).toContain("Otwarte teraz");
    await Promise.all([page.waitForURL(/\/directory\/services\/dsv_foodbank/), page.click("a[href='/directory/services/dsv_foodbank']")]);
    expect(await page.locator("h1").innerText()).toBe("Bank Żywności Riverside");
    expect(await page.locator("main").innerText()).toContain("Wejście bez schodów");
    await Promise.all([page.waitForURL(/\/directory\/posters\/cat-food-a4/), page.click("a[href='/directory/posters/cat-food-a4']")]);
    await expectNoViolations(page, "directory poster (pl)");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site").isVisible()).toBe(false);
    expect(await page.locator(".poster svg[role=img]").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
    await page.screenshot({ path: join(SHOTS, "directory-poster-print-pl.png"), fullPage: true });
    await context.close();
  });
});
