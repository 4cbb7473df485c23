// Issue #14, your details: PATCH /api/v1/me and /my/details correct name, date of birth, email
// and language through one verb (features/auth/profile.ts). A date of birth that no longer fits
// an upcoming booking flags it to coordinators (never cancels it); a new email changes only
// when the link sent to it is used, and the old address is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, bookingAgeFlags, bookings, events, organisations, people, sessions } from "../src/db/schema";
import { SESSION_COOKIE } from "../src/lib/auth";
import { COORDINATOR, createHarness, problem, type Harness } from "./support/harness";

const ORIGIN = "https://opendoor.test";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.db.insert(organisations).values({ id: "org_host", type: "employer", name: "Host", contactEmail: "host@example.com", createdAt: h.clock.now() });
});
afterAll(() => h.close());

const patch = (token: string, body: Record<string, unknown>) => h.request("PATCH", "/api/v1/me", { token, body });
const post = (path: string, fields: Record<string, string>, cookie = "") =>
  h.request("POST", path, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, accept: "text/html", cookie },
  });
const linkIn = async (to: string) => {
  const mail = await h.mailFor(to);
  return /https:\/\/opendoor\.test(\/my\/details\/email\/[A-Za-z0-9_-]+)/.exec(mail.at(-1)?.text ?? "")?.[1];
};

/** A 14-16 taster in ten days, and a booking of it for `token`'s person. */
async function bookedTaster(token: string) {
  const now = h.clock.now();
  const eventId = `evt_${Math.random().toString(36).slice(2)}`;
  const sessionId = `ses_${eventId.slice(4)}`;
  await h.db.insert(events).values({ id: eventId, title: { en: "Plastering taster" }, description: { en: "Try plastering." }, type: "career_taster", hostOrganisationId: "org_host", minAge: 14, maxAge: 16, consentAge: 11, createdAt: now } as typeof events.$inferInsert);
  await h.db.insert(sessions).values({ id: sessionId, eventId, startsAt: now + 10 * 86_400_000, endsAt: now + 10 * 86_400_000 + 3_600_000, capacity: 10, createdAt: now } as typeof sessions.$inferInsert);
  const res = await h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body: {} });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("PATCH /api/v1/me", () => {
  it("corrects the name and language at once", async () => {
    const token = await h.tokenFor("rename@example.com", { dateOfBirth: "2010-01-01", isYoungPerson: true });
    const res = await patch(token, { displayName: "Ren", locale: "uk" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ displayName: "Ren", locale: "uk", pendingEmail: null, flaggedBookings: 0 });
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "person.details_changed")));
    expect(a!.detail).toEqual({ fields: ["displayName", "locale"] });
  });

  it("flags, never cancels, an upcoming booking that the corrected date of birth puts outside its age range, and refuses ages outside 11-25", async () => {
    const token = await h.tokenFor("dob@example.com", { dateOfBirth: "2011-01-01", isYoungPerson: true });
    const bookingId = await bookedTaster(token);
    const res = await patch(token, { dateOfBirth: "2013-01-01" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dateOfBirth: "2013-01-01", flaggedBookings: 1 });
    const [booking] = await h.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(booking!.status).toBe("confirmed");
    expect(await h.db.select().from(bookingAgeFlags).where(eq(bookingAgeFlags.bookingId, bookingId))).toEqual([expect.objectContaining({ age: 13, minAge: 14, maxAge: 16, resolvedAt: null })]);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.action, "booking.age_flagged"), eq(auditLog.subjectId, bookingId)))).toHaveLength(1);
    // Shown on the coordinators' page.
    const coordinator = await h.tokenFor(COORDINATOR);
    const page = await (await h.request("GET", "/coordinator", { headers: { cookie: `${SESSION_COOKIE}=${coordinator}` } })).text();
    expect(page).toContain(`href="/bookings/${bookingId}"`);
    expect(page).toContain("the activity is for ages 14 to 16");

    // A coordinator deals with it: listed by the API, marked once however often it is pressed,
    // from either door; nobody else may.
    const listed = await h.request("GET", "/api/v1/age-flags", { token: coordinator });
    const flag = ((await listed.json()) as { items: { id: string; bookingId: string; age: number }[] }).items.find((f) => f.bookingId === bookingId)!;
    expect(flag).toMatchObject({ age: 13, minAge: 14, maxAge: 16 });
    expect((await h.request("GET", "/api/v1/age-flags", { token })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/age-flags/${flag.id}/resolution`, { token })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/age-flags/agf_nope/resolution", { token: coordinator })).status).toBe(404);
    const presses = await Promise.all([
      h.request("POST", `/api/v1/age-flags/${flag.id}/resolution`, { token: coordinator }),
      post(`/coordinator/age-flags/${flag.id}/resolution`, {}, `${SESSION_COOKIE}=${coordinator}`),
      h.request("POST", `/api/v1/age-flags/${flag.id}/resolution`, { token: coordinator }),
    ]);
    expect(presses.map((r) => r.status)).toEqual([200, 303, 200]);
    expect(presses[1]!.headers.get("location")).toBe("/coordinator?done=age-flag#age-flags");
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.action, "booking.age_flag_resolved"), eq(auditLog.subjectId, bookingId)))).toHaveLength(1);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!.status).toBe("confirmed");
    const after = await (await h.request("GET", "/coordinator?done=age-flag", { headers: { cookie: `${SESSION_COOKIE}=${coordinator}` } })).text();
    expect(after).not.toContain(`href="/bookings/${bookingId}"`);
    expect(after).toContain("Marked as dealt with.");
    // Without the page's own origin the form does nothing.
    const crossSite = await h.request("POST", `/coordinator/age-flags/${flag.id}/resolution`, { headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", accept: "text/html", cookie: `${SESSION_COOKIE}=${coordinator}` }, body: "" });
    expect(crossSite.status).toBe(403);

    const tooOld = await patch(token, { dateOfBirth: "1990-01-01" });
    expect(tooOld.status).toBe(422);
    expect((await problem(tooOld)).errors?.[0]?.path).toBe("dateOfBirth");
  });

  it("changes the email only when the link sent to the new address is used; the old address is told; the link works once", async () => {
    const token = await h.tokenFor("old@example.com", { dateOfBirth: "2009-01-01", isYoungPerson: true });
    const res = await patch(token, { email: "New@Example.com" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: "old@example.com", pendingEmail: "new@example.com" });
    const notice = await h.mailFor("old@example.com");
    expect(notice.at(-1)!.text).toContain("new@example.com");
    const link = (await linkIn("new@example.com"))!;
    expect(link).toBeDefined();
    // Opening the link changes nothing; the button does.
    expect((await h.request("GET", link)).status).toBe(200);
    expect((await h.db.select().from(people).where(eq(people.email, "old@example.com")))).toHaveLength(1);
    const done = await post(link, {});
    expect(done.status).toBe(200);
    expect(await h.db.select().from(people).where(eq(people.email, "new@example.com"))).toHaveLength(1);
    expect((await post(link, {})).status).toBe(404);
    const token2 = h.request("POST", `/api/v1/email-changes/${link.split("/").pop()}`);
    expect((await token2).status).toBe(401);
  });

  it("refuses to move an account onto an address another account holds (when the link is used)", async () => {
    await h.tokenFor("holder@example.com");
    const token = await h.tokenFor("mover@example.com");
    await patch(token, { email: "holder@example.com" });
    const link = (await linkIn("holder@example.com"))!;
    const res = await h.request("POST", `/api/v1/email-changes/${link.split("/").pop()}`);
    expect(res.status).toBe(409);
    expect(await h.db.select().from(people).where(eq(people.email, "mover@example.com"))).toHaveLength(1);
  });

  it("refuses a date of birth for a staff account, and needs sign-in", async () => {
    const token = await h.tokenFor("staffer@example.com");
    const res = await patch(token, { dateOfBirth: "2010-01-01" });
    expect(res.status).toBe(400);
    expect((await h.request("PATCH", "/api/v1/me", { body: { displayName: "X" } })).status).toBe(401);
  });
});

describe("/my/details, the same rules on the website", () => {
  it("shows the details, saves a correction, flags bookings in plain words, and asks for sign-in when signed out", async () => {
    const token = await h.tokenFor("webdob@example.com", { dateOfBirth: "2011-02-02", isYoungPerson: true, displayName: "Web" });
    const cookie = `${SESSION_COOKIE}=${token}`;
    await bookedTaster(token);
    const page = await h.request("GET", "/my/details", { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('value="2011-02-02"');
    const saved = await post("/my/details", { displayName: "Webby", dateOfBirth: "2013-02-02", email: "webdob@example.com", locale: "en" }, cookie);
    expect(saved.status).toBe(200);
    const html = await saved.text();
    expect(html).toContain("Saved.");
    expect(html).toContain("nothing has been cancelled");
    expect((await h.db.select().from(people).where(eq(people.email, "webdob@example.com")))[0]).toMatchObject({ displayName: "Webby", dateOfBirth: "2013-02-02" });
    const refused = await post("/my/details", { displayName: "Webby", dateOfBirth: "2020-01-01", email: "webdob@example.com", locale: "en" }, cookie);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('href="#dateOfBirth"');
    expect((await h.request("GET", "/my/details")).status).toBe(303);
  });
});
