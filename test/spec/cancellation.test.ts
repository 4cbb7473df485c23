// Rules 5 and 6 where the existing tests go one request at a time: seats freed by several
// cancellations at the same moment must still go to the waiting list in order (FIFO), and a
// school's right to cancel its group ends at the start, as a young person's does.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, sessions } from "../../src/db/schema";
import { HOUR } from "../../src/lib/time";
import { addMember, organisation, personByEmail, session, youngPeopleWithTokens } from "../support/fixtures";
import { problem, type Harness } from "../support/harness";
import { raceHarness, type SlowApp } from "./slow-app";

let h: Harness;
let slow: SlowApp;
const race = raceHarness();
beforeAll(async () => {
  ({ h, slow } = race);
});

const statusOf = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status;
const book = async (sessionId: string, token: string) =>
  (await (await h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body: {} })).json()) as { id: string; status: string };

describe("the waiting list when several seats free at once (rule 5)", () => {
  it("offers the seats freed by simultaneous cancellations to the first in line, in order, and nobody twice", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 4 });
    const holders = await youngPeopleWithTokens(h.db, h.clock.now(), 4);
    const queue = await youngPeopleWithTokens(h.db, h.clock.now(), 6);
    const held = [];
    for (const yp of holders) held.push(await book(s.id, yp.token));
    const waiting = [];
    for (const yp of queue) waiting.push(await book(s.id, yp.token));
    expect(waiting.map((w) => w.status)).toEqual(Array(6).fill("waitlisted"));

    const results = await Promise.all(held.map((b, i) => slow.request("POST", `/api/v1/bookings/${b.id}/cancel`, { token: holders[i]!.token })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await Promise.all(waiting.map((w) => statusOf(w.id)))).toEqual(["offered", "offered", "offered", "offered", "waitlisted", "waitlisted"]);
    const [row] = await h.db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(row!.seatsTaken).toBe(4);
  });
});

describe("a school cancelling its group (rule 6)", () => {
  it("may cancel until the start, and not after it", async () => {
    const school = (await organisation(h.db, "school")).id;
    const teacher = await h.tokenFor("cancel-teacher@school.test");
    await addMember(h.db, school, (await personByEmail(h.db, "cancel-teacher@school.test")).id);
    const s = await session(h.db, h.clock.now(), { capacity: 30, startsIn: HOUR, event: { groupsAllowed: true } });
    const group = (await (await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: teacher, body: { schoolId: school, pupils: 10, staff: 1 } })).json()) as { id: string };
    h.clock.advance(HOUR);
    try {
      const late = await h.request("POST", `/api/v1/group-bookings/${group.id}/cancel`, { token: teacher });
      expect(late.status).toBe(409);
      await problem(late);
      expect(await statusOf(group.id)).toBe("confirmed");
      const [row] = await h.db.select().from(sessions).where(eq(sessions.id, s.id));
      expect(row!.seatsTaken).toBe(11);
    } finally {
      h.clock.advance(-HOUR);
    }
    // A minute before the start it would have been fine: control that the refusal is about time.
    const s2 = await session(h.db, h.clock.now(), { capacity: 30, startsIn: HOUR, event: { groupsAllowed: true } });
    const g2 = (await (await h.request("POST", `/api/v1/sessions/${s2.id}/group-bookings`, { token: teacher, body: { schoolId: school, pupils: 10, staff: 1 } })).json()) as { id: string };
    h.clock.advance(HOUR - 60_000);
    try {
      expect((await h.request("POST", `/api/v1/group-bookings/${g2.id}/cancel`, { token: teacher })).status).toBe(200);
    } finally {
      h.clock.advance(-(HOUR - 60_000));
    }
  });
});
