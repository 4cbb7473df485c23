import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, bookings, outbox, sessions } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { session, venue, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { checkSeatAccounting } from "../../rules/capacity";
import { DAY, HOUR } from "../../lib/time";

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

const patch = (id: string, body: unknown, token = coordinator) => h.request("PATCH", `/api/v1/sessions/${id}`, { token, body });
const messagesFor = async (template: string, bookingIds: string[]) =>
  (await h.db.select().from(outbox)).filter((m) => m.template === template && bookingIds.includes((m.payload as { bookingId: string }).bookingId));

async function sessionWith(capacity: number, people: number) {
  const s = await session(h.db, h.clock.now(), { capacity });
  const yps = await youngPeopleWithTokens(h.db, h.clock.now(), people);
  const ids: string[] = [];
  for (const yp of yps) ids.push(((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id);
  return { s, ids, yps };
}
const statuses = async (ids: string[]) => Promise.all(ids.map(async (id) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status));

describe("changing capacity", () => {
  it("offers new seats to the waiting list, in order, in the same write", async () => {
    const { s, ids } = await sessionWith(2, 5);
    const res = await patch(s.id, { capacity: 4 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ capacity: 4, seatsTaken: 4, seatsLeft: 0 });
    expect(await statuses(ids)).toEqual(["confirmed", "confirmed", "offered", "offered", "waitlisted"]);
    expect(await messagesFor("offer_made", ids)).toHaveLength(2);
  });

  it("refuses to go below the seats taken, saying how many are taken", async () => {
    const { s } = await sessionWith(10, 6);
    const res = await patch(s.id, { capacity: 5 });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/capacity-below-taken$/);
    expect(p.detail).toBe("6 seats are already taken, so the capacity can't be less than 6.");
    expect(p.seatsTaken).toBe(6);
    expect((await patch(s.id, { capacity: 6 })).status).toBe(200);
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, s.id));
    expect(entries.map((e) => [e.action, (e.detail as { capacity: number }).capacity])).toEqual([["session.changed", 6]]);
  });

  it("is for coordinators only", async () => {
    const { s, yps } = await sessionWith(3, 1);
    expect((await patch(s.id, { capacity: 50 }, yps[0]!.token)).status).toBe(403);
    expect((await h.request("PATCH", `/api/v1/sessions/${s.id}`, { body: { capacity: 50 } })).status).toBe(401);
    expect((await patch("ses_missing", { capacity: 50 })).status).toBe(404);
  });
});

describe("moving a session", () => {
  it("bumps the calendar sequence, moves every booking's times and tells everyone holding a seat", async () => {
    const { s, ids } = await sessionWith(2, 3);
    const startsAt = new Date(s.startsAt + DAY).toISOString();
    const endsAt = new Date(s.startsAt + DAY + 3 * HOUR).toISOString();
    const res = await patch(s.id, { startsAt, endsAt });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ startsAt, endsAt, sequence: 1 });
    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(rows.every((r) => r.startsAt === s.startsAt + DAY && r.endsAt === s.startsAt + DAY + 3 * HOUR)).toBe(true);
    expect((await messagesFor("session_changed", ids)).map((m) => (m.payload as { bookingId: string }).bookingId).sort()).toEqual(ids.slice(0, 2).sort());
  });

  it("shortens offer holds when the session moves earlier", async () => {
    const { s, ids, yps } = await sessionWith(1, 2);
    await h.request("POST", `/api/v1/bookings/${ids[0]}/cancel`, { token: yps[0]!.token });
    const newStart = h.clock.now() + 10 * HOUR;
    await patch(s.id, { startsAt: new Date(newStart).toISOString(), endsAt: new Date(newStart + HOUR).toISOString() });
    const [offered] = await h.db.select().from(bookings).where(eq(bookings.id, ids[1]!));
    expect(offered).toMatchObject({ status: "offered", holdExpiresAt: newStart - 2 * HOUR, startsAt: newStart });
  });

  it("treats a new venue as a change everyone hears about", async () => {
    const { s, ids } = await sessionWith(5, 1);
    const v = await venue(h.db);
    const res = await patch(s.id, { venueId: v.id });
    expect(await res.json()).toMatchObject({ venueId: v.id, sequence: 1 });
    expect(await messagesFor("session_changed", ids)).toHaveLength(1);
    expect((await patch(s.id, { venueId: "ven_missing" })).status).toBe(400);
  });

  it("does not notify anyone for a capacity-only change", async () => {
    const { s, ids } = await sessionWith(5, 2);
    await patch(s.id, { capacity: 6 });
    expect(await messagesFor("session_changed", ids)).toHaveLength(0);
  });

  it("refuses an end before the start, naming endsAt", async () => {
    const { s } = await sessionWith(5, 0);
    const res = await patch(s.id, { endsAt: new Date(s.startsAt - HOUR).toISOString() });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("endsAt");
  });

  it("refuses a move into the past, naming startsAt, and leaves the session as it was", async () => {
    const { s, ids } = await sessionWith(5, 1);
    const past = h.clock.now() - HOUR;
    const res = await patch(s.id, { startsAt: new Date(past).toISOString(), endsAt: new Date(past + HOUR).toISOString() });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("startsAt");
    expect((await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]).toMatchObject({ startsAt: s.startsAt, sequence: 0 });
    expect(await messagesFor("session_changed", ids)).toHaveLength(0);
  });

  it("refuses a new place that is both a venue and a link, or neither", async () => {
    const { s } = await sessionWith(5, 0);
    const v = await venue(h.db);
    const both = await patch(s.id, { venueId: v.id, onlineUrl: "https://meet.example/x" });
    expect(both.status).toBe(422);
    expect((await problem(both)).errors?.[0]?.path).toBe("venueId");
    expect((await patch(s.id, { venueId: v.id })).status).toBe(200);
    expect((await patch(s.id, { venueId: null })).status).toBe(422);
    expect((await patch(s.id, { venueId: null, onlineUrl: "https://meet.example/x" })).status).toBe(200);
  });

  it("refuses to change or cancel a session once it has started", async () => {
    const s = await session(h.db, h.clock.now(), { startsIn: -10 * 60_000 });
    const res = await patch(s.id, { capacity: 30 });
    expect(res.status).toBe(409);
    expect((await problem(res)).type).toMatch(/session-started$/);
    expect((await h.request("POST", `/api/v1/sessions/${s.id}/cancel`, { token: coordinator })).status).toBe(409);
    expect((await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]).toMatchObject({ capacity: 20, status: "scheduled" });
  });
});

describe("moving a session once check-in has begun", () => {
  const checkIn = async (sessionId: string, bookingId: string) => {
    const [b] = await h.db.select().from(bookings).where(eq(bookings.id, bookingId));
    return h.request("POST", `/api/v1/sessions/${sessionId}/check-ins`, { token: coordinator, body: { ticketCode: b!.ticketCode } });
  };
  /** Someone checked in came at the session's time: their booking's copied time must still be it. */
  const checkedInOffTime = async (sessionId: string) => {
    const [s] = await h.db.select().from(sessions).where(eq(sessions.id, sessionId));
    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, sessionId));
    return rows.filter((b) => b.checkedInAt !== null && (b.startsAt !== s!.startsAt || b.endsAt !== s!.endsAt)).length;
  };
  const later = (s: { startsAt: number; endsAt: number }) => ({ startsAt: new Date(s.startsAt + HOUR / 2).toISOString(), endsAt: new Date(s.endsAt + HOUR / 2).toISOString() });

  it("refuses a new time once someone is checked in, naming startsAt, but still takes more places", async () => {
    const s = await session(h.db, h.clock.now(), { startsIn: HOUR, capacity: 5 });
    const ids: string[] = [];
    for (const yp of await youngPeopleWithTokens(h.db, h.clock.now(), 2)) ids.push(((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id);
    expect((await checkIn(s.id, ids[0]!)).status).toBe(201);
    const res = await patch(s.id, later(s));
    expect(res.status).toBe(409);
    expect(await problem(res)).toMatchObject({ type: expect.stringMatching(/check-in-begun$/), errors: [{ path: "startsAt" }] });
    expect(await checkedInOffTime(s.id)).toBe(0);
    expect(await messagesFor("session_changed", ids)).toHaveLength(0);
    expect((await patch(s.id, { capacity: 8 })).status).toBe(200);
  });

  it("check-ins racing a move never leave a checked-in person at a time the session no longer has", async () => {
    const outcomes = new Set<number>();
    for (let round = 0; round < 12; round++) {
      const s = await session(h.db, h.clock.now(), { startsIn: HOUR, capacity: 8 });
      const ids: string[] = [];
      for (const yp of await youngPeopleWithTokens(h.db, h.clock.now(), 6)) ids.push(((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id);
      // The move leaves just before the queue at the door, just after it, once the first person
      // is through (so it must be refused), or before anyone is scanned (so it must go ahead).
      const mode = round % 4;
      const early = mode === 0 || mode === 3 ? patch(s.id, later(s)) : null;
      if (mode === 3) await early;
      const scans = ids.map((id) => checkIn(s.id, id));
      if (mode === 2) await scans[0];
      const move = await (early ?? patch(s.id, later(s)));
      for (const scan of await Promise.all(scans)) expect([200, 201]).toContain(scan.status);
      expect([200, 409]).toContain(move.status);
      outcomes.add(move.status);
      expect(await checkedInOffTime(s.id)).toBe(0);
    }
    // Both outcomes happened, so the race really ran both ways.
    expect([...outcomes].sort()).toEqual([200, 409]);
  });

  it("control: the same move written without the check-in guard leaves the checked-in person behind", async () => {
    const s = await session(h.db, h.clock.now(), { startsIn: HOUR, capacity: 5 });
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const booked = (await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp!.token, body: {} })).json()) as { id: string };
    expect((await checkIn(s.id, booked.id)).status).toBe(201);
    // What changeSession did before the guard: move the session and the bookings still to come.
    const to = { startsAt: s.startsAt + HOUR / 2, endsAt: s.endsAt + HOUR / 2 };
    await h.db.batch([
      h.db.update(sessions).set(to).where(eq(sessions.id, s.id)),
      h.db.update(bookings).set(to).where(and(eq(bookings.sessionId, s.id), inArray(bookings.status, ["confirmed", "pending_consent", "offered", "waitlisted"]))),
    ]);
    expect(await checkedInOffTime(s.id)).toBe(1);
  });
});

describe("cancelling a session", () => {
  it("cancels every booking, releases the seats and tells each person, all at once", async () => {
    const { s, ids } = await sessionWith(2, 3);
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/cancel`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "cancelled", bookingsCancelled: 3, seatsTaken: 0 });
    expect(await statuses(ids)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(await messagesFor("session_cancelled", ids)).toHaveLength(3);
    const again = await h.request("POST", `/api/v1/sessions/${s.id}/cancel`, { token: coordinator });
    expect(again.status).toBe(409);
    expect((await problem(again)).type).toMatch(/session-cancelled$/);
    expect(await messagesFor("session_cancelled", ids)).toHaveLength(3);
    expect((await h.db.select().from(auditLog).where(eq(auditLog.subjectId, s.id))).map((e) => e.action)).toEqual(["session.cancelled"]);
  });

  it("is for coordinators only", async () => {
    const { s, yps } = await sessionWith(2, 1);
    expect((await h.request("POST", `/api/v1/sessions/${s.id}/cancel`, { token: yps[0]!.token })).status).toBe(403);
    expect((await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]!.status).toBe("scheduled");
  });
});

describe("moving a session with a place still waiting for consent", () => {
  it("tells the young person but sends no calendar invite until the place is confirmed", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 5, event: { consentAge: 16 } });
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2011-02-02" });
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp!.token, body: { guardianEmail: "carer@example.com" } });
    expect(((await res.json()) as { status: string }).status).toBe("pending_consent");
    await h.mailFor(yp!.email);
    const later = new Date(s.startsAt + HOUR).toISOString();
    expect((await patch(s.id, { startsAt: later, endsAt: new Date(s.endsAt + HOUR).toISOString() })).status).toBe(200);
    const mail = await h.mailFor(yp!.email);
    const changed = mail.find((m) => /has changed/.test(m.subject));
    expect(changed, "the change email").toBeTruthy();
    // A REQUEST now would put the session in their calendar, and a refusal sends no CANCEL.
    expect(changed!.attachments).toEqual([]);
  });
});

describe("cancellations and calendar files", () => {
  const cancelMail = async (email: string) => (await h.mailFor(email)).filter((m) => /Cancelled|cancelled/.test(m.subject));

  it("sends a calendar CANCEL only to places that had an invite when a session is called off", async () => {
    const { s, yps } = await sessionWith(1, 2);
    await h.mailFor(yps[0]!.email);
    await h.mailFor(yps[1]!.email);
    expect((await h.request("POST", `/api/v1/sessions/${s.id}/cancel`, { token: coordinator })).status).toBe(200);
    const [confirmed] = await cancelMail(yps[0]!.email);
    const [waiting] = await cancelMail(yps[1]!.email);
    expect(confirmed!.attachments.map((a) => a.contentType)).toEqual([expect.stringContaining("method=CANCEL")]);
    // Told the session is off, but a CANCEL for an entry they never had would only confuse.
    expect(waiting!.subject).toMatch(/Cancelled/);
    expect(waiting!.attachments).toEqual([]);
  });

  it("sends no calendar CANCEL when someone leaves the waiting list", async () => {
    const { ids, yps } = await sessionWith(1, 2);
    expect((await h.request("POST", `/api/v1/bookings/${ids[1]}/cancel`, { token: yps[1]!.token })).status).toBe(200);
    const [left] = await cancelMail(yps[1]!.email);
    expect(left!.subject).toMatch(/cancelled/);
    expect(left!.attachments).toEqual([]);
    expect((await h.request("POST", `/api/v1/bookings/${ids[0]}/cancel`, { token: yps[0]!.token })).status).toBe(200);
    const [gone] = await cancelMail(yps[0]!.email);
    expect(gone!.attachments.map((a) => a.contentType)).toEqual([expect.stringContaining("method=CANCEL")]);
  });
});
