// A smaller version of the booking races on the real runtime: the Worker on D1.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { d1Db } from "../../src/db/client";
import { bookings, outbox } from "../../src/db/schema";
import { checkSeatAccounting } from "../../src/rules/capacity";
import { expireHolds } from "../../src/features/bookings/expiry";
import type { Deps } from "../../src/lib/deps";
import { systemClock } from "../../src/lib/time";
import { addMember, organisation, session, signedIn, youngPeopleWithTokens } from "../support/fixtures";

const db = d1Db(env.DB);
const call = async (method: string, path: string, token: string, body: unknown = {}) => {
  const res = await SELF.fetch(`https://opendoor.test/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id?: string; status?: string; position?: number; type?: string } };
};

describe("bookings on D1", () => {
  it("books a whole series in one batch on D1: one seat left on one date goes to one of 8 people at once, the rest queue; one email per person", async () => {
    const first = await session(db, Date.now(), { capacity: 20 });
    const last = await session(db, Date.now(), { capacity: 1, eventId: first.eventId, startsIn: 14 * 86_400_000 });
    const yps = await youngPeopleWithTokens(db, Date.now(), 8);
    const results = await Promise.all(yps.map((yp) => SELF.fetch(`https://opendoor.test/api/v1/events/${first.eventId}/series-bookings`, {
      method: "POST",
      headers: { authorization: `Bearer ${yp.token}`, "content-type": "application/json" },
      body: "{}",
    })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const answers = (await Promise.all(results.map((r) => r.json()))) as { items: { sessionId: string; outcome: string }[] }[];
    const onLast = answers.map((a) => a.items.find((i) => i.sessionId === last.id)!.outcome);
    expect(onLast.filter((o) => o === "booked")).toHaveLength(1);
    expect(onLast.filter((o) => o === "waitlisted")).toHaveLength(7);
    expect(answers.every((a) => a.items.find((i) => i.sessionId === first.id)!.outcome === "booked")).toBe(true);
    const mails = (await db.select().from(outbox)).filter((m) => m.template === "series_booked" && yps.some((yp) => yp.email === m.toEmail));
    expect(mails).toHaveLength(8);
    expect(await checkSeatAccounting(db)).toEqual([]);
  });

  it("gives exactly 5 seats to 40 people at once, offers a cancelled seat to the first in line, and keeps the ledger exact", async () => {
    const s = await session(db, Date.now(), { capacity: 5 });
    const yps = await youngPeopleWithTokens(db, Date.now(), 40);
    const results = await Promise.all(yps.map((yp) => call("POST", `/sessions/${s.id}/bookings`, yp.token)));
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(results.filter((r) => r.body.status === "confirmed")).toHaveLength(5);
    expect(results.filter((r) => r.body.status === "waitlisted")).toHaveLength(35);

    const holderIndex = results.findIndex((r) => r.body.status === "confirmed");
    expect((await call("POST", `/bookings/${results[holderIndex]!.body.id}/cancel`, yps[holderIndex]!.token)).status).toBe(200);
    const first = results.find((r) => r.body.position === 1)!;
    const [offered] = await db.select().from(bookings).where(eq(bookings.id, first.body.id!));
    expect(offered!.status).toBe("offered");
    expect(await checkSeatAccounting(db)).toEqual([]);
  });

  it("books and shrinks a school group, and refuses one person's duplicate requests", async () => {
    const s = await session(db, Date.now(), { capacity: 12, event: { groupsAllowed: true } });
    const school = await organisation(db, "school");
    const [teacher] = await youngPeopleWithTokens(db, Date.now(), 1, { dateOfBirth: "1980-01-01", prefix: "d1-teacher" });
    await addMember(db, school.id, teacher!.id);
    const group = await call("POST", `/sessions/${s.id}/group-bookings`, teacher!.token, { schoolId: school.id, pupils: 10, staff: 2 });
    expect(group.status).toBe(201);
    const [yp] = await youngPeopleWithTokens(db, Date.now(), 1);
    const dupes = await Promise.all(Array.from({ length: 10 }, () => call("POST", `/sessions/${s.id}/bookings`, yp!.token)));
    expect(dupes.filter((r) => r.status === 201)).toHaveLength(1);
    expect(dupes.filter((r) => r.status === 409)).toHaveLength(9);
    expect(dupes.filter((r) => r.status >= 500)).toEqual([]);
    const shrunk = await call("PATCH", `/group-bookings/${group.body.id}`, teacher!.token, { pupils: 8 });
    expect(shrunk.status).toBe(200);
    const mine = dupes.find((r) => r.status === 201)!;
    const [offered] = await db.select().from(bookings).where(eq(bookings.id, mine.body.id!));
    expect(offered!.status).toBe("offered");
    expect(await checkSeatAccounting(db)).toEqual([]);
  });

  it("runs consent, expiry, capacity and cancellation writes on D1", async () => {
    const s = await session(db, Date.now(), { capacity: 1 });
    const [young] = await youngPeopleWithTokens(db, Date.now(), 1, { dateOfBirth: "2013-02-02" });
    const [next, last] = await youngPeopleWithTokens(db, Date.now(), 2);
    const pending = await call("POST", `/sessions/${s.id}/bookings`, young!.token, { guardianEmail: "gran@example.com" });
    expect(pending.body.status).toBe("pending_consent");
    const queued = await call("POST", `/sessions/${s.id}/bookings`, next!.token);
    await call("POST", `/sessions/${s.id}/bookings`, last!.token);
    expect(queued.body).toMatchObject({ status: "waitlisted", position: 1 });

    // The guardian's hold runs out: the expiry job frees the seat and offers it on.
    await db.update(bookings).set({ holdExpiresAt: Date.now() - 1 }).where(eq(bookings.id, pending.body.id!));
    const deps = { db, clock: systemClock } as unknown as Deps;
    expect(await expireHolds(deps)).toMatchObject({ consentsExpired: 1 });
    expect((await db.select().from(bookings).where(eq(bookings.id, queued.body.id!)))[0]!.status).toBe("offered");
    expect((await call("POST", `/bookings/${queued.body.id}/accept-offer`, next!.token)).body.status).toBe("confirmed");

    const coordinator = await signedIn(db, Date.now(), "coordinator@opendoor.test");
    const grown = await call("PATCH", `/sessions/${s.id}`, coordinator, { capacity: 2, startsAt: new Date(s.startsAt + 3_600_000).toISOString(), endsAt: new Date(s.endsAt + 3_600_000).toISOString() });
    expect(grown).toMatchObject({ status: 200, body: { seatsTaken: 2, sequence: 1 } });
    const cancelled = await call("POST", `/sessions/${s.id}/cancel`, coordinator);
    expect(cancelled.body).toMatchObject({ status: "cancelled", bookingsCancelled: 2 });
    const templates = (await db.select().from(outbox)).map((m) => m.template);
    for (const t of ["consent_request", "consent_refused", "offer_made", "booking_confirmed", "session_changed", "session_cancelled"]) expect(templates).toContain(t);
    expect(await checkSeatAccounting(db)).toEqual([]);
  });
});
