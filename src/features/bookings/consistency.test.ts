import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { createHarness, type Harness } from "../../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { checkSeatAccounting } from "./consistency";

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
