// Families at community events (issue #16 item 10, rule 1): a parent books 2 adults and 3
// children on the website and 5 seats are taken in one write; 50 households racing for the last
// 10 seats never overfill the session, while the same race without the guard (THE CONTROL) does.
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bookings, people, sessions } from "../../db/schema";
import { newId, newTicketCode } from "../../lib/crypto";
import { Refusal } from "../../lib/refusal";
import { checkSeatAccounting } from "../../rules/capacity";
import { FAMILY_TAG } from "../../rules/families";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { session } from "../../../test/support/fixtures";
import { bookHousehold } from "./household";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-01-05T10:00:00Z" });
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

const familySession = (capacity: number) => session(h.db, h.clock.now(), { capacity, event: { type: "community_event", tags: [FAMILY_TAG] } });
const seatsTaken = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;

async function parents(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ id: newId("per"), email: `parent-${newId("x")}-${i}@example.com`, displayName: "Parent", isYoungPerson: false }));
  for (let i = 0; i < rows.length; i += 15) await h.db.insert(people).values(rows.slice(i, i + 15));
  const made = await h.db.select().from(people).where(sql`${people.id} in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`);
  return made.map((person) => ({ kind: "person" as const, person, isCoordinator: false, organisationIds: [], authSessionId: "test" }));
}

/** THE CONTROL: the same household write as a read, a decision, then a write, without the guard in the statement. */
async function bookHouseholdWithoutGuard(sessionId: string, personId: string, seats: number) {
  const [s] = await h.db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (s!.seatsTaken + seats > s!.capacity) return "full";
  await h.db.batch([
    h.db.insert(bookings).values({ id: newId("bkg"), kind: "family", sessionId, personId, seats, staff: 1, pupils: seats - 1, status: "confirmed", startsAt: s!.startsAt, endsAt: s!.endsAt, ticketCode: newTicketCode() }),
    h.db.update(sessions).set({ seatsTaken: sql`${sessions.seatsTaken} + ${seats}` }).where(eq(sessions.id, sessionId)),
  ]);
  return "booked";
}

describe("household bookings at family events", () => {
  it("a parent books 2 adults and 3 children on the website: 5 seats in one booking, one write", async () => {
    const s = await familySession(40);
    const token = await h.tokenFor("mum@example.com", { displayName: "Mum" });
    const cookie = `od_session=${token}`;
    const event = await (await h.app.request(`/events/${s.eventId}`, { headers: { cookie } })).text();
    expect(event).toContain("For families");
    expect(event).toContain(`/sessions/${s.id}/household`);
    const poster = await (await h.app.request(`/events/${s.eventId}/poster`)).text();
    expect(poster).toContain("For families: adults and children of any age");
    const form = await h.app.request(`/sessions/${s.id}/household`, { headers: { cookie } });
    expect(form.status).toBe(200);
    const res = await h.app.request(`/sessions/${s.id}/household`, {
      method: "POST",
      headers: { cookie, origin: "https://opendoor.test", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ adults: "2", children: "3", accessNeeds: "" }).toString(),
    });
    expect(res.status).toBe(303);
    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "family", seats: 5, staff: 2, pupils: 3, status: "confirmed" });
    expect(await seatsTaken(s.id)).toBe(5);
    expect(res.headers.get("location")).toBe(`/bookings/${rows[0]!.id}`);
    expect((await h.app.request(res.headers.get("location")!, { headers: { cookie } })).status).toBe(200);
    // The same parent cannot book the household twice; another write never takes part of it.
    const again = await h.request("POST", `/api/v1/sessions/${s.id}/household-bookings`, { token, body: { adults: 1, children: 1 } });
    expect(again.status).toBe(409);
    expect(await seatsTaken(s.id)).toBe(5);
    // The confirmation goes out with the booking (rule 9).
    expect((await h.mailFor("mum@example.com")).length).toBe(1);
  });

  it("refuses a household bigger than the seats left as a whole, and a family booking at an event not for families", async () => {
    const s = await familySession(4);
    const token = await h.tokenFor("dad@example.com");
    const short = await h.request("POST", `/api/v1/sessions/${s.id}/household-bookings`, { token, body: { adults: 2, children: 3 } });
    expect(short.status).toBe(409);
    expect((await problem(short)).detail).toBe("Only 4 places are left and your household needs 5. Try fewer places or another date.");
    expect(await seatsTaken(s.id)).toBe(0);
    const plain = await session(h.db, h.clock.now(), { capacity: 40 });
    const refused = await h.request("POST", `/api/v1/sessions/${plain.id}/household-bookings`, { token, body: { adults: 1, children: 1 } });
    expect(refused.status).toBe(422);
    const tooBig = await h.request("POST", `/api/v1/sessions/${s.id}/household-bookings`, { token, body: { adults: 1, children: 10 } });
    expect(tooBig.status).toBe(400);
  });

  it("50 households racing for the last 10 seats never overfill the session", async () => {
    const s = await familySession(110);
    await h.db.update(sessions).set({ seatsTaken: 100 }).where(eq(sessions.id, s.id));
    // Held seats the ledger can see: one coordinator's block of 100 (so checkSeatAccounting agrees).
    await h.db.insert(bookings).values({ id: newId("bkg"), kind: "family", sessionId: s.id, personId: null, seats: 100, staff: 100, status: "confirmed", startsAt: s.startsAt, endsAt: s.endsAt, ticketCode: newTicketCode() });
    const households = await parents(50);
    const sizes = households.map((_, i) => 1 + (i % 4)); // 1 to 4 places each
    const results = await Promise.allSettled(households.map((actor, i) => bookHousehold(h.deps, actor, s.id, { adults: 1, children: sizes[i]! - 1 })));
    const booked = results.flatMap((r, i) => (r.status === "fulfilled" ? [sizes[i]!] : []));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(Refusal);
    const taken = await seatsTaken(s.id);
    expect(taken).toBeLessThanOrEqual(110);
    expect(taken).toBe(100 + booked.reduce((a, b) => a + b, 0));
    // Nobody got part of a household: every booking holds exactly what was asked.
    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(rows.filter((b) => b.personId !== null).map((b) => b.seats).sort()).toEqual([...booked].sort());
  });

  it("THE CONTROL: the same race without the guard in the write overfills the session", async () => {
    const s = await familySession(110);
    await h.db.update(sessions).set({ seatsTaken: 100 }).where(eq(sessions.id, s.id));
    const households = await parents(50);
    await Promise.all(households.map((actor, i) => bookHouseholdWithoutGuard(s.id, actor.person.id, 1 + (i % 4))));
    expect(await seatsTaken(s.id)).toBeGreaterThan(110);
    // Leave the ledger as the afterEach check expects of a real session: this one is the control's.
    await h.db.delete(bookings).where(eq(bookings.sessionId, s.id));
    await h.db.update(sessions).set({ seatsTaken: 0 }).where(eq(sessions.id, s.id));
  });
});
