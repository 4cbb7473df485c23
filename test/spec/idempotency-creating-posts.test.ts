// HTTP contract: "Every creating POST accepts Idempotency-Key". test/idempotency.test.ts
// proves the mechanism on POST /organisations (one row); these send the same key twice to
// creating POSTs whose one request writes many rows or runs the booking rules, and to one
// made without signing in, and count every row and email the retry could have doubled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, outbox, people, sessions } from "../../src/db/schema";
import { COORDINATOR, createHarness, type Harness } from "../support/harness";
import { addMember, event, organisation, session, signedIn, venue } from "../support/fixtures";
import { makeMentor, makeOrg, makeSlot, youngPerson } from "../support/mentoring-fixtures";

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

/**
 * Sends one creating POST twice under one key and checks the retry is a replay: same status
 * and body, marked replayed, and `count` (the rows or emails it makes) unchanged by it.
 */
async function sendTwice(path: string, body: unknown, token: string | undefined, count: () => Promise<number>) {
  const before = await count();
  const headers = { "idempotency-key": `spec-${path}` };
  const first = await h.request("POST", path, { token, body, headers });
  expect(first.status, await first.clone().text()).toBeLessThan(300);
  const afterFirst = await count();
  expect(afterFirst).toBeGreaterThan(before);
  const second = await h.request("POST", path, { token, body, headers });
  expect(second.headers.get("idempotent-replayed")).toBe("true");
  expect(second.status).toBe(first.status);
  expect(await second.text()).toBe(await first.text());
  expect(await count()).toBe(afterFirst);
}

const queued = async () => (await h.db.select().from(outbox)).length;

describe("Idempotency-Key on creating POSTs that write more than one row", () => {
  it("POST /events/{id}/sessions: a retried weekly series is not created twice", async () => {
    const e = await event(h.db);
    const v = await venue(h.db);
    const body = { start: "2026-04-01T15:00", durationMinutes: 90, rrule: "FREQ=WEEKLY;COUNT=8", venueId: v.id, capacity: 8 };
    await sendTwice(`/api/v1/events/${e.id}/sessions`, body, coordinator, async () => (await h.db.select().from(sessions).where(eq(sessions.eventId, e.id))).length);
    expect(await h.db.select().from(sessions).where(eq(sessions.eventId, e.id))).toHaveLength(8);
  });

  it("POST /sessions/{id}/group-bookings: a retried group takes its seats once and is confirmed once", async () => {
    const school = await organisation(h.db, "school");
    const teacher = await signedIn(h.db, h.clock.now(), "idem-teacher@school.test");
    const [me] = await h.db.select().from(people).where(eq(people.email, "idem-teacher@school.test"));
    await addMember(h.db, school.id, me!.id);
    const s = await session(h.db, h.clock.now(), { capacity: 40, event: { groupsAllowed: true } });
    const seats = async () => (await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]!.seatsTaken;
    await sendTwice(`/api/v1/sessions/${s.id}/group-bookings`, { schoolId: school.id, pupils: 20, staff: 2 }, teacher, async () => (await seats()) + (await queued()));
    expect(await seats()).toBe(22);
    expect(await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id))).toHaveLength(1);
  });

  it("POST /mentoring-slots/{id}/bookings: a retried booking sends its confirmations once", async () => {
    const employer = await makeOrg(h);
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-10T17:00:00Z");
    const yp = await youngPerson(h);
    await sendTwice(`/api/v1/mentoring-slots/${slot}/bookings`, {}, yp.token, async () => (await h.db.select().from(bookings).where(eq(bookings.personId, yp.personId))).length + (await queued()));
  });
});

describe("Idempotency-Key without signing in", () => {
  it("POST /young-people: a retried sign-up makes one person and sends one sign-in link", async () => {
    const email = "idem-signup@example.com";
    const toThem = async () => (await h.db.select().from(people).where(eq(people.email, email))).length + (await h.db.select().from(outbox).where(eq(outbox.toEmail, email))).length;
    await sendTwice("/api/v1/young-people", { email, displayName: "Idem", dateOfBirth: "2009-05-05" }, undefined, toThem);
  });
});
