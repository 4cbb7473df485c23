// The directory on the website: search and filters without JavaScript, a service page with
// access facts and directions, posters whose QR links count scans, and the coordinators'
// approval page doing what the API does.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryPosterScans, sessions, venues } from "../../db/schema";
import { createOrganisation } from "../../features/organisations/create";
import { addMember } from "../../features/organisations/members";
import { COORDINATOR, createHarness, type Harness } from "../../../test/support/harness";
import { session, venue } from "../../../test/support/fixtures";
import { memoryRateLimiter, RATE_LIMITS } from "../../lib/rate-limiter";

let h: Harness;
let coordinator: string;
let partner: string;
let serviceId: string;
let venueId: string;

const page = (path: string, token?: string, headers: Record<string, string> = {}) =>
  h.app.request(path, { headers: { ...(token ? { cookie: `od_session=${token}` } : {}), ...headers } });
const post = (path: string, token: string) => h.app.request(path, { method: "POST", headers: { cookie: `od_session=${token}`, origin: "https://opendoor.test", "content-type": "application/x-www-form-urlencoded" }, body: "" });

beforeAll(async () => {
  // Tuesday 3 March 2026, 11:00 London.
  h = await createHarness({ now: "2026-03-03T11:00:00Z" });
  const org = await createOrganisation(h.deps, { type: "community", name: "Riverside Pantry" });
  await addMember(h.deps, org.id, { email: "staff@pantry.test", displayName: "Staff" });
  coordinator = await h.tokenFor(COORDINATOR);
  partner = await h.tokenFor("staff@pantry.test");
  venueId = (await venue(h.db)).id;
  await h.db.update(venues).set({ stepFree: true, publicTransport: { en: "Bus 12 to High Street" } }).where(eq(venues.id, venueId));
  const res = await h.request("POST", "/api/v1/directory/services", {
    token: coordinator,
    body: {
      organisationId: org.id,
      categoryId: "food",
      name: { en: "Riverside Food Bank", pl: "Bank żywności Riverside" },
      description: { en: "Free food parcels.", pl: "Darmowe paczki żywnościowe." },
      hours: [{ day: 2, opens: "10:00", closes: "14:00" }],
      languages: ["en", "pl"],
      venueId,
    },
  });
  serviceId = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

describe("directory pages", () => {
  it("finds a food bank open now with step-free access, in Polish, with a plain GET form", async () => {
    const res = await page("/directory?category=food&openNow=true&stepFree=true&lang=pl");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="pl"');
    expect(html).toContain("Bank żywności Riverside");
    expect(html).toContain("Otwarte teraz");
    expect(html).toContain("Pomoc żywnościowa");
    expect(html).not.toContain("<script");
    h.clock.set("2026-03-03T15:00:00Z");
    expect(await (await page("/directory?openNow=true&lang=pl")).text()).not.toContain("Bank żywności Riverside");
    h.clock.set("2026-03-03T11:00:00Z");
  });

  it("shows a service's access facts, transport and a link to the reader's maps app", async () => {
    const html = await (await page(`/directory/services/${serviceId}?lang=en`)).text();
    expect(html).toContain("Bus 12 to High Street");
    expect(html).toContain('href="geo:0,0?q=');
    expect(html).toContain("Step-free");
    expect(html).toContain(`/directory/posters/cat-food-a4`);
  });

  it("prints a category poster whose QR link counts the scan, then leads to the category", async () => {
    const poster = await (await page("/directory/posters/cat-food-a4?lang=pl")).text();
    expect(poster).toContain("https://opendoor.test/d/cat-food-a4");
    expect(poster).toContain("<svg");
    const first = await page("/d/cat-food-a4");
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/directory?category=food");
    expect(first.headers.get("set-cookie")).toBeNull();
    await page("/d/cat-food-a4");
    await page(`/d/ven-${venueId}-card`);
    await page("/d/cat-madeup-a4");
    const rows = await h.db.select().from(directoryPosterScans);
    expect(Object.fromEntries(rows.map((r) => [r.poster, r.scans]))).toEqual({ "cat-food-a4": 2, [`ven-${venueId}-card`]: 1 });
  });

  it("shows who is in the building today at a venue, read from today's sessions, linked from the venue's poster", async () => {
    const now = h.clock.now();
    const today = await session(h.db, now, { startsIn: 2 * 3_600_000, title: "Homework club" });
    await h.db.update(sessions).set({ venueId }).where(eq(sessions.id, today.id));
    const tomorrow = await session(h.db, now, { startsIn: 26 * 3_600_000, title: "Tomorrow's taster" });
    await h.db.update(sessions).set({ venueId }).where(eq(sessions.id, tomorrow.id));
    const html = await (await page(`/venues/${venueId}/today?lang=uk`)).text();
    expect(html).toContain("Хто сьогодні в будівлі");
    expect(html).toContain("Homework club");
    expect(html).not.toContain("Tomorrow&#39;s taster");
    expect(html).not.toContain("Tomorrow's taster");
    expect((await page("/venues/ven_nowhere/today")).status).toBe(404);
    expect(await (await page(`/directory/posters/ven-${venueId}-a4`)).text()).toContain(`/venues/${venueId}/today`);
  });

  it("keeps poster counts honest under a flood from one address: everyone is redirected, only the limit's worth counted", async () => {
    h.deps.rateLimiter = memoryRateLimiter(h.clock);
    try {
      const flood = await Promise.all(Array.from({ length: 100 }, () => page("/d/cat-health-a4", undefined, { "cf-connecting-ip": "203.0.113.9" })));
      expect(flood.every((r) => r.status === 303 && r.headers.get("location") === "/directory?category=health")).toBe(true);
      // People at the event, each on their own phone's address, are all counted.
      for (let i = 0; i < 5; i++) await page("/d/cat-health-a4", undefined, { "cf-connecting-ip": `198.51.100.${i}` });
      const [row] = await h.db.select().from(directoryPosterScans).where(eq(directoryPosterScans.poster, "cat-health-a4"));
      expect(row!.scans).toBe(RATE_LIMITS.poster_scan_ip.limit + 5);
    } finally {
      h.deps.rateLimiter = undefined;
    }
  });

  it("lets a coordinator approve a partner's proposal on the website; partners cannot reach the page", async () => {
    const proposed = await h.request("PATCH", `/api/v1/directory/services/${serviceId}`, { token: partner, body: { name: { en: "Riverside Pantry" } } });
    const change = (await proposed.json()) as { id: string };
    expect((await page("/coordinator/directory", partner)).status).toBe(403);
    expect((await post(`/coordinator/directory/changes/${change.id}/approve`, partner)).status).toBe(403);
    const review = await (await page("/coordinator/directory?lang=en", coordinator)).text();
    expect(review).toContain("Riverside Pantry");
    expect(review).toContain("cat-food-a4");
    expect(await (await page(`/directory/services/${serviceId}?lang=en`)).text()).toContain("Riverside Food Bank");
    const approved = await post(`/coordinator/directory/changes/${change.id}/approve`, coordinator);
    expect(approved.status).toBe(303);
    expect(await (await page(`/directory/services/${serviceId}?lang=en`)).text()).toContain("Riverside Pantry");
  });

  it("lets the running organisation's staff suggest a change on the website: a proposal, not public until approved", async () => {
    const form = await page(`/directory/services/${serviceId}/suggest?lang=pl`, partner);
    expect(form.status).toBe(200);
    expect((await page(`/directory/services/${serviceId}/suggest`, coordinator)).status).toBe(200);
    const sent = await h.app.request(`/directory/services/${serviceId}/suggest`, {
      method: "POST",
      headers: { cookie: `od_session=${partner}; lang=pl`, origin: "https://opendoor.test", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Spiżarnia Riverside", description: "Darmowe paczki." }).toString(),
    });
    expect(sent.status).toBe(200);
    expect(await (await page(`/directory/services/${serviceId}?lang=pl`)).text()).not.toContain("Spiżarnia Riverside");
    const pending = (await (await h.request("GET", "/api/v1/directory/changes?status=pending", { token: coordinator })).json()) as { items: { proposal: { name: Record<string, string> } }[] };
    expect(pending.items[0]!.proposal.name.pl).toBe("Spiżarnia Riverside");
    // Another site's post is refused, and nobody else reaches the form.
    const crossSite = await h.app.request(`/directory/services/${serviceId}/suggest`, { method: "POST", headers: { cookie: `od_session=${partner}`, origin: "https://evil.test", "content-type": "application/x-www-form-urlencoded" }, body: "name=x&description=y" });
    expect(crossSite.status).toBe(403);
    const stranger = await h.tokenFor("someone@else.test");
    expect((await page(`/directory/services/${serviceId}/suggest`, stranger)).status).toBe(404);
  });
});
