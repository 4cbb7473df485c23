import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, outbox, sessions } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { addMember, organisation, personByEmail, session, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { checkSeatAccounting } from "../../rules/capacity";
import { HOUR } from "../../lib/time";
import { renderEmail } from "../notifications/render";
import { parseIcs } from "../../../test/support/ics";

let h: Harness;
let schoolId: string;
let otherSchoolId: string;
let teacher: string;
let otherTeacher: string;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  schoolId = (await organisation(h.db, "school", "Hillside Academy")).id;
  otherSchoolId = (await organisation(h.db, "school", "Riverside High")).id;
  teacher = await h.tokenFor("teacher@hillside.test");
  otherTeacher = await h.tokenFor("teacher@riverside.test");
  await addMember(h.db, schoolId, (await personByEmail(h.db, "teacher@hillside.test")).id);
  await addMember(h.db, otherSchoolId, (await personByEmail(h.db, "teacher@riverside.test")).id);
  coordinator = await h.tokenFor(COORDINATOR);
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

type Booking = { id: string; status: string; seats: number; pupils: number; staff: number; roster: string[] | null };
const groupSession = (capacity = 40, extra: { groupsAllowed?: boolean; pupilsPerStaff?: number } = {}) =>
  session(h.db, h.clock.now(), { capacity, event: { groupsAllowed: true, ...extra } });
const bookGroup = (sessionId: string, token: string, body: Record<string, unknown>) => h.request("POST", `/api/v1/sessions/${sessionId}/group-bookings`, { token, body });
const seatsTaken = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;
const statusOf = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status;

describe("booking a group", () => {
  it("takes pupils + staff seats and tells the teacher who booked", async () => {
    const s = await groupSession();
    const res = await bookGroup(s.id, teacher, { schoolId, pupils: 20, staff: 2, roster: ["Amira K", "Tom B."] });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Booking;
    expect(body).toMatchObject({ status: "confirmed", seats: 22, pupils: 20, staff: 2, roster: ["Amira K", "Tom B."] });
    expect(await seatsTaken(s.id)).toBe(22);
    const msgs = (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === body.id);
    expect(msgs.map((m) => [m.template, m.toEmail])).toEqual([["group_confirmed", "teacher@hillside.test"]]);
  });

  it("refuses a group that needs more staff, saying how many (default 1 per 10 pupils)", async () => {
    const s = await groupSession();
    const res = await bookGroup(s.id, teacher, { schoolId, pupils: 25, staff: 2 });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.type).toMatch(/group-ratio$/);
    expect(p.detail).toContain("needs at least 3 staff");
    expect(p.staffNeeded).toBe(3);
  });

  it("uses the event's own ratio", async () => {
    const s = await groupSession(40, { pupilsPerStaff: 5 });
    expect((await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 1 })).status).toBe(422);
    expect((await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 2 })).status).toBe(201);
  });

  it("refuses a group bigger than the seats left, with no waiting list", async () => {
    const s = await groupSession(20);
    const res = await bookGroup(s.id, teacher, { schoolId, pupils: 20, staff: 2 });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/session-full$/);
    expect(p.detail).toBe("Only 20 seats are left and your group needs 22. Try a smaller group or another date.");
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it("refuses events that do not take groups", async () => {
    const s = await groupSession(40, { groupsAllowed: false });
    expect((await bookGroup(s.id, teacher, { schoolId, pupils: 5, staff: 1 })).status).toBe(422);
  });

  it("refuses a roster with full surnames, naming the field", async () => {
    const s = await groupSession();
    const res = await bookGroup(s.id, teacher, { schoolId, pupils: 5, staff: 1, roster: ["Amira Khan"] });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("roster.0");
  });

  it("refuses staff of another school, young people and anonymous callers", async () => {
    const s = await groupSession();
    expect((await bookGroup(s.id, otherTeacher, { schoolId, pupils: 5, staff: 1 })).status).toBe(403);
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    expect((await bookGroup(s.id, yp!.token, { schoolId, pupils: 5, staff: 1 })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { body: { schoolId, pupils: 5, staff: 1 } })).status).toBe(401);
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it("refuses another school's API key", async () => {
    const keyRes = await h.request("POST", `/api/v1/organisations/${otherSchoolId}/api-keys`, { token: otherTeacher, body: { name: "MIS" } });
    const { key } = (await keyRes.json()) as { key: string };
    const s = await groupSession();
    expect((await bookGroup(s.id, key, { schoolId, pupils: 9, staff: 1 })).status).toBe(403);
  });

  it("accepts the school's API key", async () => {
    const keyRes = await h.request("POST", `/api/v1/organisations/${schoolId}/api-keys`, { token: teacher, body: { name: "MIS" } });
    const { key } = (await keyRes.json()) as { key: string };
    const s = await groupSession();
    const res = await bookGroup(s.id, key, { schoolId, pupils: 9, staff: 1 });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as Booking;
    const msgs = (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === id);
    expect(msgs[0]!.toEmail).toMatch(/^office-.*@school\.test$/);
  });
});

describe("changing and cancelling a group", () => {
  it("grows into free seats and refuses to grow past capacity", async () => {
    const s = await groupSession(30);
    const g = (await (await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 1 })).json()) as Booking;
    const grown = await h.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: teacher, body: { pupils: 20, staff: 2 } });
    expect(grown.status).toBe(200);
    expect(((await grown.json()) as Booking).seats).toBe(22);
    const tooBig = await h.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: teacher, body: { pupils: 28, staff: 3 } });
    expect(tooBig.status).toBe(409);
    expect((await problem(tooBig)).type).toMatch(/session-full$/);
    expect(await seatsTaken(s.id)).toBe(22);
  });

  it("shrinking frees seats and offers them to the waiting list in the same write", async () => {
    const s = await groupSession(12);
    const g = (await (await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 2 })).json()) as Booking;
    const yps = await youngPeopleWithTokens(h.db, h.clock.now(), 3);
    const queued: string[] = [];
    for (const yp of yps) queued.push(((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id);
    const messagesOf = async () => (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === g.id);
    const inviteOf = async (m: (typeof outbox.$inferSelect)) => parseIcs((await renderEmail(h.db, m, h.deps.config, h.clock.now())).attachments!.find((a) => a.filename === "invite.ics")!.content);
    // The invite the school got when it booked, as its calendar holds it.
    const before = await inviteOf((await messagesOf())[0]!);
    const res = await h.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: teacher, body: { pupils: 8, staff: 2 } });
    expect(res.status).toBe(200);
    expect([await statusOf(queued[0]!), await statusOf(queued[1]!), await statusOf(queued[2]!)]).toEqual(["offered", "offered", "waitlisted"]);
    expect(await seatsTaken(s.id)).toBe(12);
    const templates = (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === g.id).map((m) => m.template);
    expect(templates).toEqual(["group_confirmed", "group_changed"]);
    // The change carries an updated invite: the same calendar entry (UID), a higher SEQUENCE,
    // read back by a real iCalendar parser.
    const after = await inviteOf((await messagesOf())[1]!);
    expect(after.method).toBe("REQUEST");
    expect(after.events[0]!.uid).toBe(before.events[0]!.uid);
    expect(after.events[0]!.sequence).toBeGreaterThan(before.events[0]!.sequence);
  });

  it("checks the staff ratio on change", async () => {
    const s = await groupSession();
    const g = (await (await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 1 })).json()) as Booking;
    const res = await h.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: teacher, body: { pupils: 11 } });
    expect(res.status).toBe(422);
    expect((await problem(res)).type).toMatch(/group-ratio$/);
  });

  it("cancels a group, freeing its seats; another school cannot see or cancel it", async () => {
    const s = await groupSession();
    const g = (await (await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 1 })).json()) as Booking;
    expect((await h.request("GET", `/api/v1/bookings/${g.id}`, { token: otherTeacher })).status).toBe(404);
    expect((await h.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: otherTeacher, body: { pupils: 1 } })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/group-bookings/${g.id}/cancel`, { token: otherTeacher })).status).toBe(404);
    expect((await h.request("GET", `/api/v1/bookings/${g.id}`, { token: teacher })).status).toBe(200);
    const res = await h.request("POST", `/api/v1/group-bookings/${g.id}/cancel`, { token: teacher });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { cancelReason: string }).cancelReason).toBe("cancelled_by_school");
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it("stops the school changing a group once the session has started; a coordinator still can", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 30, startsIn: HOUR, event: { groupsAllowed: true } });
    const g = (await (await bookGroup(s.id, teacher, { schoolId, pupils: 10, staff: 1 })).json()) as Booking;
    h.clock.advance(HOUR);
    const res = await h.request("PATCH", `/api/v1/group-bookings/${g.id}`, { token: teacher, body: { pupils: 5 } });
    expect(res.status).toBe(409);
    expect((await h.request("POST", `/api/v1/group-bookings/${g.id}/cancel`, { token: coordinator })).status).toBe(200);
    h.clock.advance(-HOUR);
  });
});
