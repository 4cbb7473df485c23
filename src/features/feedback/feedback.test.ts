import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, feedback } from "../../db/schema";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { seedBooking, seedWorld, youngPerson } from "../../../test/support/attendance-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T15:00:00Z" });
});
afterAll(() => h.close());

const attend = (id: string) => h.db.update(bookings).set({ status: "attended", checkedInAt: Date.parse("2026-03-02T10:00:00Z"), checkedInCount: 1 }).where(eq(bookings.id, id));
const give = (bookingId: string, body: unknown, token?: string) => h.request("POST", `/api/v1/bookings/${bookingId}/feedback`, { body, token });
const good = { rating: 5, whatWorked: "Using real tools", couldBeBetter: "More time", anonymous: false };

describe("giving feedback", () => {
  it("lets someone who came rate the session once (201), and refuses a second time (409)", async () => {
    const w = await seedWorld(h, "fb1");
    await attend(w.amyBooking.id);
    const first = await give(w.amyBooking.id, good, w.amy.token);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ bookingId: w.amyBooking.id, eventId: w.eventId, rating: 5, whatWorked: "Using real tools" });
    const second = await give(w.amyBooking.id, { ...good, rating: 1 }, w.amy.token);
    expect(second.status).toBe(409);
    expect((await problem(second)).detail).toMatch(/already/);
    expect(await h.db.select().from(feedback).where(eq(feedback.bookingId, w.amyBooking.id))).toEqual([expect.objectContaining({ rating: 5 })]);
  });

  it("of five simultaneous submissions exactly one is stored", async () => {
    const w = await seedWorld(h, "fb2");
    await attend(w.amyBooking.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => give(w.amyBooking.id, good, w.amy.token)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it("refuses feedback from someone who did not come (confirmed or no-show): 422", async () => {
    const w = await seedWorld(h, "fb3");
    expect((await give(w.amyBooking.id, good, w.amy.token)).status).toBe(422);
    await h.db.update(bookings).set({ status: "no_show" }).where(eq(bookings.id, w.amyBooking.id));
    const res = await give(w.amyBooking.id, good, w.amy.token);
    expect(res.status).toBe(422);
    expect((await problem(res)).detail).toMatch(/once you have been/);
  });

  it("lets the teacher who booked a group give the group's feedback", async () => {
    const w = await seedWorld(h, "fb4");
    await attend(w.groupBooking.id);
    expect((await give(w.groupBooking.id, good, w.tokens.school)).status).toBe(201);
  });

  it("checks the rating and the length of the comments, naming the fields", async () => {
    const w = await seedWorld(h, "fb5");
    await attend(w.amyBooking.id);
    for (const [body, path] of [
      [{ rating: 0 }, "rating"],
      [{ rating: 6 }, "rating"],
      [{ rating: 3.5 }, "rating"],
      [{ rating: 4, whatWorked: "x".repeat(1001) }, "whatWorked"],
      [{ rating: 4, couldBeBetter: "x".repeat(1001) }, "couldBeBetter"],
    ] as const) {
      const res = await give(w.amyBooking.id, body, w.amy.token);
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.map((e) => e.path)).toEqual([path]);
    }
  });

  it("nobody but the booker can give it: another young person, the host and a coordinator get 404; no token 401", async () => {
    const w = await seedWorld(h, "fb6");
    await attend(w.amyBooking.id);
    for (const token of [w.ben.token, w.tokens.host, w.tokens.coordinator]) {
      expect((await give(w.amyBooking.id, good, token)).status).toBe(404);
    }
    expect((await give(w.amyBooking.id, good)).status).toBe(401);
    expect(await h.db.select().from(feedback).where(eq(feedback.bookingId, w.amyBooking.id))).toHaveLength(0);
  });
});

describe("the feedback summary", () => {
  async function eventWithFeedback(prefix: string) {
    const w = await seedWorld(h, prefix);
    const cara = await youngPerson(h, `${prefix}-cara@young.test`, "Cara Price");
    const caraBooking = await seedBooking(h, w.session, { personId: cara.id });
    for (const b of [w.amyBooking, w.benBooking, caraBooking]) await attend(b.id);
    await give(w.amyBooking.id, { rating: 5, whatWorked: "Real tools", couldBeBetter: "", anonymous: false }, w.amy.token);
    await give(w.benBooking.id, { rating: 2, whatWorked: "", couldBeBetter: "Too loud for me", anonymous: true }, w.ben.token);
    await give(caraBooking.id, { rating: 4, anonymous: true }, cara.token);
    return w;
  }

  it("gives the host counts, average, distribution and comments; anonymous ones carry no name, booking or time", async () => {
    const w = await eventWithFeedback("fs1");
    const res = await h.request("GET", `/api/v1/events/${w.eventId}/feedback-summary`, { token: w.tokens.host });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ count: 3, anonymousCount: 2, averageRating: 3.67, distribution: { "1": 0, "2": 1, "3": 0, "4": 1, "5": 1 } });
    expect(body.comments).toEqual([
      { rating: 5, whatWorked: "Real tools", couldBeBetter: "", anonymous: false, from: { name: "Amy", bookingId: w.amyBooking.id }, givenAt: "2026-03-02T15:00:00.000Z" },
      { rating: 2, whatWorked: "", couldBeBetter: "Too loud for me", anonymous: true, from: null, givenAt: null },
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain("Ben");
    expect(text).not.toContain(w.benBooking.id);
    expect(text).not.toContain("Smith");
  });

  it("is open to coordinators", async () => {
    const w = await eventWithFeedback("fs2");
    const res = await h.request("GET", `/api/v1/events/${w.eventId}/feedback-summary`, { token: w.tokens.coordinator });
    expect(res.status).toBe(200);
  });

  it("an employer sees feedback only for events it hosts: another employer, a school and a young person get 403", async () => {
    const w = await eventWithFeedback("fs3");
    for (const token of [w.tokens.otherEmployer, w.tokens.school, w.amy.token]) {
      const res = await h.request("GET", `/api/v1/events/${w.eventId}/feedback-summary`, { token });
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("Real tools");
    }
    expect((await h.request("GET", `/api/v1/events/${w.eventId}/feedback-summary`)).status).toBe(401);
  });

  it("answers 404 for an unknown event and an empty summary for an event with no feedback", async () => {
    const w = await seedWorld(h, "fs4");
    expect((await h.request("GET", `/api/v1/events/evt_missing/feedback-summary`, { token: w.tokens.coordinator })).status).toBe(404);
    const res = await h.request("GET", `/api/v1/events/${w.eventId}/feedback-summary`, { token: w.tokens.host });
    expect(await res.json()).toMatchObject({ count: 0, averageRating: null, comments: [] });
  });
});

describe("you said, we did", () => {
  it("coordinators publish notes that anyone can read on the event, newest first", async () => {
    const w = await seedWorld(h, "ys1");
    const post = (youSaid: string, weDid: string) => h.request("POST", `/api/v1/events/${w.eventId}/you-said-we-did`, { body: { youSaid, weDid }, token: w.tokens.coordinator });
    const first = await post("It was too loud", "We added a quiet room");
    expect(first.status).toBe(201);
    h.clock.advance(60_000);
    await post("Sessions were too short", "They are now 3 hours");
    const res = await h.request("GET", `/api/v1/events/${w.eventId}/you-said-we-did`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { youSaid: string; weDid: string }[] };
    expect(items.map((i) => i.youSaid)).toEqual(["Sessions were too short", "It was too loud"]);
    expect(JSON.stringify(items)).not.toContain("author");
  });

  it("only coordinators publish: the host and a young person get 403, no token 401, and nothing is stored", async () => {
    const w = await seedWorld(h, "ys2");
    const body = { youSaid: "x", weDid: "y" };
    for (const token of [w.tokens.host, w.amy.token]) {
      expect((await h.request("POST", `/api/v1/events/${w.eventId}/you-said-we-did`, { body, token })).status).toBe(403);
    }
    expect((await h.request("POST", `/api/v1/events/${w.eventId}/you-said-we-did`, { body })).status).toBe(401);
    const list = await h.request("GET", `/api/v1/events/${w.eventId}/you-said-we-did`);
    expect(await list.json()).toEqual({ items: [] });
  });

  it("refuses empty notes naming the field, and unknown events with 404", async () => {
    const w = await seedWorld(h, "ys3");
    const res = await h.request("POST", `/api/v1/events/${w.eventId}/you-said-we-did`, { body: { youSaid: "  ", weDid: "y" }, token: w.tokens.coordinator });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toEqual(["youSaid"]);
    expect((await h.request("GET", `/api/v1/events/evt_missing/you-said-we-did`)).status).toBe(404);
    const missing = await h.request("POST", `/api/v1/events/evt_missing/you-said-we-did`, { body: { youSaid: "x", weDid: "y" }, token: w.tokens.coordinator });
    expect(missing.status).toBe(404);
  });

  it("records the language a note is written in, English when not given", async () => {
    const w = await seedWorld(h, "ys4");
    const url = `/api/v1/events/${w.eventId}/you-said-we-did`;
    const polish = await h.request("POST", url, { body: { youSaid: "Było za głośno", weDid: "Mamy cichy pokój", locale: "pl" }, token: w.tokens.coordinator });
    expect(polish.status).toBe(201);
    expect(await polish.json()).toMatchObject({ youSaid: "Było za głośno", locale: "pl" });
    h.clock.advance(60_000);
    const plain = await h.request("POST", url, { body: { youSaid: "Too loud", weDid: "Quiet room" }, token: w.tokens.coordinator });
    expect(await plain.json()).toMatchObject({ locale: "en" });
    const { items } = (await (await h.request("GET", url)).json()) as { items: { locale: string }[] };
    expect(items.map((i) => i.locale)).toEqual(["en", "pl"]);
  });

  it("refuses a language it does not offer, naming the field, and stores nothing", async () => {
    const w = await seedWorld(h, "ys5");
    const url = `/api/v1/events/${w.eventId}/you-said-we-did`;
    for (const locale of ["fr", "PL", "", 1, null]) {
      const res = await h.request("POST", url, { body: { youSaid: "x", weDid: "y", locale }, token: w.tokens.coordinator });
      expect(res.status, JSON.stringify(locale)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect((await problem(res)).errors?.map((e) => e.path)).toEqual(["locale"]);
    }
    expect(await (await h.request("GET", url)).json()).toEqual({ items: [] });
  });
});
