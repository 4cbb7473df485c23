// Rule 4, "no clashes": a young person never holds two overlapping confirmed bookings.
// The existing tests refuse a clash made one request at a time; these try to get round the
// guard by racing, by accepting an offer, and by moving a session.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { bookings, sessions } from "../../src/db/schema";
import { findClash } from "../../src/rules/clash";
import { DAY, HOUR } from "../../src/lib/time";
import { event, session, youngPeopleWithTokens } from "../support/fixtures";
import { COORDINATOR, problem, type Harness } from "../support/harness";
import { holdOtherBooking } from "../support/mentoring-fixtures";
import { bookWithoutCapacityGuard } from "../support/unguarded-booking";
import { raceHarness, type SlowApp } from "./slow-app";

let h: Harness;
let slow: SlowApp;
let coordinator: string;
const race = raceHarness();
beforeAll(async () => {
  ({ h, slow } = race);
  coordinator = await h.tokenFor(COORDINATOR);
});

const LIVE = ["confirmed", "pending_consent", "offered"] as const;
const liveFor = async (personId: string) =>
  h.db.select().from(bookings).where(and(eq(bookings.personId, personId), inArray(bookings.status, [...LIVE])));

/** Two sessions 10:00–12:00 and 11:00–13:00 on the same day, a week ahead. */
async function overlappingPair(capacity = 20) {
  const a = await session(h.db, h.clock.now(), { capacity, startsIn: 7 * DAY, durationMs: 2 * HOUR, title: "Welding taster" });
  const b = await session(h.db, h.clock.now(), { capacity, startsIn: 7 * DAY + HOUR, durationMs: 2 * HOUR, title: "Coding taster" });
  return [a, b] as const;
}

describe("rule 4 under concurrency", () => {
  it("lets one person hold only one of two overlapping sessions when they book both at once, many times over", async () => {
    const [a, b] = await overlappingPair();
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => slow.request("POST", `/api/v1/sessions/${(i % 2 ? a : b).id}/bookings`, { token: yp!.token, body: {} })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await liveFor(yp!.id)).toHaveLength(1);
  });

  it("control: checking for a clash and then writing, without the guard in the write, double-books under the same load", async () => {
    const [a, b] = await overlappingPair();
    // Ten people each racing the pair, so one lucky ordering cannot hide the race.
    const yps = await youngPeopleWithTokens(h.db, h.clock.now(), 10);
    const checkThenBook = async (personId: string, s: typeof a) => {
      if (await findClash({ ...h.deps, db: slow.db }, personId, s.startsAt, s.endsAt, { sessionId: s.id })) return;
      await bookWithoutCapacityGuard(slow.db, s.id, personId, h.clock.now());
    };
    try {
      await Promise.all(yps.flatMap((yp) => [checkThenBook(yp.id, a), checkThenBook(yp.id, b)]));
      const doubled = (await Promise.all(yps.map((yp) => liveFor(yp.id)))).filter((live) => live.length > 1);
      expect(doubled.length).toBeGreaterThan(0);
    } finally {
      // Undo the damage so the after-each ledger check covers only the real engine.
      await h.db.delete(bookings).where(inArray(bookings.sessionId, [a.id, b.id]));
      await h.db.update(sessions).set({ seatsTaken: 0 }).where(inArray(sessions.id, [a.id, b.id]));
    }
  });
});

describe("rule 4 on the other ways into a seat", () => {
  it("refuses to accept an offered seat that overlaps a place taken meanwhile, and leaves the offer for them to decide", async () => {
    const [a, b] = await overlappingPair(1);
    const [first, yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 2);
    const held = (await (await h.request("POST", `/api/v1/sessions/${a.id}/bookings`, { token: first!.token, body: {} })).json()) as { id: string };
    const waiting = (await (await h.request("POST", `/api/v1/sessions/${a.id}/bookings`, { token: yp!.token, body: {} })).json()) as { id: string; status: string };
    expect(waiting.status).toBe("waitlisted");
    // Waiting is not holding: the overlapping session can be booked.
    const other = (await (await h.request("POST", `/api/v1/sessions/${b.id}/bookings`, { token: yp!.token, body: {} })).json()) as { id: string; status: string };
    expect(other.status).toBe("confirmed");
    expect((await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: first!.token })).status).toBe(200);

    const [offered] = await h.db.select().from(bookings).where(eq(bookings.id, waiting.id));
    expect(offered!.status).toBe("offered");
    const res = await h.request("POST", `/api/v1/bookings/${waiting.id}/accept-offer`, { token: yp!.token });
    expect(res.status).toBe(409);
    expect(await problem(res)).toMatchObject({ type: expect.stringMatching(/booking-clash$/), clashingBookingId: other.id });
    const [after] = await h.db.select().from(bookings).where(eq(bookings.id, waiting.id));
    expect(after!.status).toBe("offered");
    expect((await liveFor(yp!.id)).filter((x) => x.status === "confirmed").map((x) => x.id)).toEqual([other.id]);
  });

  // Found by this suite: a move used to carry everyone to the new time without asking.
  it("refuses to move a session onto a time that overlaps another booking one of its people holds", async () => {
    const a = await session(h.db, h.clock.now(), { startsIn: 7 * DAY });
    const b = await session(h.db, h.clock.now(), { startsIn: 8 * DAY });
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    for (const s of [a, b]) expect((await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp!.token, body: {} })).status).toBe(201);
    const res = await h.request("PATCH", `/api/v1/sessions/${a.id}`, {
      token: coordinator,
      body: { startsAt: new Date(b.startsAt).toISOString(), endsAt: new Date(b.endsAt).toISOString() },
    });
    expect(res.status).toBe(409);
    expect(await problem(res)).toMatchObject({ type: expect.stringMatching(/booking-clash$/), peopleClashing: 1, errors: [{ path: "startsAt" }] });
    const overlapping = await h.db.all<{ n: number }>(sql`select count(*) as n from bookings x join bookings y on x.person_id = y.person_id and x.id < y.id
      where x.person_id = ${yp!.id} and x.status = 'confirmed' and y.status = 'confirmed' and x.starts_at < y.ends_at and y.starts_at < x.ends_at`);
    expect(overlapping[0]!.n).toBe(0);
  });
});

describe("rule 4 across events and mentoring", () => {
  it("refuses an event booking that overlaps a mentoring booking the person holds (the other direction is in mentoring/booking.test.ts)", async () => {
    const e = await event(h.db);
    const s = await session(h.db, h.clock.now(), { eventId: e.id, startsIn: 7 * DAY });
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const mentoring = await holdOtherBooking(h, yp!.id, new Date(s.startsAt + 30 * 60_000).toISOString());
    await h.db.update(bookings).set({ kind: "mentoring" }).where(eq(bookings.id, mentoring));
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp!.token, body: {} });
    expect(res.status).toBe(409);
    expect(await problem(res)).toMatchObject({ type: expect.stringMatching(/booking-clash$/), clashingBookingId: mentoring });
  });
});
