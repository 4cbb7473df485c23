import { parseIcs } from "../../../test/support/ics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { seedDemoData } from "../../db/seed";
import { auditLog, bookings, people, sessions } from "../../db/schema";
import { createHarness, COORDINATOR, type Harness } from "../../../test/support/harness";
import { addMember, organisation, personByEmail, session as newSession } from "../../../test/support/fixtures";
import { SESSION_COOKIE } from "../../lib/auth";
import { requestMagicLink } from "../../features/auth/sign-in";
import { DAY, HOUR } from "../../lib/time";
import { LOCALES } from "../../i18n";
import { SITE_CSS } from "../style";

const ORIGIN = "https://opendoor.test";
const AISHA = "aisha@example.com"; // 15 in March 2026: under the consent age
const KUBA = "kuba@example.com"; // 17
const OLENA = "olena@example.com"; // 21

let h: Harness;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  // English pages, whatever the demo people chose, so the tests can read the words.
  await h.db.update(people).set({ locale: "en" });
  for (const email of [AISHA, KUBA, OLENA, COORDINATOR]) cookies[email] = `${SESSION_COOKIE}=${await h.tokenFor(email)}`;
});
afterAll(() => h.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>, who?: string, headers: Record<string, string> = { origin: ORIGIN }) =>
  h.request("POST", path, { body: form(fields), headers: { "content-type": "application/x-www-form-urlencoded", ...(who ? { cookie: cookies[who]! } : {}), ...headers } });
const get = async (path: string, who?: string, headers: Record<string, string> = {}) => {
  const res = await h.request("GET", path, { headers: { ...(who ? { cookie: cookies[who]! } : {}), ...headers } });
  return { res, html: await res.text() };
};
const bytes = (html: string) => new TextEncoder().encode(html).length + new TextEncoder().encode(SITE_CSS).length;

/** Books through the form and follows the redirect to the booking's page. */
async function book(who: string, sessionId: string, fields: Record<string, string> = {}) {
  const res = await post(`/sessions/${sessionId}/book`, fields, who);
  expect(res.status, await res.clone().text()).toBe(303);
  const location = res.headers.get("location")!;
  expect(location).toMatch(/^\/bookings\/bkg_/);
  return { id: location.split("/").pop()!, ...(await get(location, who)) };
}

/** A session of its own, each a day after the last, so tests' bookings never clash by accident. */
let nextDay = 40;
async function freshSession(options: Parameters<typeof newSession>[2] = {}) {
  return newSession(h.db, h.clock.now(), { startsIn: nextDay++ * DAY, ...options });
}

describe("booking from the event page", () => {
  it("puts a Book a place button beside each date, naming the date for screen readers", async () => {
    const { html } = await get("/events/evt_cv");
    expect(html).toContain('href="/sessions/ses_cv_1/book"');
    expect(html).toContain('href="/sessions/ses_cv_2/book"');
    expect(html).toMatch(/Book a place<span class="visually-hidden">: \w+day/);
  });

  it("sends someone who is not signed in to sign in, then brings them back to the form", async () => {
    const res = await h.request("GET", "/sessions/ses_cv_1/book");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
    const remembered = res.headers.getSetCookie().find((c) => c.startsWith("od_return="))!;
    expect(remembered).toMatch(/HttpOnly/);
    await requestMagicLink(h.deps, OLENA);
    const mail = (await h.mailFor(OLENA)).at(-1)!;
    const path = /https:\/\/opendoor\.test(\/sign-in\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const signedIn = await h.request("POST", path, { headers: { origin: ORIGIN, cookie: remembered.split(";")[0]! } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/sessions/ses_cv_1/book");
    expect(signedIn.headers.getSetCookie().find((c) => c.startsWith("od_return="))).toMatch(/Max-Age=0/);
  });

  it("never sends anyone to another site after signing in", async () => {
    await requestMagicLink(h.deps, OLENA);
    const mail = (await h.mailFor(OLENA)).at(-1)!;
    const path = /https:\/\/opendoor\.test(\/sign-in\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const res = await h.request("POST", path, { headers: { origin: ORIGIN, cookie: "od_return=//evil.example/x" } });
    expect(res.headers.get("location")).toBe("/my");
  });

  it("books a 17-year-old straight in: no guardian question, access needs kept, ticket and calendar on the booking page", async () => {
    const form = await get("/sessions/ses_cv_1/book", KUBA);
    expect(form.res.status).toBe(200);
    expect(form.html).toContain("ear defenders, a quiet space, step-free access, or a British Sign Language (BSL) interpreter");
    expect(form.html).not.toContain('name="guardianEmail"');
    const { id, res, html } = await book(KUBA, "ses_cv_1", { accessNeeds: "Ear defenders please" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(html).toContain("You have a place");
    expect(html).toContain("Ear defenders please");
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Ticket /);
    expect(html).toContain(`href="/api/v1/bookings/${id}/invite.ics"`);
    const invite = await h.request("GET", `/api/v1/bookings/${id}/invite.ics`, { headers: { cookie: cookies[KUBA]! } });
    expect(invite.status).toBe(200);
    expect(await invite.text()).toContain(`UID:${id}@opendoor.test`);
    expect(html).toContain(`href="/bookings/${id}/cancel"`);
    expect(html).toContain("Step-free access");
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.accessNeeds).toBe("Ear defenders please");
    expect(row!.status).toBe("confirmed");
    expect(bytes(html)).toBeLessThan(60 * 1024);
  });

  it("asks an under-16 for a parent's or carer's email, says why, and names the field when it is missing or wrong", async () => {
    const form = await get("/sessions/ses_cv_2/book", AISHA);
    expect(form.html).toContain('name="guardianEmail"');
    expect(form.html).toContain("You are under 16, so we ask a parent or carer to say yes");
    const missing = await post("/sessions/ses_cv_2/book", {}, AISHA);
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain('<a href="#guardianEmail">Enter your parent');
    expect(html).toMatch(/id="guardianEmail"[^>]*aria-invalid="true"/);
    const wrong = await post("/sessions/ses_cv_2/book", { guardianEmail: "mum at home" }, AISHA);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('value="mum at home"');
    expect(await h.db.select().from(bookings).where(and(eq(bookings.sessionId, "ses_cv_2"), eq(bookings.personId, "per_demo_aisha")))).toHaveLength(0);
  });

  it("refuses the young person's own email or another under-18's as the guardian's, next to the field, in the page's language (issue #14)", async () => {
    const own = await post("/sessions/ses_cv_2/book", { guardianEmail: " Aisha@Example.COM " }, AISHA);
    expect(own.status).toBe(400);
    const html = await own.text();
    expect(html).toContain("A parent or carer has to say yes, so give their email address: not your own, and not another young person&#39;s.");
    expect(html).toMatch(/id="guardianEmail"[^>]*aria-invalid="true"/);
    const friend = await post("/sessions/ses_cv_2/book?lang=pl", { guardianEmail: KUBA.toUpperCase() }, AISHA);
    expect(friend.status).toBe(400);
    const pl = await friend.text();
    expect(pl).toContain("Zgodę musi wyrazić rodzic lub opiekun");
    expect(pl).toMatch(/id="guardianEmail"[^>]*aria-invalid="true"/);
    expect(await h.db.select().from(bookings).where(and(eq(bookings.sessionId, "ses_cv_2"), eq(bookings.personId, "per_demo_aisha")))).toHaveLength(0);
    expect((await h.mailFor(AISHA)).filter((m) => m.text.includes("/consent/"))).toHaveLength(0);
  });

  it("holds an under-16's place while the parent or carer is asked, and says so plainly", async () => {
    const { html } = await book(AISHA, "ses_cv_2", { guardianEmail: "parent@example.com" });
    expect(html).toContain("Waiting for your parent or carer");
    expect(html).toContain("We have emailed parent@example.com");
    expect(html).not.toMatch(/<svg(?! class="pictogram")/); // no QR ticket (pictograms beside words are fine)
  });

  it("puts someone on the waiting list with their position when the session is full", async () => {
    const s = await freshSession({ capacity: 1, event: { waitlistEnabled: true } });
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, s.id));
    const { html } = await book(OLENA, s.id);
    expect(html).toContain("You are on the waiting list");
    expect(html).toContain("You are number 1 on the waiting list");
  });

  it("says before booking a full session that it joins the waiting list, and at which number: the one the booking then gets (issue #14)", async () => {
    const s = await freshSession({ capacity: 1, event: { waitlistEnabled: true } });
    const open = await get(`/sessions/${s.id}/book`, OLENA);
    expect(open.html).toContain("Book my place");
    expect(open.html).not.toContain("join the waiting list");
    await book(KUBA, s.id);
    const full = await get(`/sessions/${s.id}/book`, OLENA);
    expect(full.html).toContain("Full: join the waiting list (you would be number 1).");
    expect(full.html).toMatch(/<button class="button" type="submit" aria-describedby="waitlist-notice">Join the waiting list \(number 1\)<\/button>/);
    expect((await book(OLENA, s.id)).html).toContain("You are number 1 on the waiting list");
    const next = await get(`/sessions/${s.id}/book`, AISHA);
    expect(next.html).toContain("you would be number 2");
    expect((await book(AISHA, s.id, { guardianEmail: "aishas.mum@example.com" })).html).toContain("You are number 2 on the waiting list");
  });

  it("says a session without a waiting list is full, with a link to other dates", async () => {
    const s = await freshSession({ capacity: 1, event: { waitlistEnabled: false } });
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, s.id));
    const res = await post(`/sessions/${s.id}/book`, {}, OLENA);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("We could not book this place");
    expect(html).toContain("this session is full and it has no waiting list");
    expect(html).toContain(`href="/events/${s.eventId}"`);
  });

  it("names the other booking when the times clash, and links to it", async () => {
    const first = await freshSession({ title: "Plastering taster", startsIn: 30 * DAY });
    const second = await freshSession({ title: "Tiling taster", startsIn: 30 * DAY + HOUR });
    const { id } = await book(OLENA, first.id);
    const res = await post(`/sessions/${second.id}/book`, {}, OLENA);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("You already have a place at &quot;Plastering taster&quot; at the same time");
    expect(html).toContain(`href="/bookings/${id}"`);
  });

  it("says why someone is not eligible: the age range and their age on the day", async () => {
    const res = await post("/sessions/ses_games_1/book", {}, OLENA);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("This session is for ages 11 to 18. On the day of the session you will be 21.");
  });

  it("tells someone who already has a place, with a link to it", async () => {
    const s = await freshSession();
    const { id } = await book(OLENA, s.id);
    const res = await post(`/sessions/${s.id}/book`, {}, OLENA);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("You already have a place (or a place on the waiting list) for this session.");
    expect(html).toContain(`href="/bookings/${id}"`);
  });

  it("refuses a booking form posted from another site, and books nothing", async () => {
    const s = await freshSession();
    const res = await post(`/sessions/${s.id}/book`, {}, OLENA, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    const withoutCookie = await post(`/sessions/${s.id}/book`, {}, undefined, { origin: "https://evil.example" });
    expect(withoutCookie.status).toBe(403);
    expect(await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id))).toHaveLength(0);
  });

  it("answers 404 for a session that does not exist", async () => {
    expect((await get("/sessions/ses_nope/book", OLENA)).res.status).toBe(404);
  });
});

describe("a booking's page", () => {
  it("shows another person's booking as not found, and lets a coordinator see it (recorded in the audit log)", async () => {
    const s = await freshSession();
    const { id } = await book(OLENA, s.id);
    const other = await get(`/bookings/${id}`, KUBA);
    expect(other.res.status).toBe(404);
    expect(other.html).not.toContain("Plumbing taster");
    expect((await get(`/bookings/${id}/cancel`, KUBA)).res.status).toBe(404);
    expect((await post(`/bookings/${id}/cancel`, {}, KUBA)).status).toBe(404);
    expect((await get("/bookings/bkg_does_not_exist", KUBA)).res.status).toBe(404);
    const coordinator = await get(`/bookings/${id}`, COORDINATOR);
    expect(coordinator.res.status).toBe(200);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, "booking.read")));
    expect(audit).toHaveLength(1);
  });

  it("shows a group booking to its school's staff, and to no other school", async () => {
    const school = await organisation(h.db, "school");
    const otherSchool = await organisation(h.db, "school");
    for (const [email, org] of [["teacher@school.test", school.id], ["teacher@other.test", otherSchool.id]] as const) {
      await h.tokenFor(email);
      await addMember(h.db, org, (await personByEmail(h.db, email)).id);
      cookies[email] = `${SESSION_COOKIE}=${await h.tokenFor(email)}`;
    }
    const s = await freshSession();
    await h.db.update(sessions).set({ seatsTaken: 12 }).where(eq(sessions.id, s.id));
    await h.db.insert(bookings).values({
      id: "bkg_group_page",
      kind: "group",
      sessionId: s.id,
      organisationId: school.id,
      personId: (await personByEmail(h.db, "teacher@school.test")).id,
      status: "confirmed",
      seats: 12,
      pupils: 10,
      staff: 2,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      ticketCode: "GROUP-12345",
    });
    const own = await get("/bookings/bkg_group_page", "teacher@school.test");
    expect(own.res.status).toBe(200);
    expect(own.html).toContain("10 pupils and 2 staff");
    expect((await get("/bookings/bkg_group_page", "teacher@other.test")).res.status).toBe(404);
    expect((await get("/bookings/bkg_group_page", OLENA)).res.status).toBe(404);
  });

  it("sends someone who is not signed in to sign in", async () => {
    const res = await h.request("GET", "/bookings/bkg_anything");
    expect(res.status).toBe(303);
  });

  it("cancels only after a confirm step, frees the seat and says it is done", async () => {
    const s = await freshSession();
    const { id } = await book(OLENA, s.id);
    const confirm = await get(`/bookings/${id}/cancel`, OLENA);
    expect(confirm.html).toContain("Cancel this booking?");
    expect(confirm.html).toContain(`<form method="post" action="/bookings/${id}/cancel">`);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status).toBe("confirmed");
    const res = await post(`/bookings/${id}/cancel`, {}, OLENA);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/bookings/${id}?cancelled=1`);
    const { html } = await get(res.headers.get("location")!, OLENA);
    expect(html).toContain("Your booking is cancelled.");
    expect(html).not.toMatch(/<svg(?! class="pictogram")/); // no QR ticket (pictograms beside words are fine)
    expect(html).not.toContain("/cancel");
    const [after] = await h.db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(after!.seatsTaken).toBe(0);
    const again = await post(`/bookings/${id}/cancel`, {}, OLENA);
    expect(again.status).toBe(409);
  });

  it("refuses a cancel posted from another site", async () => {
    const s = await freshSession();
    const { id } = await book(OLENA, s.id);
    const res = await post(`/bookings/${id}/cancel`, {}, OLENA, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status).toBe("confirmed");
  });

  it("shows an offered place with the time it runs out, and accepts it", async () => {
    const s = await freshSession({ capacity: 1, event: { waitlistEnabled: true } });
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, s.id));
    const { id } = await book(OLENA, s.id);
    const until = Date.parse("2026-03-03T16:00:00Z");
    await h.db.update(bookings).set({ status: "offered", holdExpiresAt: until }).where(eq(bookings.id, id));
    const { html } = await get(`/bookings/${id}`, OLENA);
    expect(html).toContain("A place is free for you");
    expect(html).toContain("Accept it before Tuesday 3 March at 4:00pm");
    expect(html).toContain(`action="/bookings/${id}/accept"`);
    expect((await post(`/bookings/${id}/accept`, {}, KUBA)).status).toBe(404);
    expect((await post(`/bookings/${id}/accept`, {}, OLENA, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const res = await post(`/bookings/${id}/accept`, {}, OLENA);
    expect(res.status).toBe(303);
    expect((await get(`/bookings/${id}`, OLENA)).html).toContain("You have a place");
  });

  it("says plainly when an offer has run out", async () => {
    const s = await freshSession({ capacity: 1, event: { waitlistEnabled: true } });
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, s.id));
    const { id } = await book(OLENA, s.id);
    await h.db.update(bookings).set({ status: "offered", holdExpiresAt: h.clock.now() - 1 }).where(eq(bookings.id, id));
    const res = await post(`/bookings/${id}/accept`, {}, OLENA);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("this offer has run out");
  });
});

describe("guardian consent", () => {
  async function consentPath(guardian: string, sessionId: string) {
    await book(AISHA, sessionId, { guardianEmail: guardian });
    const mail = (await h.mailFor(guardian)).at(-1)!;
    return /https:\/\/opendoor\.test(\/consent\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  }

  it("shows what is agreed without signing in, keeps the token out of other links, and grants once", async () => {
    const s = await freshSession({ title: "Bike repair taster" });
    await h.db.update(sessions).set({ venueId: "ven_library" }).where(eq(sessions.id, s.id));
    const path = await consentPath("dad@example.com", s.id);
    const { res, html } = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(html).toContain("Aisha has booked a free Open Door activity. Because they are under 16");
    expect(html).toContain("Bike repair taster");
    expect(html).toContain("Step-free access");
    expect(html).toContain('value="grant"');
    expect(html).toContain('value="refuse"');
    const token = path.split("/").pop()!;
    // The token appears only in this page's own address (its form and language links).
    const hrefs = [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1]!).filter((u) => u.includes(token));
    expect(hrefs.filter((u) => !u.startsWith(path))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\/(?!opendoor\.test)[^"]*\b/);

    const granted = await post(path, { decision: "grant" });
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain("Thank you: the place is booked");
    const [b] = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(b!.status).toBe("confirmed");
    // Issue #14: the used link shows the decision (withdrawing is tested in test/guardian-consent.test.ts).
    const used = await get(path);
    expect(used.res.status).toBe(200);
    expect(used.html).toContain("You said yes: Aisha can come.");
    expect((await post(path, { decision: "refuse" })).status).toBe(409);
    const [still] = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(still!.status).toBe("confirmed");
  });

  it("refuses: the booking is cancelled and the seat freed", async () => {
    const s = await freshSession();
    const path = await consentPath("mum@example.com", s.id);
    const res = await post(path, { decision: "refuse" });
    expect(await res.text()).toContain("Thank you: the booking is cancelled");
    const [b] = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(b!.status).toBe("cancelled");
  });

  it("shows a kind page for a link that has run out or never existed", async () => {
    const s = await freshSession();
    const path = await consentPath("carer@example.com", s.id);
    h.clock.advance(49 * HOUR);
    try {
      const { res, html } = await get(path);
      expect(res.status).toBe(404);
      expect(html).toContain("This link no longer works");
      expect((await get("/consent/not-a-token")).html).toContain("This link no longer works");
    } finally {
      h.clock.advance(-49 * HOUR);
    }
  });

  it("refuses a consent answer posted from another site", async () => {
    const s = await freshSession();
    const path = await consentPath("gran@example.com", s.id);
    const res = await post(path, { decision: "grant" }, undefined, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const [b] = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(b!.status).toBe("pending_consent");
  });
});

describe("My bookings", () => {
  it("links each booking to its page and offers the calendar feed and Your data (tested in your-data/)", async () => {
    const { html } = await get("/my", KUBA);
    const [b] = await h.db.select().from(bookings).where(eq(bookings.personId, "per_demo_kuba"));
    expect(html).toContain(`href="/bookings/${b!.id}"`);
    expect(html).toContain('action="/my/calendar-feed"');
    expect(html).toContain('href="/my/data"');
  });

  it("shows a new calendar feed link once, and it works", async () => {
    const res = await post("/my/calendar-feed", {}, KUBA);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    const url = /https:\/\/opendoor\.test(\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]+\.ics)/.exec(html)![1]!;
    expect(html).toContain("We show this link only once");
    const feed = await h.request("GET", url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    expect((await post("/my/calendar-feed", {}, KUBA, { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });
});

describe("mentoring", () => {
  it("lists only slots the young person can book, filtered by sector, way of meeting and language", async () => {
    const { html } = await get("/mentoring", KUBA);
    expect(html).toContain("Priya, staff nurse");
    expect(html).toContain("Dee, site manager");
    // Tom's safety check is not done, so a 17-year-old is not shown his slots.
    expect(html).not.toContain("Tom, IT apprentice");
    const health = await get("/mentoring?sector=health&mode=online&language=pl", KUBA);
    expect(health.html).toContain("Priya, staff nurse");
    expect(health.html).not.toContain("Dee, site manager");
    expect(health.html).toContain('href="/mentoring-slots/slt_priya_1/book"');
    expect(health.html).not.toContain("slt_priya_2");
    expect(bytes(html)).toBeLessThan(60 * 1024);
  });

  it("refuses an under-16's own email as the guardian's for mentoring, next to the field (issue #14)", async () => {
    for (const guardianEmail of ["AISHA@example.com", KUBA]) {
      const res = await post("/mentoring-slots/slt_priya_1/book", { guardianEmail }, AISHA);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain("not your own, and not another young person&#39;s");
      expect(html).toMatch(/id="guardianEmail"[^>]*aria-invalid="true"/);
    }
  });

  it("asks an under-16 for a guardian's email and books; the meeting link is only on the booked person's page", async () => {
    const form = await get("/mentoring-slots/slt_priya_1/book", AISHA);
    expect(form.html).toContain("You are under 16, so we copy in a parent or carer");
    expect((await post("/mentoring-slots/slt_priya_1/book", {}, AISHA)).status).toBe(400);
    const res = await post("/mentoring-slots/slt_priya_1/book", { guardianEmail: "parent@example.com" }, AISHA);
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    const mine = await get(location, AISHA);
    expect(mine.html).toContain("https://meet.example/mentoring-priya-1");
    expect(mine.html).toContain("Priya, staff nurse");
    const other = await get(location, KUBA);
    expect(other.res.status).toBe(404);
    const coordinator = await get(location, COORDINATOR);
    expect(coordinator.res.status).toBe(200);
    expect(coordinator.html).not.toContain("https://meet.example/mentoring-priya-1");
    const my = await get("/my", AISHA);
    expect(my.html).toContain(`href="${location}"`);
  });

  it("answers not found for a slot already booked, and refuses one that clashes with a booking", async () => {
    expect((await post("/mentoring-slots/slt_priya_1/book", {}, KUBA)).status).toBe(404);
    // Kuba has the CV workshop (4:00pm to 5:30pm) when Dee's first slot starts at 5:00pm.
    const clash = await post("/mentoring-slots/slt_dee_1/book", {}, KUBA);
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain("You already have something booked at this time.");
    const booked = await post("/mentoring-slots/slt_dee_4/book", {}, KUBA);
    expect(booked.status).toBe(303);
    // A mentoring booking's page has "Add to calendar" too, and the file is the meeting's invite.
    const id = booked.headers.get("location")!.split("/").pop()!;
    expect((await get(`/bookings/${id}`, KUBA)).html).toContain(`href="/api/v1/bookings/${id}/invite.ics"`);
    const invite = await h.request("GET", `/api/v1/bookings/${id}/invite.ics`, { headers: { cookie: cookies[KUBA]! } });
    expect(invite.status).toBe(200);
    expect(parseIcs(await invite.text()).events[0]!.summary).toContain("Dee");
  });

  it("cancels a mentoring booking from its page, and the slot opens again", async () => {
    const [booking] = await h.db.select().from(bookings).where(and(eq(bookings.slotId, "slt_dee_4"), eq(bookings.personId, "per_demo_kuba")));
    const res = await post(`/bookings/${booking!.id}/cancel`, {}, KUBA);
    expect(res.status).toBe(303);
    expect((await get(res.headers.get("location")!, KUBA)).html).toContain("Your booking is cancelled.");
    expect((await get("/mentoring", KUBA)).html).toContain('href="/mentoring-slots/slt_dee_4/book"');
  });

  it("refuses a mentoring booking posted from another site", async () => {
    const res = await post("/mentoring-slots/slt_dee_3/book", {}, OLENA, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(await h.db.select().from(bookings).where(eq(bookings.slotId, "slt_dee_3"))).toHaveLength(0);
  });
});

describe("every new page", () => {
  it("renders in every language with its lang and dir, under 60 KB", async () => {
    const s = await freshSession();
    const { id } = await book(OLENA, s.id);
    for (const locale of LOCALES) {
      for (const [path, who] of [
        [`/sessions/${s.id}/book`, OLENA],
        [`/bookings/${id}`, OLENA],
        [`/bookings/${id}/cancel`, OLENA],
        ["/mentoring", OLENA],
        ["/mentoring-slots/slt_dee_2/book", OLENA],
        ["/consent/not-a-token", undefined],
      ] as [string, string | undefined][]) {
        const { res, html } = await get(`${path}?lang=${locale}`, who);
        expect([200, 404]).toContain(res.status);
        expect(/<html[^>]*>/.exec(html)![0]).toContain(`lang="${locale}"`);
        expect(bytes(html), `${path} in ${locale}`).toBeLessThan(60 * 1024);
      }
    }
  });

  it("keeps an event page with its most dates (60), each with a Book a place button, under 60 KB", async () => {
    const first = await freshSession({ title: "Weekly coding club" });
    for (let i = 1; i < 60; i++) await newSession(h.db, h.clock.now(), { eventId: first.eventId, startsIn: (100 + i) * DAY });
    for (const locale of LOCALES) {
      const { html } = await get(`/events/${first.eventId}?lang=${locale}`);
      expect(html.match(/\/book"/g)).toHaveLength(60);
      expect(bytes(html), locale).toBeLessThan(60 * 1024);
    }
  });

  it("keeps untrusted text inert: a booking's access needs are escaped", async () => {
    const s = await freshSession();
    const { html } = await book(OLENA, s.id, { accessNeeds: '<script>alert("x")</script>' });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
