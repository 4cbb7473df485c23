import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, outbox, sessions } from "../../db/schema";
import { createHarness, type Harness } from "../../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { checkSeatAccounting } from "../../rules/capacity";
import { expireHolds } from "./expiry";
import { SCHEDULED_JOBS } from "../../jobs";
import { DAY } from "../../lib/time";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

const book = async (sessionId: string, token: string, body: Record<string, unknown> = {}) =>
  ((await (await h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body })).json()) as { id: string; status: string });
const row = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const templatesFor = async (id: string) => (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === id).map((m) => m.template);

describe("expiring holds", () => {
  it("cancels a consent hold after 48 h and offers the seat to the next person", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 1, startsIn: 10 * DAY });
    const [young] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2012-01-01" });
    const [next] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const pending = await book(s.id, young!.token, { guardianEmail: "mum@example.com" });
    const queued = await book(s.id, next!.token);
    expect(await expireHolds(h.deps)).toMatchObject({ consentsExpired: 0 });
    h.clock.advance(2 * DAY);
    expect(await expireHolds(h.deps)).toMatchObject({ consentsExpired: 1 });
    expect(await row(pending.id)).toMatchObject({ status: "cancelled", cancelReason: "consent_expired", consentTokenHash: null });
    expect((await row(queued.id)).status).toBe("offered");
    const refused = (await h.db.select().from(outbox)).find((m) => m.template === "consent_refused" && (m.payload as { bookingId: string }).bookingId === pending.id);
    expect(refused!.payload).toEqual({ bookingId: pending.id, reason: "expired" });
    expect(await templatesFor(queued.id)).toContain("offer_made");
    h.clock.advance(-2 * DAY);
  });

  it("passes a lapsed offer on to the next in line", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 1, startsIn: 10 * DAY });
    const [holder, first, second] = await youngPeopleWithTokens(h.db, h.clock.now(), 3);
    const held = await book(s.id, holder!.token);
    const a = await book(s.id, first!.token);
    const b = await book(s.id, second!.token);
    await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder!.token });
    expect((await row(a.id)).status).toBe("offered");
    h.clock.advance(DAY);
    expect(await expireHolds(h.deps)).toMatchObject({ offersExpired: 1 });
    expect(await row(a.id)).toMatchObject({ status: "cancelled", cancelReason: "offer_expired" });
    expect((await row(b.id)).status).toBe("offered");
    expect(await templatesFor(a.id)).toContain("offer_expired");
    h.clock.advance(-DAY);
  });

  it("changes nothing more when run twice, or twice at once", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 2, startsIn: 10 * DAY });
    const youngs = await youngPeopleWithTokens(h.db, h.clock.now(), 2, { dateOfBirth: "2012-01-01" });
    const waiting = await youngPeopleWithTokens(h.db, h.clock.now(), 3);
    for (const y of youngs) await book(s.id, y.token, { guardianEmail: "carer@example.com" });
    const queued = [];
    for (const w of waiting) queued.push(await book(s.id, w.token));
    h.clock.advance(2 * DAY);
    const ours = async () => {
      const ids = new Set((await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id))).map((b) => b.id));
      return (await h.db.select().from(outbox)).filter((m) => ids.has((m.payload as { bookingId: string }).bookingId)).length;
    };
    const outboxBefore = await ours();
    const [x, y] = await Promise.all([expireHolds(h.deps), expireHolds(h.deps)]);
    expect(x.consentsExpired + y.consentsExpired).toBe(2);
    const third = await expireHolds(h.deps);
    expect(third).toMatchObject({ consentsExpired: 0, offersMade: 0 });
    expect((await Promise.all(queued.map((q) => row(q.id)))).map((r) => r.status)).toEqual(["offered", "offered", "waitlisted"]);
    // 2 consent_refused + 2 offer_made, once each.
    expect((await ours()) - outboxBefore).toBe(4);
    expect((await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]!.seatsTaken).toBe(2);
    h.clock.advance(-2 * DAY);
  });

  it("runs from the scheduled jobs, before the outbox", () => {
    const names = SCHEDULED_JOBS.map((j) => j.name);
    expect(names).toContain("expire-holds");
    expect(names.indexOf("expire-holds")).toBeLessThan(names.indexOf("outbox"));
  });
});
