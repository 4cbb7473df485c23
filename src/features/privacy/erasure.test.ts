import { and, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, authSessions, bookings, devMailbox, feedback, magicLinks, memberships, mentoringSlots, outbox, people, sessions } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { organisation, session } from "../../../test/support/fixtures";
import { makeMentor, makeOrg, makeSlot, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";
import { newId } from "../../lib/crypto";
import { DAY, HOUR } from "../../lib/time";
import { FAMILY_TAG } from "../../rules/families";
import { checkSeatAccounting } from "../../rules/capacity";
import { CANCELS_PER_BATCH, erasedEmail, erasePerson } from "./erasure";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

const SEVENTEEN = "2009-01-01";
const book = (sessionId: string, token: string, body: Record<string, unknown> = {}) => h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body });
const created = async (res: Response) => {
  if (res.status !== 201) throw new Error(`expected 201, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; status: string };
};
const bookingRow = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const seatsTaken = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;
const erase = (token?: string) => h.request("DELETE", "/api/v1/me", { token });

/** Counts db.batch calls made while `work` runs: "the same write" means exactly one. */
async function countBatches(work: () => Promise<unknown>) {
  const original = h.db.batch.bind(h.db);
  let calls = 0;
  h.db.batch = ((...args: Parameters<typeof original>) => {
    calls++;
    return original(...args);
  }) as unknown as typeof original;
  try {
    await work();
  } finally {
    h.db.batch = original;
  }
  return calls;
}

describe("DELETE /me", () => {
  it("anonymises a young person, frees their seats to the waiting list and keeps counts and feedback, in one write", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const next = await youngPerson(h, SEVENTEEN);
    const full = await session(h.db, h.clock.now(), { capacity: 1 });
    const consentSession = await session(h.db, h.clock.now(), { capacity: 5, startsIn: 9 * DAY, event: { consentAge: 18 } });
    const mine = await created(await book(full.id, yp.token, { accessNeeds: "I use a wheelchair" }));
    const queued = await created(await book(full.id, next.token));
    expect(queued.status).toBe("waitlisted");
    const pending = await created(await book(consentSession.id, yp.token, { guardianEmail: "mum@example.com" }));
    expect(pending.status).toBe("pending_consent");
    const employer = await makeOrg(h, "employer");
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-20T17:00:00Z");
    const mentoring = await created(await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} }));
    const feed = await h.request("POST", "/api/v1/me/calendar-feed", { token: yp.token });
    const feedPath = new URL(((await feed.json()) as { url: string }).url).pathname;
    expect((await h.request("GET", feedPath)).status).toBe(200);
    // A session they went to last month, with feedback they signed.
    const past = await session(h.db, h.clock.now(), { startsIn: -30 * DAY });
    const pastId = newId("bkg");
    await h.db.insert(bookings).values({ id: pastId, kind: "individual", sessionId: past.id, personId: yp.personId, status: "attended", startsAt: past.startsAt, endsAt: past.endsAt, ticketCode: newId("t"), accessNeeds: "quiet room" });
    await h.db.update(sessions).set({ seatsTaken: 1 }).where(eq(sessions.id, past.id));
    await h.db.insert(feedback).values({ id: newId("fbk"), bookingId: pastId, eventId: past.eventId, rating: 5, whatWorked: "All of it", anonymous: false });

    const batches = await countBatches(async () => expect((await erase(yp.token)).status).toBe(204));
    expect(batches).toBe(1);

    const [person] = await h.db.select().from(people).where(eq(people.id, yp.personId));
    expect(person).toMatchObject({ email: erasedEmail(yp.personId), displayName: "Erased", dateOfBirth: null, calendarFeedHash: null, erasedAt: h.clock.now() });
    expect(await h.db.select().from(people).where(eq(people.email, yp.email))).toEqual([]);
    // Seats freed and the first person waiting offered the seat.
    expect(await bookingRow(mine.id)).toMatchObject({ status: "cancelled", cancelReason: "erased", accessNeeds: "" });
    expect((await bookingRow(queued.id)).status).toBe("offered");
    expect(await seatsTaken(full.id)).toBe(1);
    expect((await h.db.select().from(outbox).where(eq(outbox.toEmail, next.email))).map((m) => m.template)).toContain("offer_made");
    expect(await bookingRow(pending.id)).toMatchObject({ status: "cancelled", guardianEmail: null, consentTokenHash: null });
    expect(await seatsTaken(consentSession.id)).toBe(0);
    // The mentoring slot is free again and the mentor is told.
    expect((await bookingRow(mentoring.id)).status).toBe("cancelled");
    expect((await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot)))[0]!.status).toBe("open");
    const mentorNotices = (await h.db.select().from(outbox).where(eq(outbox.template, "mentoring_cancelled"))).filter((m) => m.payload.bookingId === mentoring.id);
    expect(mentorNotices.map((m) => m.payload.audience)).toEqual(["mentor"]);
    // Nothing pending to them or their guardian any more; nothing they sent is named.
    const stillPending = (await h.db.select().from(outbox)).filter((m) => m.status === "pending" && [yp.email, "mum@example.com"].includes(m.toEmail));
    expect(stillPending).toEqual([]);
    // Counts and anonymous feedback kept.
    expect(await bookingRow(pastId)).toMatchObject({ status: "attended", personId: yp.personId, accessNeeds: "" });
    expect((await h.db.select().from(feedback).where(eq(feedback.bookingId, pastId)))[0]).toMatchObject({ rating: 5, anonymous: true });
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "person.erased"), eq(auditLog.subjectId, yp.personId)));
    expect(entry!.detail).toEqual({ bookingsCancelled: 3 });
    // Signed out everywhere: the old token is refused, and there is nothing to export.
    expect((await h.request("GET", "/api/v1/me", { token: yp.token })).status).toBe(401);
    expect((await h.request("GET", "/api/v1/me/export", { token: yp.token })).status).toBe(401);
    expect((await h.request("GET", feedPath)).status).toBe(404);
    expect((await h.db.select().from(authSessions).where(eq(authSessions.personId, yp.personId))).every((s) => s.revokedAt !== null)).toBe(true);
  });

  it("cannot be undone by signing in again: an old link fails and a new one is never sent", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    expect((await h.request("POST", "/api/v1/auth/magic-links", { body: { email: yp.email } })).status).toBe(202);
    const [mail] = await h.mailFor(yp.email);
    const linkToken = /sign-in\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    expect((await erase(yp.token)).status).toBe(204);
    expect(await h.db.select().from(magicLinks).where(eq(magicLinks.email, yp.email))).toEqual([]);
    expect(await h.db.select().from(devMailbox).where(eq(devMailbox.toEmail, yp.email))).toEqual([]);

    expect((await h.request("POST", "/api/v1/auth/sessions", { body: { token: linkToken } })).status).toBe(401);
    expect((await h.request("POST", "/api/v1/auth/magic-links", { body: { email: yp.email } })).status).toBe(202);
    expect(await h.mailFor(yp.email)).toEqual([]);
    expect(await h.db.select().from(outbox).where(eq(outbox.toEmail, yp.email))).toEqual([]);
    // Signing up again with the same address starts a new, empty account.
    expect((await h.request("POST", "/api/v1/young-people", { body: { email: yp.email, displayName: "Again", dateOfBirth: SEVENTEEN } })).status).toBe(202);
    const [fresh] = await h.db.select().from(people).where(eq(people.email, yp.email));
    expect(fresh!.id).not.toBe(yp.personId);
    expect(await h.db.select().from(bookings).where(eq(bookings.personId, fresh!.id))).toEqual([]);
  });

  it("is harmless when asked twice, even at the same moment", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const [other] = [await youngPerson(h, SEVENTEEN)];
    const s = await session(h.db, h.clock.now(), { capacity: 1 });
    await created(await book(s.id, yp.token));
    const queued = await created(await book(s.id, other!.token));
    const results = await Promise.all([erase(yp.token), erase(yp.token)]);
    expect(results.map((r) => r.status)).toContain(204);
    for (const r of results) expect([204, 401]).toContain(r.status);
    expect((await bookingRow(queued.id)).status).toBe("offered");
    expect(await seatsTaken(s.id)).toBe(1);
    // And directly, once more: nothing changes, no second audit entry.
    const actor = { kind: "person" as const, person: (await h.db.select().from(people).where(eq(people.id, yp.personId)))[0]!, isCoordinator: false, organisationIds: [], authSessionId: "x" };
    expect(await erasePerson(h.deps, actor, yp.personId)).toEqual({ cancelled: 0 });
    const entries = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "person.erased"), eq(auditLog.subjectId, yp.personId)));
    expect(entries).toHaveLength(1);
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("leaves one audit entry and frees each seat once when two erasures run at the same moment", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const s = await session(h.db, h.clock.now(), { capacity: 2 });
    await created(await book(s.id, yp.token));
    const person = (await h.db.select().from(people).where(eq(people.id, yp.personId)))[0]!;
    const actor = { kind: "person" as const, person, isCoordinator: false, organisationIds: [], authSessionId: "x" };
    const results = await Promise.all([erasePerson(h.deps, actor, yp.personId), erasePerson(h.deps, actor, yp.personId)]);
    expect(results.map((r) => r.cancelled)).toEqual([1, 1]);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.action, "person.erased"), eq(auditLog.subjectId, yp.personId)))).toHaveLength(1);
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it("sweeps up a booking that changed while the erasure was being written (an offer made meanwhile)", async () => {
    const holder = await youngPerson(h, SEVENTEEN);
    const yp = await youngPerson(h, SEVENTEEN);
    const s = await session(h.db, h.clock.now(), { capacity: 1 });
    const held = await created(await book(s.id, holder.token));
    const queued = await created(await book(s.id, yp.token));
    expect(queued.status).toBe("waitlisted");
    // Just before the erasure's batch runs, the holder cancels and the seat is offered to yp:
    // the erasure read "waitlisted", so its guarded cancel misses.
    const original = h.db.batch.bind(h.db);
    let raced = false;
    h.db.batch = (async (...args: Parameters<typeof original>) => {
      if (!raced) {
        raced = true;
        h.db.batch = original;
        expect((await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder.token })).status).toBe(200);
        expect((await bookingRow(queued.id)).status).toBe("offered");
      }
      return original(...args);
    }) as unknown as typeof original;
    try {
      expect((await erase(yp.token)).status).toBe(204);
    } finally {
      h.db.batch = original;
    }
    expect(raced).toBe(true);
    expect(await bookingRow(queued.id)).toMatchObject({ status: "cancelled", cancelReason: "erased" });
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it(`cancels more than ${CANCELS_PER_BATCH} future bookings in guarded batches, every seat accounted for`, async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const count = CANCELS_PER_BATCH + 5;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const s = await session(h.db, h.clock.now(), { capacity: 3, startsIn: (20 + i) * DAY + i * HOUR });
      ids.push((await created(await book(s.id, yp.token))).id);
    }
    const batches = await countBatches(async () => expect((await erase(yp.token)).status).toBe(204));
    expect(batches).toBe(2);
    const rows = await Promise.all(ids.map(bookingRow));
    expect(rows.every((b) => b.status === "cancelled")).toBe(true);
  });

  it("lets staff erase themselves: they leave their organisation and their school's group booking stays", async () => {
    const school = await organisation(h.db, "school");
    const staff = await staffOf(h, school.id);
    const s = await session(h.db, h.clock.now(), { capacity: 30 });
    const groupId = newId("bkg");
    await h.db.insert(bookings).values({ id: groupId, kind: "group", sessionId: s.id, personId: staff.personId, organisationId: school.id, pupils: 10, staff: 1, seats: 11, status: "confirmed", startsAt: s.startsAt, endsAt: s.endsAt, ticketCode: newId("t"), roster: ["Pupil One"] });
    await h.db.update(sessions).set({ seatsTaken: 11 }).where(eq(sessions.id, s.id));
    expect((await erase(staff.token)).status).toBe(204);
    expect(await h.db.select().from(memberships).where(eq(memberships.personId, staff.personId))).toEqual([]);
    expect(await bookingRow(groupId)).toMatchObject({ status: "confirmed", personId: null, organisationId: school.id, roster: ["Pupil One"] });
    expect(await seatsTaken(s.id)).toBe(11);
  });

  it("a parent's household places are in their export, and on erasure every seat goes to the waiting list in the same write", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 5, event: { tags: [FAMILY_TAG] } });
    const parentEmail = "household.parent@example.com";
    const parent = await h.tokenFor(parentEmail, { displayName: "Dad" });
    const household = await created(await h.request("POST", `/api/v1/sessions/${s.id}/household-bookings`, { token: parent, body: { adults: 2, children: 3, accessNeeds: "Buggy space, please" } }));
    const queued = [];
    for (let i = 0; i < 2; i++) queued.push(await created(await book(s.id, (await youngPerson(h, SEVENTEEN)).token)));
    expect(queued.map((b) => b.status)).toEqual(["waitlisted", "waitlisted"]);

    const exported = (await (await h.request("GET", "/api/v1/me/export", { token: parent })).json()) as { bookings: Record<string, unknown>[] };
    expect(exported.bookings).toEqual([expect.objectContaining({ id: household.id, kind: "family", status: "confirmed", seats: 5, household: { adults: 2, children: 3 }, accessNeeds: "Buggy space, please" })]);

    const batches = await countBatches(async () => expect((await erase(parent)).status).toBe(204));
    expect(batches).toBe(1);
    expect(await bookingRow(household.id)).toMatchObject({ status: "cancelled", cancelReason: "erased", accessNeeds: "" });
    // Five seats freed: both people waiting offered one, in the order they joined.
    expect((await Promise.all(queued.map((b) => bookingRow(b.id)))).map((b) => b.status)).toEqual(["offered", "offered"]);
    expect(await seatsTaken(s.id)).toBe(2);
    expect(await h.db.select().from(people).where(eq(people.email, parentEmail))).toEqual([]);
  });

  it("refuses coordinators, whose role comes from configuration", async () => {
    const token = await h.tokenFor(COORDINATOR);
    const res = await erase(token);
    expect(res.status).toBe(403);
    expect((await problem(res)).detail).toMatch(/coordinators list/);
    expect(await h.db.select().from(people).where(like(people.email, COORDINATOR))).toHaveLength(1);
  });

  it("needs sign-in", async () => {
    expect((await erase()).status).toBe(401);
  });
});

describe("a booking racing an erasure", () => {
  it("is refused when the erasure committed after the request had signed in", async () => {
    const yp = await youngPerson(h, SEVENTEEN);
    const open = await session(h.db, h.clock.now(), { capacity: 5 });
    const [person] = await h.db.select().from(people).where(eq(people.id, yp.personId));
    // The actor as the booking request resolved it, before the erasure ran.
    const staleActor = { kind: "person" as const, person: person!, isCoordinator: false, organisationIds: [], authSessionId: "ses_stale" };
    expect((await erase(yp.token)).status).toBe(204);
    const { bookSession } = await import("../bookings/book");
    await expect(bookSession(h.deps, staleActor, open.id, {})).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await h.db.select().from(bookings).where(eq(bookings.sessionId, open.id))).toEqual([]);
    expect(await seatsTaken(open.id)).toBe(0);
  });
});
