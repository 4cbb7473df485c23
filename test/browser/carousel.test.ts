// The carousel pages (issue #18) in Chromium: one page of each type in every language, scanned
// by axe against WCAG 2.2 AA on the demo carousel (kept cheap: one sign-in per audience).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n";
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, signedInLanding, signIn, startSite, type Site } from "../support/browser";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SHOTS = join(process.cwd(), "test-results", "screenshots");

describe.skipIf(!haveChromium())("the carousel pages in Chromium", () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite("browser-carousel");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function scan(page: Page, locale: string, pages: [string, string][]) {
    for (const [name, path] of pages) {
      const res = await page.goto(`${site.base}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        `axe on ${name} (${locale})`,
      ).toEqual([]);
      if (locale === "en" || locale === "ar") await page.screenshot({ path: join(SHOTS, `carousel-${name}-${locale}.png`), fullPage: true });
    }
  }

  /** Signs in through the pages: the emailed link, then its confirm button. */
  async function signedInPage(email: string) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await signIn(site, page, email);
    await Promise.all([page.waitForURL(signedInLanding), page.click("main form button")]);
    return { context, page };
  }

  it.each([
    { who: "school staff", email: "j.khan@riverside.example", pages: [["list", "/carousels"], ["book", "/carousels/car_demo_spring/book"], ["group-timetable", "/carousel-groups/cgr_demo_riverside_9"]] },
    { who: "a host", email: "careers@northbuild.example", pages: [["station-timetable", "/carousel-stations/cst_demo_bricks"]] },
    { who: "a coordinator", email: "coordinator@opendoor.example", pages: [["set-up", "/coordinator/carousels"], ["manage", "/coordinator/carousels/car_demo_spring"]] },
  ] as { who: string; email: string; pages: [string, string][] }[])("has no WCAG 2.2 AA violations on the pages for $who, in every language", async ({ email, pages }) => {
    const { context, page } = await signedInPage(email);
    for (const locale of LOCALES) {
      await context.addCookies([{ name: "lang", value: locale, url: site.base }]);
      await scan(page, locale, pages);
    }
    await context.close();
    // Five languages of axe scans on a shared machine: more time than the project's default.
  }, 400_000);

  it("shows a refused booking next to its field, still without violations", async () => {
    const { context, page } = await signedInPage("j.khan@riverside.example");
    await page.goto(`${site.base}/carousels/car_demo_spring/book`);
    await page.fill("#label", "Year 8");
    await page.fill("#pupils", "25");
    await page.fill("#staff", "1");
    await page.fill("#minAge", "12");
    await page.fill("#maxAge", "13");
    await Promise.all([page.waitForLoadState("load"), page.click("main form button")]);
    expect(await page.getAttribute("#staff", "aria-invalid")).toBe("true");
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
