// Feedback on every page (issue #16, "done when") in Chromium: three people send feedback from
// three different pages in three languages (two anonymous, one asking for a reply), then a
// coordinator replies to one by email and publishes another on "you said, we did". Axe
// scans each page type once (WCAG 2.2 AA): the form and its thanks, the inbox, the public page. The site's clock is moved on while each person
// "types", since the form holds back anything sent within seconds of opening it.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox, siteFeedback } from "../../src/db/schema";
import { MIN_FILL_MS } from "../../src/features/site-feedback/form-token";
import type { Clock } from "../../src/lib/time";
import { CHROMIUM, CHROMIUM_ARGS, COORDINATOR_EMAIL, haveChromium, signedInLanding, signIn, startSite, type Site } from "../support/browser";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SHOTS = join(process.cwd(), "test-results", "screenshots");

describe.skipIf(!haveChromium())("feedback from any page, answered by a coordinator, in Chromium", () => {
  let site: Site;
  let browser: Browser;
  /** How far the site's clock runs ahead of the real one: moved on by `typing`. */
  let ahead = 0;
  const clock: Clock = { now: () => Date.now() + ahead, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
  /** A person taking their time to write (longer than the form's minimum fill time). */
  const typing = () => {
    ahead += MIN_FILL_MS + 2_000;
  };

  beforeAll(async () => {
    site = await startSite("browser-feedback", { clock });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function expectNoViolations(page: Page, label: string) {
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `axe on ${label}`,
    ).toEqual([]);
  }

  async function pageIn(locale: string) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    await context.addCookies([{ name: "lang", value: locale, url: site.base }]);
    return { context, page: await context.newPage() };
  }

  /** From `path`, the footer's feedback link, the form filled in, sent after a while. */
  async function sendFeedback(locale: string, path: string, recorded: string, words: { whatWorks?: string; toImprove?: string; email?: string }, scan: boolean) {
    const { context, page } = await pageIn(locale);
    await page.goto(`${site.base}${path}`);
    await Promise.all([page.waitForURL(/\/feedback\?from=/), page.click("footer a[href^='/feedback']")]);
    expect(await page.inputValue("input[name=page]")).toBe(recorded);
    if (scan) await expectNoViolations(page, `feedback form (${locale})`);
    if (words.whatWorks) await page.fill("#whatWorks", words.whatWorks);
    if (words.toImprove) await page.fill("#toImprove", words.toImprove);
    if (words.email) await page.fill("#email", words.email);
    typing();
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/feedback") && r.request().method() === "POST"), page.click("main form button[type=submit]")]);
    expect(response.status()).toBe(200);
    // Back to where they were, unless the address named something of theirs (then left out).
    expect(await page.locator(`main a[href='${path}']`).count()).toBe(recorded === path ? 1 : 0);
    if (scan) await expectNoViolations(page, `feedback thanks (${locale})`);
    const main = await page.locator("main").innerText();
    await context.close();
    return main;
  }

  /** What this test sent from `page` (the demo data has feedback from some of the same pages). */
  const inbox = async (page: string) => (await site.server.deps.db.select().from(siteFeedback).where(eq(siteFeedback.page, page))).filter((r) => !r.id.startsWith("sfb_demo_"));

  it("takes feedback from three pages, anonymous or with an email; a coordinator replies to one and publishes another", async () => {
    // Anonymous, in Polish, from the directory.
    await sendFeedback("pl", "/directory", "/directory", { toImprove: "Proszę dodać godziny otwarcia w weekend." }, true);
    // With an email for a reply, in English, from an activity's page (recorded without its id).
    const thanks = await sendFeedback("en", "/events/evt_cv", "/events/…", { whatWorks: "Booking took a minute.", toImprove: "Say if there is a lift.", email: "asks.for.reply@example.com" }, false);
    expect(thanks).toContain("We will reply to asks.for.reply@example.com");
    // Anonymous, in Arabic (right to left), from the get-involved page.
    await sendFeedback("ar", "/get-involved", "/get-involved", { whatWorks: "أحب فكرة المجلس الاستشاري للشباب." }, false);

    const [fromDirectory] = await inbox("/directory");
    const [fromEvent] = await inbox("/events/…");
    const [fromInvolve] = await inbox("/get-involved");
    expect(fromDirectory).toMatchObject({ locale: "pl", replyEmail: null, status: "new" });
    expect(fromEvent).toMatchObject({ locale: "en", replyEmail: "asks.for.reply@example.com", status: "new" });
    expect(fromInvolve).toMatchObject({ locale: "ar", replyEmail: null, status: "new" });

    // The coordinator's inbox, in English.
    const { context, page } = await pageIn("en");
    await signIn(site, page, COORDINATOR_EMAIL);
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    await page.goto(`${site.base}/coordinator/feedback`);
    await expectNoViolations(page, "feedback inbox (en)");
    const items = page.locator("main li.card");
    const item = (id: string) => items.filter({ has: page.locator(`form[action='/coordinator/feedback/${id}/status']`) });
    expect(await item(fromInvolve!.id).locator("p[lang=ar]").innerText()).toContain("المجلس الاستشاري");
    // Anonymous items offer no reply box; the one with an email does.
    expect(await item(fromDirectory!.id).locator(`#reply-${fromDirectory!.id}`).count()).toBe(0);

    // Reply by email to the person who asked.
    await page.fill(`#reply-${fromEvent!.id}`, "Thank you: the event page now says where the lift is.");
    await Promise.all([page.waitForURL(/status=in_hand/), item(fromEvent!.id).locator(`form[action$='/reply'] button`).click()]);
    expect(await page.locator("main").innerText()).toContain("Saved.");
    const [answered] = await inbox("/events/…");
    expect(answered).toMatchObject({ status: "in_hand" });
    expect(answered!.repliedAt).not.toBeNull();
    const reply = await emailTo("asks.for.reply@example.com");
    expect(reply.text).toContain("the event page now says where the lift is");

    // Publish the Polish one on "you said, we did" (from the "new" list, where it still is).
    await page.goto(`${site.base}/coordinator/feedback?status=new`);
    const polish = item(fromDirectory!.id);
    await polish.locator("summary").click();
    expect(await polish.locator(`#said-${fromDirectory!.id}`).inputValue()).toBe("Proszę dodać godziny otwarcia w weekend.");
    expect(await polish.locator(`#lang-${fromDirectory!.id}`).inputValue()).toBe("pl");
    await polish.locator(`#did-${fromDirectory!.id}`).fill("Każda usługa w katalogu pokazuje teraz godziny otwarcia w sobotę i niedzielę.");
    await Promise.all([page.waitForURL(`${site.base}/you-said-we-did`), polish.locator("form[action$='/publish'] button").click()]);
    const published = page.locator("main li.card", { hasText: "godziny otwarcia w weekend" });
    // Written in Polish on an English page: marked so screen readers read it in Polish.
    expect(await published.locator("p[lang=pl]").count()).toBe(2);
    await expectNoViolations(page, "you said, we did (en)");
    await page.screenshot({ path: join(SHOTS, "you-said-we-did-published-en.png"), fullPage: true });
    expect((await inbox("/directory"))[0]).toMatchObject({ status: "done" });
    await context.close();

    // The public sees it in Polish too, without signing in.
    const reader = await pageIn("pl");
    await reader.page.goto(`${site.base}/you-said-we-did`);
    expect(await reader.page.locator("main").innerText()).toContain("Każda usługa w katalogu pokazuje teraz godziny otwarcia");
    await reader.context.close();
    // Four axe scans and four browser sessions on a shared machine: more than the default time.
  }, 240_000);

  /** The email the outbox delivered to the development mailbox (sent just after the request). */
  async function emailTo(to: string) {
    const db = site.server.deps.db;
    for (let i = 0; i < 100; i++) {
      const [mail] = await db.select().from(devMailbox).where(eq(devMailbox.toEmail, to));
      if (mail) return mail;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no email arrived for ${to}`);
  }
});
