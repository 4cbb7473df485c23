// OWASP API3 (broken object property level authorisation / mass assignment): keys a caller
// may not set — status, role, seats, the person, the counters, ids — are ignored or refused,
// never applied. Each case looks at the database, not just the answer.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, events, feedback, people, sessions } from "../src/db/schema";
import { createHarness, type Harness } from "./support/harness";
import { event, organisation, session } from "./support/fixtures";
import { makeMentor, makeOrg, makeSlot, staffOf, youngPerson } from "./support/mentoring-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

/** Keys nobody outside the domain rules may set, with values that would matter if applied. */
const FORBIDDEN = {
  id: "chosen_id",
  status: "attended",
  role: "coordinator",
  roles: ["coordinator"],
  isCoordinator: true,
  seats: 40,
  seatsTaken: 0,
  capacity: 1000,
  pupils: 30,
  kind: "group",
  ticketCode: "AAAAA-AAAAA",
  checkedInAt: "2026-03-02T09:00:00Z",
  holdExpiresAt: "2030-01-01T00:00:00Z",
  queuedAt: 0,
  erasedAt: null,
  calendarFeedHash: "mine",
  createdAt: "2000-01-01T00:00:00Z",
  __proto__: { status: "attended" },
};

const accepted = (status: number) => (status >= 200 && status < 300) || status === 400;

describe("mass assignment", () => {
  it("signing up cannot make someone a coordinator, staff, or choose their id", async () => {
    const email = "sneaky@example.com";
    const res = await h.request("POST", "/api/v1/young-people", {
      body: { email, displayName: "Sneaky", dateOfBirth: "2009-01-01", ...FORBIDDEN, isYoungPerson: false, organisationIds: ["org_x"] },
    });
    expect(accepted(res.status)).toBe(true);
    const [person] = await h.db.select().from(people).where(eq(people.email, email));
    if (res.status === 400) return expect(person).toBeUndefined();
    expect(person).toMatchObject({ isYoungPerson: true, calendarFeedHash: null, erasedAt: null });
    expect(person!.id).not.toBe("chosen_id");
    const token = await h.tokenFor(email);
    expect((await (await h.request("GET", "/api/v1/me", { token })).json()) as { roles: string[] }).toMatchObject({ roles: ["young_person"] });
  });

  it("a booking body cannot set its status, seats, kind, ticket or the session's counter", async () => {
    const yp = await youngPerson(h, "2009-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: { ...FORBIDDEN, sessionId: "ses_other" } });
    expect(accepted(res.status)).toBe(true);
    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    if (res.status === 400) return expect(rows).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "individual", status: "confirmed", seats: 1, pupils: 0, personId: yp.personId, checkedInAt: null });
    expect(rows[0]!.id).not.toBe("chosen_id");
    expect(rows[0]!.ticketCode).not.toBe("AAAAA-AAAAA");
    expect((await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]).toMatchObject({ seatsTaken: 1, capacity: 5 });
  });

  it("a young person cannot book for someone else by naming them", async () => {
    const yp = await youngPerson(h, "2009-01-01");
    const victim = await youngPerson(h, "2009-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: { personId: victim.personId } });
    expect(res.status).toBe(403);
    expect(await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id))).toEqual([]);
  });

  it("a mentoring booking body cannot choose the person or the status", async () => {
    const yp = await youngPerson(h, "2005-01-01");
    const victim = await youngPerson(h, "2005-01-01");
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), "2026-03-20T17:00:00Z");
    const res = await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: { ...FORBIDDEN, personId: victim.personId, slotId: "other" } });
    expect(accepted(res.status)).toBe(true);
    const rows = await h.db.select().from(bookings).where(eq(bookings.slotId, slot));
    if (res.status === 400) return expect(rows).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ personId: yp.personId, status: "confirmed", seats: 1, kind: "mentoring" });
  });

  it("feedback cannot be filed against another event or booking", async () => {
    const yp = await youngPerson(h, "2009-01-01");
    const s = await session(h.db, h.clock.now(), { capacity: 5 });
    const other = await event(h.db);
    const id = ((await (await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: {} })).json()) as { id: string }).id;
    await h.db.update(bookings).set({ status: "attended" }).where(eq(bookings.id, id));
    const res = await h.request("POST", `/api/v1/bookings/${id}/feedback`, { token: yp.token, body: { rating: 4, eventId: other.id, bookingId: "bkg_other", id: "chosen_id", createdAt: 0 } });
    expect(accepted(res.status)).toBe(true);
    const rows = await h.db.select().from(feedback).where(eq(feedback.bookingId, id));
    if (res.status === 400) return expect(rows).toEqual([]);
    expect(rows[0]).toMatchObject({ eventId: s.eventId, rating: 4 });
    expect(rows[0]!.id).not.toBe("chosen_id");
  });

  it("school staff cannot move a group to another school or set its status or seats directly", async () => {
    const school = await organisation(h.db, "school");
    const otherSchool = await organisation(h.db, "school");
    const staff = await staffOf(h, school.id);
    const s = await session(h.db, h.clock.now(), { capacity: 30, event: { groupsAllowed: true } });
    const group = (await (await h.request("POST", `/api/v1/sessions/${s.id}/group-bookings`, { token: staff.token, body: { schoolId: school.id, pupils: 4, staff: 1 } })).json()) as { id: string };
    const res = await h.request("PATCH", `/api/v1/group-bookings/${group.id}`, {
      token: staff.token,
      body: { accessNeeds: "Ramp", organisationId: otherSchool.id, schoolId: otherSchool.id, status: "attended", seats: 1, seatsTaken: 0, personId: "per_x" },
    });
    expect(accepted(res.status)).toBe(true);
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, group.id));
    expect(row).toMatchObject({ organisationId: school.id, status: "confirmed", seats: 5, personId: staff.personId });
    expect((await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]!.seatsTaken).toBe(5);
  });

  it("a host cannot hand their event to another organisation", async () => {
    const host = await organisation(h.db, "employer");
    const other = await organisation(h.db, "employer");
    const staff = await staffOf(h, host.id);
    const ev = await event(h.db, { hostOrganisationId: host.id });
    const res = await h.request("PATCH", `/api/v1/events/${ev.id}`, { token: staff.token, body: { minAge: 12, hostOrganisationId: other.id, id: "chosen_id", searchText: "x" } });
    expect(accepted(res.status)).toBe(true);
    const [row] = await h.db.select().from(events).where(eq(events.id, ev.id));
    expect(row!.hostOrganisationId).toBe(host.id);
  });
});
