import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { auditLog, bookings } from "../../db/schema";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { apiKeyFor, seedBooking, seedEvent, seedSession, seedWorld } from "../../../test/support/attendance-fixtures";

let h: Harness;
const NOW = "2026-03-02T09:00:00Z";
beforeAll(async () => {
  h = await createHarness({ now: NOW });
});
afterAll(() => h.close());
beforeEach(() => h.clock.set(NOW));

const checkIn = (sessionId: string, body: unknown, token?: string) => h.request("POST", `/api/v1/sessions/${sessionId}/check-ins`, { body, token });
const row = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;

describe("checking in a person by ticket", () => {
  it("marks the booking attended and answers 201 with the first name and access needs", async () => {
    const w = await seedWorld(h, "ci1");
    const res = await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      bookingId: w.amyBooking.id,
      kind: "individual",
      name: "Amy",
      alreadyCheckedIn: false,
      checkedInAt: NOW.replace("Z", ".000Z"),
      accessNeeds: "Ear defenders, quiet room",
    });
    expect(await row(w.amyBooking.id)).toMatchObject({ status: "attended", checkedInAt: Date.parse(NOW), checkedInCount: 1 });
  });

  it("scanning twice is harmless: 200, alreadyCheckedIn, and the FIRST check-in time", async () => {
    const w = await seedWorld(h, "ci2");
    await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    h.clock.advance(5 * 60_000);
    const again = await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ alreadyCheckedIn: true, checkedInAt: "2026-03-02T09:00:00.000Z" });
    expect((await row(w.amyBooking.id)).checkedInAt).toBe(Date.parse(NOW));
  });

  it("of 10 simultaneous scans of one ticket exactly one is the first check-in", async () => {
    const w = await seedWorld(h, "ci3");
    const results = await Promise.all(Array.from({ length: 10 }, () => checkIn(w.session.id, { ticketCode: w.benBooking.ticketCode }, w.tokens.host)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
  });

  it("control: without the `checked_in_at IS NULL` guard a second scan would also claim to be first", async () => {
    const w = await seedWorld(h, "ci3c");
    const unguarded = () => h.db.update(bookings).set({ status: "attended", checkedInAt: h.clock.now() }).where(eq(bookings.id, w.benBooking.id)).returning();
    const guarded = () =>
      h.db.update(bookings).set({ status: "attended", checkedInAt: h.clock.now() }).where(and(eq(bookings.id, w.benBooking.id), isNull(bookings.checkedInAt))).returning();
    expect((await unguarded()).length + (await unguarded()).length).toBe(2);
    await h.db.update(bookings).set({ checkedInAt: null }).where(eq(bookings.id, w.benBooking.id));
    expect((await guarded()).length + (await guarded()).length).toBe(1);
  });

  it("accepts a code typed in lower case, with spaces and without the dash", async () => {
    const w = await seedWorld(h, "ci4");
    const typed = ` ${w.benBooking.ticketCode.replace("-", " ").toLowerCase()} `;
    const res = await checkIn(w.session.id, { ticketCode: typed }, w.tokens.host);
    expect(res.status).toBe(201);
  });

  it("refuses a ticket for another session with 409 naming the right one", async () => {
    const w = await seedWorld(h, "ci5");
    const otherEvent = await seedEvent(h, w.host, { title: "Bricklaying basics" });
    const tuesday = await seedSession(h, otherEvent, "2026-03-03T10:00:00Z");
    const elsewhere = await seedBooking(h, tuesday, { personId: w.amy.id });
    const res = await checkIn(w.session.id, { ticketCode: elsewhere.ticketCode }, w.tokens.host);
    expect(res.status).toBe(409);
    const body = await problem(res);
    expect(body.detail).toBe('This ticket is for "Bricklaying basics" on Tuesday 3 March at 10:00, not this session.');
    expect(body.sessionId).toBe(tuesday.id);
    expect((await row(elsewhere.id)).status).toBe("confirmed");
  });

  it("refuses cancelled, waitlisted and pending-consent bookings clearly, changing nothing", async () => {
    const w = await seedWorld(h, "ci6");
    for (const [status, words] of [
      ["cancelled", /cancelled/],
      ["waitlisted", /waiting list/],
      ["pending_consent", /parent or carer/],
    ] as const) {
      await h.db.update(bookings).set({ status }).where(eq(bookings.id, w.benBooking.id));
      const res = await checkIn(w.session.id, { ticketCode: w.benBooking.ticketCode }, w.tokens.host);
      expect(res.status).toBe(409);
      expect((await problem(res)).detail).toMatch(words);
      expect(await row(w.benBooking.id)).toMatchObject({ status, checkedInAt: null });
    }
  });

  it("lets a host correct a no-show who did come", async () => {
    const w = await seedWorld(h, "ci7");
    await h.db.update(bookings).set({ status: "no_show" }).where(eq(bookings.id, w.benBooking.id));
    const res = await checkIn(w.session.id, { ticketCode: w.benBooking.ticketCode }, w.tokens.host);
    expect(res.status).toBe(201);
    expect((await row(w.benBooking.id)).status).toBe("attended");
  });

  it("refuses a check-in more than 2 hours before the start, saying when it opens", async () => {
    const w = await seedWorld(h, "ci8", "2026-03-09T10:00:00Z");
    const res = await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    expect(res.status).toBe(422);
    expect((await problem(res)).detail).toContain("Monday 9 March at 08:00");
  });

  it("answers 404 for an unknown ticket code and an unknown session", async () => {
    const w = await seedWorld(h, "ci9");
    expect((await checkIn(w.session.id, { ticketCode: "NOPE0-NOPE0" }, w.tokens.host)).status).toBe(404);
    expect((await checkIn("ses_missing", { ticketCode: w.amyBooking.ticketCode }, w.tokens.coordinator)).status).toBe(404);
  });
});

describe("checking in a group by head count", () => {
  it("checks in a group with the number who arrived, and a later scan corrects the count but not the time", async () => {
    const w = await seedWorld(h, "cg1");
    const first = await checkIn(w.session.id, { groupBookingId: w.groupBooking.id, count: 11 }, w.tokens.host);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ kind: "group", name: "cg1 Riverside School", seats: 12, checkedInCount: 11 });
    h.clock.advance(10 * 60_000);
    const later = await checkIn(w.session.id, { groupBookingId: w.groupBooking.id, count: 12 }, w.tokens.host);
    expect(later.status).toBe(200);
    expect(await later.json()).toMatchObject({ alreadyCheckedIn: true, checkedInCount: 12, checkedInAt: "2026-03-02T09:00:00.000Z" });
  });

  it("refuses more people than the group booked (pupils + staff), naming count", async () => {
    const w = await seedWorld(h, "cg2");
    const res = await checkIn(w.session.id, { groupBookingId: w.groupBooking.id, count: 13 }, w.tokens.host);
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors?.[0]?.path).toBe("count");
    expect(body.detail).toContain("10 pupils and 2 staff");
    expect((await row(w.groupBooking.id)).checkedInAt).toBeNull();
  });

  it("asks for a head count when a group's QR ticket is scanned without one", async () => {
    const w = await seedWorld(h, "cg3");
    const res = await checkIn(w.session.id, { ticketCode: w.groupBooking.ticketCode }, w.tokens.host);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("count");
    const withCount = await checkIn(w.session.id, { ticketCode: w.groupBooking.ticketCode, count: 12 }, w.tokens.host);
    expect(withCount.status).toBe(201);
  });

  it("names the field when the request is neither a ticket nor a group with a count", async () => {
    const w = await seedWorld(h, "cg5");
    for (const [body, path] of [
      [{}, "ticketCode"],
      [{ ticketCode: w.amyBooking.ticketCode, groupBookingId: w.groupBooking.id, count: 1 }, "ticketCode"],
      [{ groupBookingId: w.groupBooking.id }, "count"],
      [{ groupBookingId: w.groupBooking.id, count: 0 }, "count"],
    ] as const) {
      const res = await checkIn(w.session.id, body, w.tokens.host);
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.map((e) => e.path)).toEqual([path]);
    }
  });

  it("does not treat an individual booking's id as a group booking", async () => {
    const w = await seedWorld(h, "cg4");
    const res = await checkIn(w.session.id, { groupBookingId: w.amyBooking.id, count: 1 }, w.tokens.host);
    expect(res.status).toBe(404);
  });
});

describe("who may check people in", () => {
  it("the host's API key (a door scanner) and coordinators may", async () => {
    const w = await seedWorld(h, "cw1");
    const key = await apiKeyFor(h, w.host);
    expect((await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, key)).status).toBe(201);
    expect((await checkIn(w.session.id, { ticketCode: w.benBooking.ticketCode }, w.tokens.coordinator)).status).toBe(201);
  });

  it("a school cannot check people in, not even its own group (403)", async () => {
    const w = await seedWorld(h, "cw2");
    for (const body of [{ groupBookingId: w.groupBooking.id, count: 12 }, { ticketCode: w.amyBooking.ticketCode }]) {
      const res = await checkIn(w.session.id, body, w.tokens.school);
      expect(res.status).toBe(403);
    }
    expect((await row(w.groupBooking.id)).checkedInAt).toBeNull();
  });

  it("another employer, another organisation's API key and a young person get 403", async () => {
    const w = await seedWorld(h, "cw3");
    const otherKey = await apiKeyFor(h, w.otherEmployer);
    for (const token of [w.tokens.otherEmployer, otherKey, w.amy.token]) {
      const res = await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, token);
      expect(res.status).toBe(403);
    }
    expect((await row(w.amyBooking.id)).status).toBe("confirmed");
  });

  it("no token gets 401", async () => {
    const w = await seedWorld(h, "cw4");
    expect((await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode })).status).toBe(401);
  });
});

describe("the attendance list", () => {
  it("shows who is expected by first name, who is in, access needs and the running counts", async () => {
    const w = await seedWorld(h, "al1");
    await checkIn(w.session.id, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    await checkIn(w.session.id, { groupBookingId: w.groupBooking.id, count: 9 }, w.tokens.host);
    const res = await h.request("GET", `/api/v1/sessions/${w.session.id}/attendance`, { token: w.tokens.host });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { counts: unknown; attendees: { name: string; checkedInAt: string | null }[]; accessNeeds: unknown };
    expect(body.counts).toEqual({
      expectedSeats: 14,
      checkedInSeats: 10,
      stillToArrive: 1,
      noShows: 0,
      individuals: { bookings: 2, checkedIn: 1, expectedSeats: 2, checkedInSeats: 1 },
      groups: { bookings: 1, checkedIn: 1, expectedSeats: 12, checkedInSeats: 9 },
    });
    expect(body.attendees.map((a) => a.name).sort()).toEqual(["Amy", "Ben", "al1 Riverside School"]);
    expect(body.accessNeeds).toEqual([{ name: "Amy", accessNeeds: "Ear defenders, quiet room" }]);
    const text = JSON.stringify(body);
    expect(text).not.toContain("Jones");
    expect(text).not.toContain("@young.test");
    expect(text).not.toContain(w.amyBooking.ticketCode);
  });

  it("leaves cancelled and waitlisted bookings off the list", async () => {
    const w = await seedWorld(h, "al2");
    await h.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, w.benBooking.id));
    const res = await h.request("GET", `/api/v1/sessions/${w.session.id}/attendance`, { token: w.tokens.coordinator });
    const body = (await res.json()) as { attendees: { bookingId: string }[] };
    expect(body.attendees.map((a) => a.bookingId)).not.toContain(w.benBooking.id);
  });

  it("records who read the list in the audit log", async () => {
    const w = await seedWorld(h, "al3");
    await h.request("GET", `/api/v1/sessions/${w.session.id}/attendance`, { token: w.tokens.coordinator });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, w.session.id));
    expect(rows).toEqual([expect.objectContaining({ action: "attendance.read", subjectType: "session" })]);
  });

  it("is refused to a school (403), another employer (403), a young person (403) and no token (401)", async () => {
    const w = await seedWorld(h, "al4");
    for (const token of [w.tokens.school, w.tokens.otherEmployer, w.amy.token]) {
      expect((await h.request("GET", `/api/v1/sessions/${w.session.id}/attendance`, { token })).status).toBe(403);
    }
    expect((await h.request("GET", `/api/v1/sessions/${w.session.id}/attendance`)).status).toBe(401);
  });
});
