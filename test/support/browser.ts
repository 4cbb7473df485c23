// What the real-browser suites (test/browser) share: Debian's Chromium, the Node server on a
// free local port with the demo data, and signing in through the pages with the emailed link.
import { existsSync } from "node:fs";
import { desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { devMailbox } from "../../src/db/schema";
import { DEMO_COORDINATOR_EMAIL } from "../../src/server";
import type { Site } from "./site";

export { startSite, type Site } from "./site";

/** Debian's Chromium unless CHROMIUM_PATH names another (a Chrome for Testing, macOS's Chrome). */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Quiet, headless, and nothing fetched from Google while the tests run. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const COORDINATOR_EMAIL = DEMO_COORDINATOR_EMAIL;

/** Whether the browser suites can run. CI installs Chromium (.ci/run) and sets REQUIRE_BROWSER=1: there, a missing browser fails. */
export function haveChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER === "1") throw new Error(`${CHROMIUM} is missing but REQUIRE_BROWSER=1`);
  console.warn(`[browser tests] SKIPPED: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return false;
}

/**
 * Where the sign-in link's confirm button leads: each role's own page (staff/areas.ts
 * landingFor: /coordinator, a school's or a host's area, /my for young people), so tests wait
 * for the browser to leave /sign-in rather than for one address.
 */
export const signedInLanding = (url: URL) => !url.pathname.startsWith("/sign-in");

/** Signs in through the pages, reading the emailed link from the development mailbox. */
export async function signIn(site: Site, page: Page, email: string): Promise<string> {
  await page.goto(`${site.base}/sign-in`);
  await page.fill("#email", email);
  await Promise.all([page.waitForURL(`${site.base}/sign-in`), page.click("form[action='/sign-in'] button")]);
  const link = await emailedLink(site, email);
  await page.goto(link);
  return link;
}

export async function emailedLink(site: Site, email: string): Promise<string> {
  const db = site.server.deps.db;
  for (let i = 0; i < 100; i++) {
    const [mail] = await db.select().from(devMailbox).where(eq(devMailbox.toEmail, email)).orderBy(desc(devMailbox.createdAt)).limit(1);
    const link = mail && /(http:\/\/\S+\/sign-in\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (link) {
      await db.delete(devMailbox).where(eq(devMailbox.id, mail.id));
      return link;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in email arrived for ${email}`);
}
