// The register at the door (issue #15): check in by name, undo, close the register now; only
// the session's host (its staff or API key) and coordinators.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, bookings, outbox, timebankEntries } from "../../db/schema";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { seedWorld } from "../../../test/support/attendance-fixtures";

let h: Harness;
const NOW = "2026-03-02T09:30:00Z";
beforeAll(async () => {
  h = await createHarness({ now: NOW });
});
afterAll(() => h.close());
beforeEach(() => h.clock.set(NOW));

const checkIn = (sessionId: string, body: unknown, token?: string) => h.request("POST", `/api/v1/sessions/${sessionId}/check-ins`, { body, token });
const undo = (sessionId: string, bookingId: string, token?: string) => h.request("DELETE", `/api/v1/sessions/${sessionId}/check-ins/${bookingId}`, { token });
const close = (sessionId: string, token?: string) => h.request("POST", `/api/v1/sessions/${sessionId}/register/close`, { token });
const row = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const credits = async (bookingId: string) => (await h.db.select().from(timebankEntries).where(eq(timebankEntries.bookingId, bookingId))).reduce((n, e) => n + e.minutes, 0);

describe("checking in by name", () => {
  it("checks in a person from the register by their booking, without their code", async () => {
    const w = await seedWorld(h, "rn1");
    const res = await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.host);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ bookingId: w.amyBooking.id, name: "Amy", alreadyCheckedIn: false });
    expect((await row(w.amyBooking.id)).status).toBe("attended");
  });

  it("asks a group's head count, and refuses a booking of another session", async () => {
    const w = await seedWorld(h, "rn2");
    const other = await seedWorld(h, "rn2b");
    const noCount = await checkIn(w.session.id, { bookingId: w.groupBooking.id }, w.tokens.host);
    expect(noCount.status).toBe(400);
    expect((await problem(noCount)).errors?.[0]?.path).toBe("count");
    expect((await checkIn(w.session.id, { bookingId: w.groupBooking.id, count: 11 }, w.tokens.host)).status).toBe(201);
    expect((await checkIn(w.session.id, { bookingId: other.amyBooking.id }, w.tokens.host)).status).toBe(409);
    expect((await row(other.amyBooking.id)).status).toBe("confirmed");
  });

  it("is for the host and coordinators: another employer gets 403, a stranger's booking id 404", async () => {
    const w = await seedWorld(h, "rn3");
    expect((await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.otherEmployer)).status).toBe(403);
    expect((await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.school)).status).toBe(403);
    expect((await checkIn(w.session.id, { bookingId: "bkg_nope" }, w.tokens.host)).status).toBe(404);
    expect((await checkIn(w.session.id, { bookingId: w.benBooking.id }, w.tokens.coordinator)).status).toBe(201);
  });
});

describe("undoing a check-in", () => {
  it("puts the booking back to expected, reverses the hours credited and leaves an audit row", async () => {
    const w = await seedWorld(h, "ru1");
    await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.host);
    expect(await credits(w.amyBooking.id)).toBeGreaterThan(0);
    const res = await undo(w.session.id, w.amyBooking.id, w.tokens.host);
    expect(res.status).toBe(204);
    expect(await row(w.amyBooking.id)).toMatchObject({ status: "confirmed", checkedInAt: null, checkedInCount: null });
    expect(await credits(w.amyBooking.id)).toBe(0);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, w.amyBooking.id), eq(auditLog.action, "check_in.undone")));
    expect(audit).toHaveLength(1);
    // Checked in again: credited once more, and once only.
    await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.host);
    expect(await credits(w.amyBooking.id)).toBeGreaterThan(0);
    expect((await undo(w.session.id, w.benBooking.id, w.tokens.host)).status).toBe(409);
  });

  it("of 5 simultaneous undos exactly one applies, with one reversal and one audit row", async () => {
    const w = await seedWorld(h, "ru2");
    await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.host);
    const results = await Promise.all(Array.from({ length: 5 }, () => undo(w.session.id, w.amyBooking.id, w.tokens.host)));
    expect(results.map((r) => r.status).sort()).toEqual([204, 409, 409, 409, 409]);
    expect((await h.db.select().from(timebankEntries).where(and(eq(timebankEntries.bookingId, w.amyBooking.id), eq(timebankEntries.kind, "reversal"))))).toHaveLength(1);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, w.amyBooking.id), eq(auditLog.action, "check_in.undone")))).toHaveLength(1);
  });

  it("is refused to another employer (403) and once the register is closed (409)", async () => {
    const w = await seedWorld(h, "ru3");
    await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.host);
    expect((await undo(w.session.id, w.amyBooking.id, w.tokens.otherEmployer)).status).toBe(403);
    h.clock.set("2026-03-02T10:30:00Z");
    expect((await close(w.session.id, w.tokens.host)).status).toBe(200);
    const late = await undo(w.session.id, w.amyBooking.id, w.tokens.host);
    expect(late.status).toBe(409);
    expect((await problem(late)).detail).toContain("register for this session is closed");
  });
});

describe("closing the register now", () => {
  it("records the no-shows and queues feedback invitations at once, with an audit row; repeating changes nothing", async () => {
    const w = await seedWorld(h, "rc1");
    await checkIn(w.session.id, { bookingId: w.amyBooking.id }, w.tokens.host);
    h.clock.set("2026-03-02T10:15:00Z");
    const res = await close(w.session.id, w.tokens.host);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ noShows: 2, invited: 1 });
    expect((await row(w.benBooking.id)).status).toBe("no_show");
    expect((await row(w.groupBooking.id)).status).toBe("no_show");
    const invitations = (await h.db.select().from(outbox)).filter((m) => m.template === "feedback_invitation" && (m.payload as { bookingId: string }).bookingId === w.amyBooking.id);
    expect(invitations).toHaveLength(1);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, w.session.id), eq(auditLog.action, "register.closed")))).toHaveLength(1);
    expect(await (await close(w.session.id, w.tokens.host)).json()).toEqual({ noShows: 0, invited: 0 });
  });

  it("touches only this session, is refused before the start and to other organisations", async () => {
    const w = await seedWorld(h, "rc2");
    const other = await seedWorld(h, "rc2b");
    h.clock.set("2026-03-02T09:00:00Z");
    const early = await close(w.session.id, w.tokens.host);
    expect(early.status).toBe(409);
    h.clock.set("2026-03-02T10:15:00Z");
    expect((await close(w.session.id, w.tokens.otherEmployer)).status).toBe(403);
    expect((await close(w.session.id, w.tokens.school)).status).toBe(403);
    expect((await close(w.session.id)).status).toBe(401);
    expect((await close(w.session.id, w.tokens.host)).status).toBe(200);
    expect((await row(other.benBooking.id)).status).toBe("confirmed");
  });
});
