import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { sessions } from "../db/schema";
import { createHarness, type Harness } from "../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../test/support/fixtures";
import { checkSeatAccounting, seatsFit } from "./capacity";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("checkSeatAccounting", () => {
  it("finds nothing when the counter matches the bookings, and reports a corrupted counter", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 3 });
    for (const yp of await youngPeopleWithTokens(h.db, h.clock.now(), 2)) {
      await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} });
    }
    expect(await checkSeatAccounting(h.db)).toEqual([]);
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, s.id));
    expect(await checkSeatAccounting(h.db)).toEqual([{ sessionId: s.id, capacity: 3, seatsTaken: 1, counted: 2, problem: "counter_drift" }]);
  });

  it("reports a session holding more seats than its capacity", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 2 });
    for (const yp of await youngPeopleWithTokens(h.db, h.clock.now(), 2)) {
      await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} });
    }
    await h.db.update(sessions).set({ capacity: 1 }).where(eq(sessions.id, s.id));
    expect(await checkSeatAccounting(h.db)).toContainEqual({ sessionId: s.id, capacity: 1, seatsTaken: 2, counted: 2, problem: "over_capacity" });
  });
});

describe("seatsFit (the guard of every write that takes seats)", () => {
  it("lets a booking take the last seat and refuses one more, counting a group's pupils + staff", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 20 });
    await h.db.update(sessions).set({ seatsTaken: 19 }).where(eq(sessions.id, s.id));
    const fits = async (seats: number) => (await h.db.all<{ ok: number }>(sql`select ${seatsFit(seats)} as ok from sessions s where s.id = ${s.id}`))[0]!.ok === 1;
    expect(await fits(1)).toBe(true);
    expect(await fits(2)).toBe(false);
    await h.db.update(sessions).set({ seatsTaken: 20 }).where(eq(sessions.id, s.id));
    expect(await fits(1)).toBe(false);
  });
});
