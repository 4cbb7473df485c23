import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryRateLimiter, RATE_LIMITS } from "../src/lib/rate-limiter";
import { createHarness, problem, type Harness } from "./support/harness";
import { organisation, session } from "./support/fixtures";
import { makeMentor, makeOrg, makeSlot, staffOf, youngPerson } from "./support/mentoring-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  h.deps.rateLimiter = memoryRateLimiter(h.clock);
});
afterAll(() => h.close());

const LIMIT = RATE_LIMITS.booking_person.limit;
const book = (sessionId: string, token: string) => h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body: {} });

async function expectThrottled(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await problem(res)).detail).toMatch(/wait/);
}

describe("booking throttling (per person)", () => {
  it(`refuses the ${LIMIT + 1}st booking attempt in a minute on every kind of booking, then allows it again`, async () => {
    const yp = await youngPerson(h, "2005-01-01");
    const other = await youngPerson(h, "2005-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await book(s.id, yp.token)).status);
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1).every((st) => st === 409)).toBe(true);
    await expectThrottled(await book(s.id, yp.token));
    // Mentoring bookings share the person's bucket.
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), "2026-03-20T17:00:00Z");
    await expectThrottled(await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} }));
    // Someone else is unaffected, and the person may book again a minute later.
    expect((await book(s.id, other.token)).status).toBe(201);
    h.clock.advance(61_000);
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} })).status).toBe(201);
  });

  it("throttles group bookings by the same staff member", async () => {
    const school = await organisation(h.db, "school");
    const staff = await staffOf(h, school.id);
    const s = await session(h.db, h.clock.now(), { capacity: 40, event: { groupsAllowed: true } });
    const group = () => h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: staff.token, body: { schoolId: school.id, pupils: 2, staff: 1 } });
    // Staff cannot book individual places (422), but every attempt counts.
    for (let i = 0; i < LIMIT; i++) expect((await book(s.id, staff.token)).status).toBe(422);
    await expectThrottled(await group());
    h.clock.advance(61_000);
    expect((await group()).status).toBe(201);
  });

  it("lets 50 simultaneous attempts from one person through to the booking rules (the concurrency tests' load)", async () => {
    h.clock.advance(61_000);
    const yp = await youngPerson(h, "2005-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    const statuses = (await Promise.all(Array.from({ length: 50 }, () => book(s.id, yp.token)))).map((r) => r.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(1);
    expect(statuses).not.toContain(429);
  });
});
