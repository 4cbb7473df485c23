import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { authSessions, bookings, magicLinks, people, sessions } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { createHarness, problem, type Harness } from "../../test/support/harness";
import { SESSION_COOKIE } from "../lib/auth";

const ORIGIN = "https://opendoor.test";
const AISHA = "aisha@example.com";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemoData(h.db, h.clock.now());
});
afterAll(() => h.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string> = {}, headers: Record<string, string> = { origin: ORIGIN }) =>
  h.request("POST", path, { body: form(fields), headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
const get = (path: string, headers: Record<string, string> = {}) => h.request("GET", path, { headers });

async function emailedLink(email: string) {
  const mail = await h.mailFor(email);
  return /(https:\/\/opendoor\.test\/sign-in\/[A-Za-z0-9_-]+)/.exec(mail.at(-1)!.text)![1]!;
}

/** The whole journey through the pages; returns the cookie header a browser would send. */
async function signInThroughPages(email: string): Promise<string> {
  await post("/sign-in", { email });
  const link = await emailedLink(email);
  const res = await post(new URL(link).pathname);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  return cookie.split(";")[0]!;
}

describe("signing in through the pages", () => {
  it("emails a link to the page, which signs in only when its button is pressed, then shows My bookings", async () => {
    const asked = await post("/sign-in", { email: "Aisha@Example.com" });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Check your email");
    const link = await emailedLink(AISHA);
    const path = new URL(link).pathname;

    // A mail scanner fetching the link twice uses nothing up.
    for (let i = 0; i < 2; i++) {
      const shown = await get(path);
      expect(shown.status).toBe(200);
      expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await shown.text();
      expect(html).toContain(`<form method="post" action="${path}">`);
    }

    const signedIn = await post(path);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/my");
    const setCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = setCookie.split(";")[0]!;

    const my = await get("/my", { cookie });
    expect(my.status).toBe(200);
    expect(my.headers.get("cache-control")).toContain("no-store");
    const html = await my.text();
    expect(html).toContain("Hello, Aisha");
    expect(html).toContain("You have no bookings yet.");
    expect(html).toContain('action="/sign-out"');

    const again = await post(path);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("This link does not work");
  });

  it("answers the same for an address nobody registered, and sends nothing", async () => {
    const res = await post("/sign-in", { email: "stranger@example.com" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Check your email");
    expect(await h.mailFor("stranger@example.com")).toHaveLength(0);
  });

  it("asks again, naming the field, when the email is not an email", async () => {
    const res = await post("/sign-in", { email: "aisha at home" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<a href="#email">Enter an email address like name@example.com</a>');
    expect(html).toMatch(/id="email"[^>]*aria-invalid="true"/);
  });

  it("refuses a form body far larger than an email address", async () => {
    const res = await post("/sign-in", { email: `${"a".repeat(20_000)}@example.com` });
    expect(res.status).toBe(413);
  });

  it("shows an expired link as not working, with a way to ask for another", async () => {
    await post("/sign-in", { email: AISHA });
    const path = new URL(await emailedLink(AISHA)).pathname;
    h.clock.advance(16 * 60_000);
    const shown = await get(path);
    expect(shown.status).toBe(400);
    expect(await shown.text()).toContain('href="/sign-in"');
    expect((await post(path)).status).toBe(400);
  });

  it("lists the person's own bookings, and no one else's", async () => {
    const cookie = await signInThroughPages(AISHA);
    const [session] = await h.db.select().from(sessions).where(eq(sessions.id, "ses_cv_1"));
    const base = { kind: "individual" as const, sessionId: session!.id, startsAt: session!.startsAt, endsAt: session!.endsAt };
    await h.db.insert(bookings).values([
      { ...base, id: "bkg_aisha", personId: "per_demo_aisha", status: "confirmed", ticketCode: "AAAAA-11111" },
      { ...base, id: "bkg_kuba", personId: "per_demo_kuba", status: "waitlisted", ticketCode: "KKKKK-22222" },
    ]);
    const html = await (await get("/my", { cookie })).text();
    expect(html).toContain("Write your first CV");
    expect(html).toContain("Booked");
    expect(html).toContain("AAAAA-11111");
    expect(html).not.toContain("KKKKK-22222");
  });

  it("keeps My bookings under 60 KB for someone with a great many bookings", async () => {
    await h.db.insert(people).values({ id: "per_many", email: "many@example.com", displayName: "Sam", isYoungPerson: true, dateOfBirth: "2008-01-01" });
    const cookie = await signInThroughPages("many@example.com");
    const [session] = await h.db.select().from(sessions).where(eq(sessions.id, "ses_cv_1"));
    await h.db.insert(bookings).values(
      Array.from({ length: 150 }, (_, i) => ({
        id: `bkg_many_${i}`,
        kind: "individual" as const,
        sessionId: session!.id,
        personId: "per_many",
        status: "cancelled" as const,
        startsAt: session!.startsAt - (i + 1) * 86_400_000,
        endsAt: session!.endsAt - (i + 1) * 86_400_000,
        ticketCode: `MANY-${i}`,
      })),
    );
    const html = await (await get("/my", { cookie })).text();
    expect(new TextEncoder().encode(html).length).toBeLessThan(60 * 1024 - 7 * 1024);
    expect(html).toContain("Past and cancelled");
  });

  it("sends someone who is not signed in from My bookings to sign in", async () => {
    const res = await get("/my");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
  });

  it("signs out: the cookie is cleared and the session revoked", async () => {
    const cookie = await signInThroughPages(AISHA);
    const res = await post("/sign-out", {}, { origin: ORIGIN, cookie });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=0/);
    expect((await get("/my", { cookie })).status).toBe(303);
    expect((await h.request("GET", "/api/v1/me", { headers: { cookie } })).status).toBe(401);
  });

  it("uses the person's language setting when they have not chosen one on this device", async () => {
    await h.db.update(people).set({ locale: "uk" }).where(eq(people.email, "olena@example.com"));
    const cookie = await signInThroughPages("olena@example.com");
    const html = await (await get("/my", { cookie })).text();
    expect(html).toMatch(/<html lang="uk"/);
  });
});

describe("the session cookie on the API", () => {
  it("is accepted for reading when there is no Authorization header", async () => {
    const cookie = await signInThroughPages(AISHA);
    const me = await h.request("GET", "/api/v1/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: AISHA });
  });

  it("is accepted for changes that come from our own pages", async () => {
    const cookie = await signInThroughPages(AISHA);
    const sameOrigin = await h.request("DELETE", "/api/v1/auth/sessions/current", { headers: { cookie, "sec-fetch-site": "same-origin" } });
    expect(sameOrigin.status).toBe(204);
  });

  it("refuses changes another website makes the browser send (CSRF)", async () => {
    const cookie = await signInThroughPages(AISHA);
    const attempts: Record<string, string>[] = [
      { cookie, origin: "https://evil.example" },
      { cookie, "sec-fetch-site": "cross-site", origin: ORIGIN },
      { cookie, "sec-fetch-site": "same-site" },
      { cookie },
    ];
    for (const headers of attempts) {
      const res = await h.request("DELETE", "/api/v1/auth/sessions/current", { headers });
      expect(res.status).toBe(403);
      expect((await problem(res)).type).toContain("forbidden");
    }
    // Nothing was revoked: the session still works.
    expect((await h.request("GET", "/api/v1/me", { headers: { cookie } })).status).toBe(200);
    const live = await h.db.select().from(authSessions);
    expect(live.filter((s) => s.revokedAt === null).length).toBeGreaterThan(0);
  });

  it("leaves bearer tokens alone: no Origin needed, and the cookie is ignored when a header is sent", async () => {
    const token = await h.tokenFor("kuba@example.com");
    const cookie = await signInThroughPages(AISHA);
    const me = await h.request("GET", "/api/v1/me", { token, headers: { cookie } });
    expect(await me.json()).toMatchObject({ email: "kuba@example.com" });
    const out = await h.request("DELETE", "/api/v1/auth/sessions/current", { token, headers: { origin: "https://evil.example" } });
    expect(out.status).toBe(204);
  });

  it("treats a stale cookie as signed out: pages still show, the API says 401", async () => {
    const cookie = `${SESSION_COOKIE}=od_s_not-a-real-token`;
    const res = await get("/events", { cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="/sign-in"');
    expect((await h.request("GET", "/api/v1/me", { headers: { cookie } })).status).toBe(401);
  });
});

describe("the website's forms refuse other sites (CSRF)", () => {
  it("refuses a sign-in request, a link use and a sign-out posted from elsewhere", async () => {
    const before = (await h.db.select().from(magicLinks)).length;
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, {} as Record<string, string>]) {
      const res = await post("/sign-in", { email: AISHA }, headers);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Please try again");
    }
    expect((await h.db.select().from(magicLinks)).length).toBe(before);

    await post("/sign-in", { email: AISHA });
    const path = new URL(await emailedLink(AISHA)).pathname;
    const forced = await post(path, {}, { origin: "https://evil.example" });
    expect(forced.status).toBe(403);
    // The link was not used up by the refused attempt.
    const signedIn = await post(path);
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(";")[0]!;

    const signOut = await post("/sign-out", {}, { cookie, origin: "https://evil.example" });
    expect(signOut.status).toBe(403);
    expect((await get("/my", { cookie })).status).toBe(200);
  });

  // hono/csrf decides (lib/same-origin.ts); these pin what it is asked to do on our forms.
  it("refuses a signed-in form posted cross-site in every form encoding, and passes the same form from our own pages", async () => {
    const cookie = await signInThroughPages(AISHA);
    const crossSite: Record<string, string>[] = [
      { cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { cookie, "sec-fetch-site": "same-site", origin: "https://sub.opendoor.test" },
      { cookie, "sec-fetch-site": "cross-site", origin: ORIGIN },
      { cookie, "sec-fetch-site": "none" },
      { cookie, origin: "null" },
      { cookie, "content-type": "multipart/form-data; boundary=x" },
      { cookie, "content-type": "text/plain", origin: "https://evil.example" },
    ];
    for (const headers of crossSite) {
      const res = await post("/my/calendar-feed", {}, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    // Same site, as a browser says it: Sec-Fetch-Site, or (older browsers) Origin alone.
    for (const headers of [{ cookie, "sec-fetch-site": "same-origin" }, { cookie, origin: ORIGIN }] as Record<string, string>[]) {
      const res = await post("/my/calendar-feed", {}, headers);
      expect(res.status, JSON.stringify(headers)).toBeLessThan(400);
    }
  });
});
