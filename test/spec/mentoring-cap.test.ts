// Rule 8: "a young person holds at most 2 future mentoring bookings (configurable)". The
// existing tests only meet the default of 2; these set the cap the way a deployment does,
// through MAX_FUTURE_MENTORING_BOOKINGS, and book past it over HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { configFromEnv } from "../../src/lib/config";
import { COORDINATOR, createHarness, problem, type Harness } from "../support/harness";
import { makeMentor, makeOrg, makeSlot, youngPerson } from "../support/mentoring-fixtures";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const fromEnv = (value: string) => configFromEnv({ MAX_FUTURE_MENTORING_BOOKINGS: value, COORDINATOR_EMAILS: COORDINATOR }, "node");

/** A harness whose cap comes from the environment, an adult, and `n` slots on separate days. */
async function world(cap: string, n: number) {
  h = await createHarness({ config: { maxFutureMentoringBookings: fromEnv(cap).maxFutureMentoringBookings } });
  const mentor = await makeMentor(h, await makeOrg(h));
  const slots: string[] = [];
  for (let day = 0; day < n; day++) slots.push(await makeSlot(h, mentor, `2026-03-${String(10 + day).padStart(2, "0")}T17:00:00Z`));
  const yp = await youngPerson(h, "2000-01-01");
  const book = (slot: string) => h!.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} });
  return { slots, book, yp };
}

describe("the mentoring cap is configurable", () => {
  it("holds at 3 when MAX_FUTURE_MENTORING_BOOKINGS=3: the third booking is taken, the fourth refused", async () => {
    const { slots, book } = await world("3", 4);
    for (const slot of slots.slice(0, 3)) expect((await book(slot)).status).toBe(201);
    const fourth = await book(slots[3]!);
    expect(fourth.status).toBe(409);
    expect((await problem(fourth)).type).toContain("too-many-mentoring");
  });

  it("holds at 1 when MAX_FUTURE_MENTORING_BOOKINGS=1, and a cancelled booking makes room again", async () => {
    const { slots, book, yp } = await world("1", 2);
    const first = (await (await book(slots[0]!)).json()) as { id: string };
    expect((await book(slots[1]!)).status).toBe(409);
    expect((await h!.request("POST", `/api/v1/mentoring-bookings/${first.id}/cancel`, { token: yp.token })).status).toBe(200);
    expect((await book(slots[1]!)).status).toBe(201);
  });

  // BUG (rule 8): configFromEnv reads the cap with Number(...) and nothing checks the result.
  // A typo such as MAX_FUTURE_MENTORING_BOOKINGS=two gives NaN: the app starts, the slot
  // finder (`count >= NaN` is false) lists slots, and every mentoring booking then answers
  // 500 (libSQL refuses to bind NaN in the cap guard). An empty value gives 0: no mentoring.
  // RETENTION_MONTHS is read the same way. Expected: start-up refuses a value that is not a
  // whole number (or falls back to the default). Run it with `it` to see it fail.
  it.todo("does not silently drop the cap when MAX_FUTURE_MENTORING_BOOKINGS is not a number", async () => {
    let cap: number;
    try {
      cap = fromEnv("two").maxFutureMentoringBookings;
    } catch {
      return; // refusing to start is a fix too
    }
    expect(Number.isInteger(cap)).toBe(true);
    const { slots, book } = await world("two", 3);
    for (const slot of slots.slice(0, 2)) expect((await book(slot)).status).toBe(201);
    expect((await book(slots[2]!)).status).toBe(409);
  });
});
