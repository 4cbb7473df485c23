// Issue #14: the link in the feedback invitation opens a feedback page (no sign-in: the link is
// the booking's own), one answer per booking, and the answer shows in the event's summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings } from "../src/db/schema";
import { markNoShows } from "../src/features/attendance/no-shows";
import { SESSION_COOKIE } from "../src/lib/auth";
import { DAY, HOUR } from "../src/lib/time";
import { COORDINATOR, createHarness, type Harness } from "./support/harness";
import { session as newSession } from "./support/fixtures";

const ORIGIN = "https://opendoor.test";
let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

const person = async (name: string) => {
  const email = `${name.toLowerCase()}@example.com`;
  const token = await h.tokenFor(email, { displayName: name, dateOfBirth: "2008-05-01", isYoungPerson: true });
  return { email, token, cookie: `${SESSION_COOKIE}=${token}` };
};
const get = async (path: string, cookie?: string) => {
  const res = await h.request("GET", path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, res, html: await res.text() };
};
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  h.request("POST", path, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...(cookie ? { cookie } : {}) },
  });
const book = async (sessionId: string, token: string) => {
  const res = await h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body: {} });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

describe("the feedback invitation's link", () => {
  it("opens a form without signing in, takes one answer, and the answer shows in the event's summary", async () => {
    const s = await newSession(h.db, h.clock.now(), { startsIn: DAY, title: "Bricklaying taster" });
    const ada = await person("Ada");
    const bilal = await person("Bilal");
    const adas = await book(s.id, ada.token);
    const bilals = await book(s.id, bilal.token);
    await h.db.update(bookings).set({ status: "attended", checkedInAt: s.startsAt }).where(eq(bookings.sessionId, s.id));
    h.clock.set(s.endsAt + 3 * HOUR);
    try {
      expect((await markNoShows(h.deps)).invited).toBe(2);
      const mail = (await h.mailFor(ada.email)).find((m) => m.subject.includes("Bricklaying taster") && m.text.includes("/feedback"))!;
      const path = /https:\/\/opendoor\.test(\/bookings\/[^\s?]+\/feedback\?t=[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      expect(path.startsWith(`/bookings/${adas}/feedback?t=`)).toBe(true);

      // Not signed in: the link alone opens the form; the token stays out of caches and referrers.
      const form = await get(path);
      expect(form.status).toBe(200);
      expect(form.res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(form.html).toContain("Tell us what you thought of Bricklaying taster.");
      expect(form.html).toContain('name="rating"');
      expect(form.html).toContain(`action="${path.replace("&", "&amp;")}"`);

      // A rating is needed; the words are kept when it is missing.
      const missing = await post(path, { whatWorked: "Laying a real wall" });
      expect(missing.status).toBe(400);
      const missingHtml = await missing.text();
      expect(missingHtml).toContain("Choose how it was, from 1 to 5");
      expect(missingHtml).toContain("Laying a real wall");

      const sent = await post(path, { rating: "5", whatWorked: "Laying a real wall", couldBeBetter: "More time" });
      expect(sent.status).toBe(200);
      expect(await sent.text()).toContain("Thank you for your feedback");

      // One answer per booking: the link now says so, and a second post changes nothing.
      expect((await get(path)).html).toContain("You have already given feedback");
      expect((await post(path, { rating: "1" })).status).toBe(409);

      // Signed in, without the link: Bilal answers from his own booking's page, anonymously.
      const own = await get(`/bookings/${bilals}/feedback`, bilal.cookie);
      expect(own.status).toBe(200);
      expect((await post(`/bookings/${bilals}/feedback`, { rating: "3", couldBeBetter: "Warmer room", anonymous: "1" }, bilal.cookie)).status).toBe(200);

      const summary = await h.request("GET", `/api/v1/events/${s.eventId}/feedback-summary`, { token: coordinator });
      expect(summary.status).toBe(200);
      const body = (await summary.json()) as { count: number; averageRating: number; anonymousCount: number; comments: { whatWorked: string; couldBeBetter: string; from: { name: string } | null }[] };
      expect(body).toMatchObject({ count: 2, averageRating: 4, anonymousCount: 1 });
      expect(body.comments).toContainEqual(expect.objectContaining({ whatWorked: "Laying a real wall", couldBeBetter: "More time", from: expect.objectContaining({ name: "Ada" }) }));
      expect(body.comments).toContainEqual(expect.objectContaining({ couldBeBetter: "Warmer room", from: null }));
    } finally {
      h.clock.set(Date.parse("2026-03-02T09:00:00Z"));
    }
  });

  it("opens for nobody else: a wrong link, another person, someone signed out, or a session not yet attended", async () => {
    const s = await newSession(h.db, h.clock.now(), { startsIn: 2 * DAY });
    const cleo = await person("Cleo");
    const dev = await person("Dev");
    const id = await book(s.id, cleo.token);
    const wrong = await get(`/bookings/${id}/feedback?t=not-the-token`);
    expect(wrong.status).toBe(404);
    expect(wrong.html).toContain("This feedback link does not work");
    expect((await post(`/bookings/${id}/feedback?t=not-the-token`, { rating: "5" })).status).toBe(404);
    expect((await get(`/bookings/${id}/feedback`, dev.cookie)).status).toBe(404);
    const signedOut = await h.request("GET", `/bookings/${id}/feedback`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe("/sign-in");
    expect((await get(`/bookings/${id}/feedback`, cleo.cookie)).html).toContain("Feedback opens after the session");
    expect((await post(`/bookings/${id}/feedback`, { rating: "5" }, cleo.cookie)).status).toBe(409);
    // Another site cannot post an answer for them.
    const forged = await h.request("POST", `/bookings/${id}/feedback`, {
      body: "rating=1",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", cookie: cleo.cookie },
    });
    expect(forged.status).toBe(403);
  });
});
