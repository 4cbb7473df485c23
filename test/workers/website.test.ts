import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { d1Db } from "../../src/db/client";
import { events, organisations, sessions, venues } from "../../src/db/schema";
import { QR_DECODER_PATH } from "../../src/web/staff/qr-decoder";
import { CSS_PATH, SITE_CSS } from "../../src/web/style";
import { catalogues } from "#i18n-catalogues";

describe("the website on the Worker and D1", () => {
  it("lists activities filtered by an access feature (json_each), and renders an event page with its QR poster", async () => {
    const db = d1Db(env.DB);
    const start = Date.now() + 7 * 86_400_000;
    await db.insert(organisations).values({ id: "org_web", type: "community", name: "Central Library" });
    await db.insert(venues).values({ id: "ven_web", name: "Library", address: "1 Square", postcode: "RV1 2LB", stepFree: true });
    await db.insert(events).values({ id: "evt_bsl", type: "community_event", title: { en: "Signed story time" }, description: { en: "With BSL." }, hostOrganisationId: "org_web", accessFeatures: ["bsl"] });
    await db.insert(events).values({ id: "evt_plain", type: "community_event", title: { en: "Games night" }, description: { en: "Board games." }, hostOrganisationId: "org_web" });
    await db.insert(sessions).values({ id: "ses_bsl", eventId: "evt_bsl", startsAt: start, endsAt: start + 3_600_000, venueId: "ven_web", capacity: 10 });
    await db.insert(sessions).values({ id: "ses_plain", eventId: "evt_plain", startsAt: start, endsAt: start + 3_600_000, venueId: "ven_web", capacity: 10 });

    const list = await SELF.fetch("https://opendoor.test/events?access=bsl&access=step_free&lang=ar");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain('href="/events/evt_bsl"');
    expect(html).not.toContain('href="/events/evt_plain"');
    const poster = await SELF.fetch("https://opendoor.test/events/evt_bsl/poster");
    expect(poster.status).toBe(200);
    expect(await poster.text()).toMatch(/<svg [^>]*role="img"/);
  });

  it("speaks every language from the catalogues in the Worker's static assets, not its bundle (issue #19)", async () => {
    // This is the workerd catalogue module, which holds no words of its own: outside a request
    // there are none, so the pages below got theirs from the ASSETS binding.
    expect(() => catalogues()).toThrow(/not loaded/);
    for (const [lang, heading] of [["pl", "Co się dzieje"], ["uk", "Що відбувається"], ["ar", "الأنشطة"], ["en", "What&#39;s on"]] as const) {
      const page = await SELF.fetch(`https://opendoor.test/events?lang=${lang}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html, lang).toContain(`<html lang="${lang}"`);
      expect(html, lang).toContain(heading);
    }
    // A refusal worded in the caller's language (src/lib/refusal.ts reads the same catalogues).
    const refused = await SELF.fetch("https://opendoor.test/api/v1/me", { headers: { "accept-language": "pl" } });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toBe("Zaloguj się, aby to zrobić.");
  });

  it("serves the check-in camera's fallback QR decoder: the qr package's files, from the static assets", async () => {
    // Cloudflare answers these paths from the assets before the Worker runs; SELF is the Worker
    // alone, so ask the assets as Cloudflare would.
    const assets = (path: string) => env.ASSETS.fetch(new Request(`https://opendoor.test${path}`));
    const decoder = await assets(QR_DECODER_PATH);
    expect(decoder.status).toBe(200);
    expect(decoder.headers.get("content-type")).toContain("text/javascript");
    expect(decoder.headers.get("cache-control")).toContain("immutable");
    expect(decoder.headers.get("x-content-type-options")).toBe("nosniff");
    const source = await decoder.text();
    expect(source).toContain("export class BarcodeDetector");
    expect(source).toContain("from './index.js'");
    const sibling = await assets(QR_DECODER_PATH.replace(/decode\.js$/, "index.js"));
    expect(sibling.status).toBe(200);
    expect(await sibling.text()).toContain("export function encodeQR");
  });

  it("links the stylesheet at Node's path and has the static assets serve it, as Node's route does (issue #19)", async () => {
    const home = await SELF.fetch("https://opendoor.test/");
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(await home.text())?.[1];
    expect(href).toBe(CSS_PATH);
    const css = await env.ASSETS.fetch(new Request(`https://opendoor.test${href}`));
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(css.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await css.text()).toBe(SITE_CSS);
  });
});
