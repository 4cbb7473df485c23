import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { makeMentor, makeOrg, makeSlot, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";

let h: Harness;
let employer: string;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  employer = await makeOrg(h, "employer");
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

type Alert = { bookingId: string; reason: string; youngPerson: { ageOnDay: number } };
const alerts = async () => {
  const res = await h.request("GET", "/api/v1/safeguarding/alerts", { token: coordinator });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Alert[] }).items;
};
const verify = (mentor: string, body: object) => h.request("POST", `/api/v1/mentors/${mentor}/verification`, { token: coordinator, body });

async function bookWith(mentor: string, startsAt: string, dob: string) {
  const slot = await makeSlot(h, mentor, startsAt);
  const yp = await youngPerson(h, dob);
  const res = await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} });
  expect(res.status).toBe(201);
  return { slot, id: ((await res.json()) as { id: string }).id };
}

describe("safeguarding watch", () => {
  it("flags a revoked mentor's future bookings with under-18s, not with adults, and blocks new ones", async () => {
    const mentor = await makeMentor(h, employer);
    const teen = await bookWith(mentor, "2026-03-20T17:00:00Z", "2009-01-01");
    const adult = await bookWith(mentor, "2026-03-21T17:00:00Z", "2000-01-01");
    expect((await alerts()).map((a) => a.bookingId)).not.toContain(teen.id);

    expect((await verify(mentor, { revoked: true })).status).toBe(200);
    const flagged = (await alerts()).filter((a) => [teen.id, adult.id].includes(a.bookingId));
    expect(flagged).toEqual([expect.objectContaining({ bookingId: teen.id, reason: "dbs_revoked", youngPerson: expect.objectContaining({ ageOnDay: 17 }) })]);

    const next = await makeSlot(h, mentor, "2026-03-22T17:00:00Z");
    const res = await h.request("POST", `/api/v1/mentoring-slots/${next}/bookings`, { token: (await youngPerson(h, "2009-01-01")).token, body: {} });
    expect(res.status).toBe(422);
    expect((await problem(res)).detail).toMatch(/no longer valid/);
  });

  it("flags bookings after the mentor's DBS expiry date once the record shows it ending sooner", async () => {
    const mentor = await makeMentor(h, employer);
    const before = await bookWith(mentor, "2026-03-10T17:00:00Z", "2010-01-01");
    const after = await bookWith(mentor, "2026-03-25T17:00:00Z", "2009-06-01");
    expect((await verify(mentor, { checkedOn: "2023-03-20", expiresOn: "2026-03-20", certificateLast4: "4321" })).status).toBe(200);
    const mine = (await alerts()).filter((a) => [before.id, after.id].includes(a.bookingId));
    expect(mine).toEqual([expect.objectContaining({ bookingId: after.id, reason: "dbs_expired" })]);
  });

  it("stops flagging once the booking is in the past", async () => {
    const mentor = await makeMentor(h, employer);
    const b = await bookWith(mentor, "2026-03-05T17:00:00Z", "2009-01-01");
    await verify(mentor, { revoked: true });
    expect((await alerts()).map((a) => a.bookingId)).toContain(b.id);
    h.clock.set("2026-03-06T09:00:00Z");
    expect((await alerts()).map((a) => a.bookingId)).not.toContain(b.id);
    h.clock.set("2026-03-02T09:00:00Z");
  });

  it("records each reading in the audit log", async () => {
    await alerts();
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.action, "safeguarding.alerts.read"));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("is for coordinators only: employer staff and young people 403, no token 401", async () => {
    const staff = await staffOf(h, employer);
    expect((await h.request("GET", "/api/v1/safeguarding/alerts", { token: staff.token })).status).toBe(403);
    expect((await h.request("GET", "/api/v1/safeguarding/alerts", { token: (await youngPerson(h)).token })).status).toBe(403);
    expect((await h.request("GET", "/api/v1/safeguarding/alerts")).status).toBe(401);
  });
});
