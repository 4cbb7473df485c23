// Issue #14: the website's doors. Every form the API limits goes through the same limiter and
// answers a person with a page that says when to try again; every unknown address and error a
// browser reaches is an HTML page in their language; the API keeps problem+json.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createApp } from "../src/app";
import type { Db } from "../src/db/client";
import { magicLinks } from "../src/db/schema";
import { memoryRateLimiter, RATE_LIMITS } from "../src/lib/rate-limiter";
import { SESSION_COOKIE } from "../src/lib/auth";
import { createHarness, problem, type Harness } from "./support/harness";

const ORIGIN = "https://opendoor.test";
const HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  h.deps.rateLimiter = memoryRateLimiter(h.clock);
});
afterAll(() => h.close());

/** A browser's form post: same origin, asking for HTML. */
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  h.request("POST", path, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, accept: HTML, ...headers },
  });

describe("pages for people: errors a browser reaches are pages", () => {
  it("answers GET /no-such-page with Accept: text/html with an HTML 404 in the person's language and a way home", async () => {
    const res = await h.request("GET", "/no-such-page", { headers: { accept: HTML, "accept-language": "pl" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="pl"');
    expect(html).toContain("Nie znaleziono strony");
    expect(html).toContain('href="/"');
  });

  it("keeps problem+json for the API, even when a browser asks, and for clients that do not ask for HTML", async () => {
    const api = await h.request("GET", "/api/v1/no-such-thing", { headers: { accept: HTML } });
    expect(api.status).toBe(404);
    expect((await problem(api)).status).toBe(404);
    const plain = await h.request("GET", "/no-such-page");
    expect((await problem(plain)).status).toBe(404);
  });

  it("answers a form post that is too large with an HTML 413 page, right-to-left in Arabic", async () => {
    const res = await post("/sign-in", { email: "x".repeat(20_000) }, { cookie: "lang=ar" });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('href="/sign-in"');
  });

  it("answers a fault with an HTML 500 page that leaks nothing", async () => {
    const broken = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === "select" || prop === "$count") return () => { throw new Error("secret database detail"); };
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const app = createApp({ ...h.deps, db: broken });
    const errors = console.error;
    console.error = () => {};
    try {
      const res = await app.request("/events", { headers: { accept: HTML } });
      expect(res.status).toBe(500);
      const html = await res.text();
      expect(html).toContain("Something went wrong");
      expect(html).not.toContain("secret database detail");
    } finally {
      console.error = errors;
    }
  });
});

describe("the same limits on every door", () => {
  it("20 rapid website sign-in posts for one email send at most the API's limit of links, then a page says when to try again", async () => {
    const email = "rapid@example.com";
    await h.tokenFor(email);
    await h.db.delete(magicLinks).where(eq(magicLinks.email, email));
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 20; i++) {
      // A different address each time: the per-email limit is what holds.
      const res = await post("/sign-in", { email }, { "cf-connecting-ip": `198.51.100.${i}`, "accept-language": "uk" });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    const limit = RATE_LIMITS.sign_in_email.limit;
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(await h.db.select().from(magicLinks).where(eq(magicLinks.email, email))).toHaveLength(limit);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused!.headers.get("content-type")).toMatch(/text\/html/);
    const html = await refused!.text();
    expect(html).toContain('<html lang="uk"');
    expect(html).toMatch(/Зачекайте \d+ с/);
    // The API shares the bucket: its next link for that email is refused too.
    const api = await h.request("POST", "/api/v1/auth/magic-links", { body: { email }, headers: { "cf-connecting-ip": "203.0.113.99" } });
    expect(api.status).toBe(429);
    h.clock.advance(61_000);
  });

  it("website booking goes through the API's per-person booking limit", async () => {
    const token = await h.tokenFor("booker@example.com", { dateOfBirth: "2010-01-01", isYoungPerson: true });
    const cookie = `${SESSION_COOKIE}=${token}`;
    const limit = RATE_LIMITS.booking_person.limit;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await post("/sessions/no-such-session/book", {}, { cookie })).status);
    expect(statuses.slice(0, limit).every((s) => s === 404)).toBe(true);
    expect(statuses[limit]).toBe(429);
    // The same bucket as the API's booking route.
    const api = await h.request("POST", "/api/v1/sessions/no-such-session/bookings", { token, body: {} });
    expect(api.status).toBe(429);
    // Booking a whole series, on the website and the API, spends from the same bucket.
    expect((await post("/events/no-such-event/book-all", {}, { cookie })).status).toBe(429);
    expect((await h.request("POST", "/api/v1/events/no-such-event/series-bookings", { token, body: {} })).status).toBe(429);
    h.clock.advance(61_000);
  });

  it("guardian consent, on the website and the API, is limited per address", async () => {
    const limit = RATE_LIMITS.consent_ip.limit;
    const ip = { "cf-connecting-ip": "192.0.2.77" };
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) statuses.push((await post(`/consent/guess-${i}-aaaaaaaaaaaa`, { decision: "grant" }, ip)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    const page = await post("/consent/guess-last-aaaaaaaaaaaa", { decision: "grant" }, ip);
    expect(page.status).toBe(429);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const api = await h.request("POST", "/api/v1/consents/guess-api-aaaaaaaaaaaa", { body: { decision: "grant" }, headers: ip });
    expect(api.status).toBe(429);
    expect((await problem(api)).status).toBe(429);
    h.clock.advance(61_000);
  });
});
