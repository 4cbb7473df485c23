import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, mentoringSlots, people, sessions } from "../../../db/schema";
import { COORDINATOR, createHarness, type Harness } from "../../../../test/support/harness";
import { session as newSession } from "../../../../test/support/fixtures";
import { makeMentor, makeOrg, makeSlot, staffOf, youngPerson } from "../../../../test/support/mentoring-fixtures";
import { checkSeatAccounting } from "../../../rules/capacity";
import { erasedEmail } from "../../../features/privacy/erasure";
import { SESSION_COOKIE } from "../../../lib/auth";
import { DAY } from "../../../lib/time";
import { LOCALES } from "../../../i18n";
import { SITE_CSS } from "../../style";

const ORIGIN = "https://opendoor.test";
const SEVENTEEN = "2009-01-01";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

const cookieOf = (token: string) => `${SESSION_COOKIE}=${token}`;
const get = async (path: string, token?: string) => {
  const res = await h.request("GET", path, { headers: token ? { cookie: cookieOf(token) } : {} });
  return { res, html: await res.text() };
};
const post = (path: string, token?: string, headers: Record<string, string> = { origin: ORIGIN }) =>
  h.request("POST", path, { body: "", headers: { "content-type": "application/x-www-form-urlencoded", ...(token ? { cookie: cookieOf(token) } : {}), ...headers } });
/** Books a seat through the booking form, as the person would. */
async function bookThroughForm(sessionId: string, token: string) {
  const res = await post(`/sessions/${sessionId}/book`, token);
  expect(res.status, await res.clone().text()).toBe(303);
  const id = res.headers.get("location")!.split("/").pop()!;
  return (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
}
const personRow = async (id: string) => (await h.db.select().from(people).where(eq(people.id, id)))[0]!;
let nextDay = 10;
const freshSession = (capacity = 20) => newSession(h.db, h.clock.now(), { capacity, startsIn: nextDay++ * DAY, event: { waitlistEnabled: true } });

describe("your data pages", () => {
  it("links My bookings to Your data, which offers a download and deleting the account side by side", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const my = await get("/my", yp.token);
    expect(my.html).toContain('href="/my/data"');
    const { res, html } = await get("/my/data", yp.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(html).toContain("This is what Open Door keeps about you:");
    expect(html).toContain('href="/my/data/export"');
    expect(html).toContain('href="/my/data/delete"');
  });

  it.each(["/my/data", "/my/data/export", "/my/data/delete"])("sends someone signed out from %s to sign in, and back there after", async (path) => {
    const res = await h.request("GET", path);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
    expect(res.headers.getSetCookie().find((c) => c.startsWith("od_return="))).toContain(`od_return=${encodeURIComponent(path)}`);
  });

  it("sends someone signed out who posts the delete form to sign in, and deletes nothing", async () => {
    const res = await post("/my/data/delete");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
  });

  it("downloads the person's own data only, as the API gives it, as a file that is never cached", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const other = await youngPerson(h, SEVENTEEN);
    const s = await freshSession();
    const mine = await bookThroughForm(s.id, yp.token);
    const theirs = await bookThroughForm(s.id, other.token);
    const res = await h.request("GET", "/my/data/export", { headers: { cookie: cookieOf(yp.token) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="open-door-my-data.json"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const data = (await res.json()) as { profile: { email: string }; bookings: { id: string }[] };
    expect(data.profile.email).toBe(yp.email);
    expect(data.bookings.map((b) => b.id)).toEqual([mine.id]);
    expect(JSON.stringify(data)).not.toContain(other.email);
    expect(JSON.stringify(data)).not.toContain(theirs.id);
    const api = await h.request("GET", "/api/v1/me/export", { token: yp.token });
    expect(data).toEqual(await api.json());
  });

  it("says plainly what deleting does and keeps, with one button to delete and one to go back, and nothing to type", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const { res, html } = await get("/my/data/delete", yp.token);
    expect(res.status).toBe(200);
    expect(html).toContain("Delete your account?");
    expect(html).toContain("If people are on the waiting list, your place is offered to the next person.");
    expect(html).toContain("The time opens again for others, and the mentor is told.");
    expect(html).toContain("You are signed out on every device.");
    expect(html).toContain("What we keep, without your name");
    expect(html).toContain("You cannot undo this.");
    expect(html).not.toContain("Group bookings you made stay with the school");
    const main = html.slice(html.indexOf("<main"));
    expect(main).toContain('<form method="post" action="/my/data/delete"><button class="button" type="submit">Delete my account</button></form>');
    expect(main).toContain('<a class="button secondary" href="/my/data">No, keep my account</a>');
    expect(main).not.toMatch(/<input|<textarea|<select/);
    const staff = await staffOf(h, await makeOrg(h, "school"));
    expect((await get("/my/data/delete", staff.token)).html).toContain("Group bookings you made stay with the school");
  });

  it("refuses a delete posted from another site, and the account stays", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    for (const headers of [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }] as Record<string, string>[]) {
      const res = await post("/my/data/delete", yp.token, headers);
      expect(res.status).toBe(403);
    }
    expect((await personRow(yp.personId)).erasedAt).toBeNull();
    expect((await get("/my/data", yp.token)).res.status).toBe(200);
  });

  it("deletes the account: the seat goes to the first person waiting, the mentoring slot reopens, and the cookie stops working", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const next = await youngPerson(h, SEVENTEEN);
    const full = await freshSession(1);
    const mine = await bookThroughForm(full.id, yp.token);
    const queued = await bookThroughForm(full.id, next.token);
    expect([mine.status, queued.status]).toEqual(["confirmed", "waitlisted"]);
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h, "employer")), "2026-03-20T17:00:00Z");
    expect((await post(`/mentoring-slots/${slot}/book`, yp.token)).status).toBe(303);

    const res = await post("/my/data/delete", yp.token);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/my/data/deleted?lang=en");
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=0/);

    const person = await personRow(yp.personId);
    expect(person.erasedAt).not.toBeNull();
    expect([person.email, person.displayName, person.dateOfBirth]).toEqual([erasedEmail(yp.personId), "Erased", null]);
    const [cancelled] = await h.db.select().from(bookings).where(eq(bookings.id, mine.id));
    expect([cancelled!.status, cancelled!.cancelReason]).toEqual(["cancelled", "erased"]);
    const [offered] = await h.db.select().from(bookings).where(eq(bookings.id, queued.id));
    expect(offered!.status).toBe("offered");
    const [seats] = await h.db.select().from(sessions).where(eq(sessions.id, full.id));
    expect(seats!.seatsTaken).toBe(1);
    const [reopened] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    expect(reopened!.status).toBe("open");

    // The old cookie is nobody's now: every signed-in page asks to sign in again.
    for (const path of ["/my", "/my/data", "/my/data/export"]) {
      const after = await h.request("GET", path, { headers: { cookie: cookieOf(yp.token) } });
      expect(after.status, path).toBe(303);
      expect(after.headers.get("location")).toBe("/sign-in");
    }
    expect((await h.request("GET", "/api/v1/me", { token: yp.token })).status).toBe(401);
    const again = await post("/my/data/delete", yp.token);
    expect(again.headers.get("location")).toBe("/sign-in");

    const done = await get("/my/data/deleted?lang=en");
    expect(done.res.status).toBe(200);
    expect(done.html).toContain("Your account is deleted");
    expect(done.html).not.toContain(yp.email);
  });

  it("refuses to delete a coordinator's account and says why, in their language", async () => {
    const token = await h.tokenFor(COORDINATOR);
    const res = await post("/my/data/delete?lang=pl", token);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("To konto koordynatora.");
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBeUndefined();
    const [coordinator] = await h.db.select().from(people).where(eq(people.email, COORDINATOR));
    expect(coordinator!.erasedAt).toBeNull();
    expect((await get("/my", token)).res.status).toBe(200);
  });

  it("renders every page in every language with its lang and dir, under 60 KB", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    for (const locale of LOCALES) {
      for (const [path, token] of [
        ["/my/data", yp.token],
        ["/my/data/delete", yp.token],
        ["/my/data/deleted", undefined],
      ] as [string, string | undefined][]) {
        const { res, html } = await get(`${path}?lang=${locale}`, token);
        expect(res.status).toBe(200);
        expect(/<html[^>]*>/.exec(html)![0]).toContain(`lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"`);
        const size = new TextEncoder().encode(html).length + new TextEncoder().encode(SITE_CSS).length;
        expect(size, `${path} in ${locale}`).toBeLessThan(60 * 1024);
      }
    }
  });
});
