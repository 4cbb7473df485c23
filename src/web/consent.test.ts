// The guardian's link in the consent email is opened in a browser, not called as an API: it
// must lead to a page that asks, and only pressing a button decides (link scanners open URLs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../test/support/fixtures";
import { DAY } from "../lib/time";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A 15-year-old books an event with consent age 16; returns the path the guardian's email links to. */
async function pendingBooking(guardian: string) {
  const s = await session(h.db, h.clock.now(), { startsIn: 8 * DAY, title: "Try being a chef", event: { consentAge: 16 } });
  const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2011-01-01" });
  const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp!.token, body: { guardianEmail: guardian } });
  const booking = (await res.json()) as { id: string; status: string };
  expect(booking.status).toBe("pending_consent");
  const [mail] = await h.mailFor(guardian);
  const url = /https:\/\/opendoor\.test(\/consent\/[A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  return { booking, path: url, token: yp!.token };
}

const status = async (id: string, token: string) => ((await (await h.request("GET", `/api/v1/bookings/${id}`, { token })).json()) as { status: string }).status;
const decide = (path: string, decision: string, site = "same-origin") =>
  h.request("POST", path, { body: `decision=${decision}`, headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": site } });

describe("the guardian's consent page", () => {
  it("opens from the emailed link, says who and what it is for, and decides nothing by being opened", async () => {
    const { booking, path, token } = await pendingBooking("parent1@example.com");
    const res = await h.request("GET", path);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const body = await res.text();
    expect(body).toContain("Sam");
    expect(body).toContain("Try being a chef");
    expect(body).toMatch(/<button[^>]*value="grant"/);
    expect(body).toMatch(/<button[^>]*value="refuse"/);
    expect(await h.request("GET", path).then((r) => r.status)).toBe(200);
    expect(await status(booking.id, token)).toBe("pending_consent");
  });

  it("confirms the booking when the guardian presses yes, once", async () => {
    const { booking, path, token } = await pendingBooking("parent2@example.com");
    const yes = await decide(path, "grant");
    expect(yes.status).toBe(200);
    expect(await yes.text()).toContain("place is confirmed");
    expect(await status(booking.id, token)).toBe("confirmed");
    const again = await decide(path, "grant");
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already been used");
  });

  it("cancels the booking when the guardian presses no", async () => {
    const { booking, path, token } = await pendingBooking("parent3@example.com");
    const no = await decide(path, "refuse");
    expect(no.status).toBe(200);
    expect(await status(booking.id, token)).toBe("cancelled");
  });

  it("refuses an answer posted from another site (CSRF), deciding nothing", async () => {
    const { booking, path, token } = await pendingBooking("parent5@example.com");
    expect((await decide(path, "refuse", "cross-site")).status).toBe(403);
    expect(await status(booking.id, token)).toBe("pending_consent");
  });

  it("explains a link that does not work, and refuses an answer that is neither yes nor no", async () => {
    const unknown = await h.request("GET", "/consent/not-a-real-token-at-all");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("This link does not work");
    const { booking, path, token } = await pendingBooking("parent4@example.com");
    expect((await decide(path, "maybe")).status).toBe(400);
    expect(await status(booking.id, token)).toBe("pending_consent");
  });
});
