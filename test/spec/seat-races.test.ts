// Rules 1, 3, 5 and 7 where two writers meet on the same seats. The existing races book,
// cancel and cut capacity; these race a group growing (rule 7: "increased, subject to
// capacity") and a guardian's two answers (rule 3), each over a network round trip per
// statement so the writes really interleave. The ledger check after each test is the
// capacity invariant; the read-then-write control for it is in test/bookings-concurrency.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { bookings, outbox, sessions } from "../../src/db/schema";
import { addMember, organisation, personByEmail, session, youngPeopleWithTokens } from "../support/fixtures";
import { DAY } from "../../src/lib/time";
import type { Harness } from "../support/harness";
import { raceHarness, type SlowApp } from "./slow-app";

let h: Harness;
let slow: SlowApp;
let schoolId: string;
let teacher: string;
const race = raceHarness();
beforeAll(async () => {
  ({ h, slow } = race);
  schoolId = (await organisation(h.db, "school")).id;
  teacher = await h.tokenFor("teacher@school.test");
  await addMember(h.db, schoolId, (await personByEmail(h.db, "teacher@school.test")).id);
});

const HOLDING = ["confirmed", "pending_consent", "offered"] as const;
async function seatsHeld(sessionId: string) {
  const rows = await h.db.select().from(bookings).where(and(eq(bookings.sessionId, sessionId), inArray(bookings.status, [...HOLDING])));
  return rows.reduce((n, b) => n + b.seats, 0);
}
const statuses = (rs: Response[]) => rs.map((r) => r.status);

describe("a group growing while others book (rules 1 and 7)", () => {
  it("never takes more seats than the session has when a group grows into seats individuals are booking at the same moment", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 20, event: { groupsAllowed: true } });
    const group = (await (await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: teacher, body: { schoolId, pupils: 9, staff: 1 } })).json()) as { id: string };
    const yps = await youngPeopleWithTokens(h.db, h.clock.now(), 10);
    const [grow, ...singles] = await Promise.all([
      slow.request("PATCH", `/api/v1/group-bookings/${group.id}`, { token: teacher, body: { pupils: 18, staff: 2 } }),
      ...yps.map((yp) => slow.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })),
    ]);
    expect(statuses([grow!, ...singles]).filter((x) => x >= 500)).toEqual([]);
    expect([200, 409]).toContain(grow!.status);
    const confirmedSingles = (await Promise.all(singles.map(async (r) => ((await r.json()) as { status: string }).status))).filter((x) => x === "confirmed").length;
    // Either the group got its 10 more seats and nobody else did, or it was refused for lack of them.
    expect(grow!.status === 200 ? confirmedSingles : 10 - confirmedSingles).toBe(0);
    expect(await seatsHeld(s.id)).toBe(20);
    const [row] = await h.db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(row!.seatsTaken).toBe(20);
  });

  it("lets only one of two simultaneous changes to the same group win when together they would overbook", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 20, event: { groupsAllowed: true } });
    const body = { schoolId, pupils: 4, staff: 1 };
    const a = (await (await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: teacher, body })).json()) as { id: string };
    const b = (await (await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: teacher, body })).json()) as { id: string };
    // 10 seats are free: each group asking for 10 more fits alone, not together.
    const results = await Promise.all(
      [a, b].map((g) => slow.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: teacher, body: { pupils: 13, staff: 2 } })),
    );
    expect(statuses(results).sort()).toEqual([200, 409]);
    expect(await seatsHeld(s.id)).toBe(20);
  });
});

describe("a guardian answering twice at once (rule 3)", () => {
  it("records exactly one decision, frees the seat at most once, and offers it on only if the refusal won", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 1, startsIn: 10 * DAY });
    const [child] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2012-01-01" });
    const [next] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const held = (await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: child!.token, body: { guardianEmail: "parent@example.com" } })).json()) as { id: string; status: string };
    expect(held.status).toBe("pending_consent");
    const waiting = (await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: next!.token, body: {} })).json()) as { id: string; status: string };
    expect(waiting.status).toBe("waitlisted");
    const request = (await h.mailFor("parent@example.com")).find((m) => /\/consent\//.test(m.text));
    const token = /\/consent\/([A-Za-z0-9_-]+)/.exec(request!.text)![1]!;

    const results = await Promise.all(
      ["grant", "refuse", "grant", "refuse", "grant", "refuse"].map((decision) => slow.request("POST", `/api/v1/consents/${token}`, { body: { decision } })),
    );
    expect(statuses(results).filter((x) => x === 200)).toHaveLength(1);
    expect(statuses(results).filter((x) => x !== 200 && x !== 401)).toEqual([]);
    const winner = (await results.find((r) => r.status === 200)!.json()) as { status: string };

    const [child2, next2] = await Promise.all([held.id, waiting.id].map(async (id) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!));
    expect(child2!.status).toBe(winner.status);
    expect(next2!.status).toBe(winner.status === "confirmed" ? "waitlisted" : "offered");
    expect(await seatsHeld(s.id)).toBe(1);
    // One message about the decision, not one per click, and one record of it to the guardian (issue #14).
    const about = (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === held.id);
    const told = about.filter((m) => !["booking_pending_consent", "consent_request", "consent_decided"].includes(m.template));
    expect(told).toHaveLength(1);
    expect(about.filter((m) => m.template === "consent_decided")).toHaveLength(1);
  });
});
