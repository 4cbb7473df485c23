import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, bookings, outbox, people as persons, sessions } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { session, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { checkSeatAccounting } from "../../rules/capacity";
import { DAY, HOUR, londonDate } from "../../lib/time";

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

type Booking = { id: string; status: string; position?: number; holdExpiresAt: string | null; ticketCode: string; title?: string };
const book = (sessionId: string, token: string, body: Record<string, unknown> = {}) => h.request("POST", `/api/v1/sessions/${sessionId}/bookings`, { token, body });
const people = (n: number, dateOfBirth?: string) => youngPeopleWithTokens(h.db, h.clock.now(), n, { dateOfBirth });
const templatesFor = async (bookingId: string) =>
  (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === bookingId).map((m) => m.template);
const seatsTaken = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;

describe("booking a place", () => {
  it("confirms a seat, counts it, issues a ticket and queues the confirmation in the same write", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 5, title: "Bricklaying taster" });
    const [yp] = await people(1);
    const res = await book(s.id, yp!.token, { accessNeeds: "Ear defenders please" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Booking;
    expect(body).toMatchObject({ status: "confirmed", title: "Bricklaying taster", holdExpiresAt: null });
    expect(body.ticketCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await seatsTaken(s.id)).toBe(1);
    expect(await templatesFor(body.id)).toEqual(["booking_confirmed"]);
    const [msg] = (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === body.id);
    expect(msg!.toEmail).toBe(yp!.email);
  });

  it("refuses the 21st booking when capacity is 20 and the event has no waiting list", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 20, event: { waitlistEnabled: false } });
    const yps = await people(21);
    for (const yp of yps.slice(0, 20)) expect((await book(s.id, yp.token)).status).toBe(201);
    const res = await book(s.id, yps[20]!.token);
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/session-full$/);
    expect(p.detail).toMatch(/full/);
    expect(await seatsTaken(s.id)).toBe(20);
  });

  it("puts people on the waiting list in order when the session is full", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 1 });
    const [a, b, c] = await people(3);
    expect(((await (await book(s.id, a!.token)).json()) as Booking).status).toBe("confirmed");
    const second = (await (await book(s.id, b!.token)).json()) as Booking;
    const third = (await (await book(s.id, c!.token)).json()) as Booking;
    expect(second).toMatchObject({ status: "waitlisted", position: 1 });
    expect(third).toMatchObject({ status: "waitlisted", position: 2 });
    expect(await templatesFor(second.id)).toEqual(["booking_waitlisted"]);
    const [msg] = (await h.db.select().from(outbox)).filter((m) => (m.payload as { bookingId?: string }).bookingId === third.id);
    expect(msg!.payload).toMatchObject({ position: 2 });
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("refuses a second booking for the same session with already_booked", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1);
    const first = (await (await book(s.id, yp!.token)).json()) as Booking;
    const res = await book(s.id, yp!.token);
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/already-booked$/);
    expect(p.bookingId).toBe(first.id);
  });

  it("refuses an overlapping booking, naming the other booking and its title", async () => {
    const now = h.clock.now();
    const first = await session(h.db, now, { startsIn: 3 * DAY, title: "Cooking on a budget" });
    const overlapping = await session(h.db, now, { startsIn: 3 * DAY + HOUR });
    const after = await session(h.db, now, { startsIn: 3 * DAY + 2 * HOUR });
    const [yp] = await people(1);
    const held = (await (await book(first.id, yp!.token)).json()) as Booking;
    const res = await book(overlapping.id, yp!.token);
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/booking-clash$/);
    expect(p).toMatchObject({ clashingBookingId: held.id, clashingTitle: "Cooking on a budget" });
    expect(p.detail).toContain("Cooking on a budget");
    // Back to back is not a clash.
    expect((await book(after.id, yp!.token)).status).toBe(201);
  });

  it("refuses someone outside the age range on the day of the session, saying why", async () => {
    const s = await session(h.db, h.clock.now(), { startsIn: 10 * DAY, event: { minAge: 16, maxAge: 18 } });
    // 16 on 2026-03-12, the session is on 2026-03-12 (London) → eligible; a day younger → not.
    const [turnsSixteenThatDay] = await people(1, "2010-03-12");
    const [dayTooYoung] = await people(1, "2010-03-13");
    expect((await book(s.id, turnsSixteenThatDay!.token)).status).toBe(201);
    const res = await book(s.id, dayTooYoung!.token);
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.type).toMatch(/not-eligible$/);
    expect(p.detail).toBe("This session is for ages 16 to 18. On the day of the session you will be 15.");
  });

  it("refuses booking a session that has started or been cancelled", async () => {
    const started = await session(h.db, h.clock.now(), { startsIn: -HOUR });
    const cancelled = await session(h.db, h.clock.now());
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, cancelled.id));
    const [yp] = await people(1);
    const a = await book(started.id, yp!.token);
    expect(a.status).toBe(409);
    expect((await problem(a)).type).toMatch(/session-started$/);
    const b = await book(cancelled.id, yp!.token);
    expect(b.status).toBe(409);
    expect((await problem(b)).type).toMatch(/session-cancelled$/);
  });

  it("answers 404 for a session that does not exist", async () => {
    const [yp] = await people(1);
    expect((await book("ses_nope", yp!.token)).status).toBe(404);
  });

  it("lets a coordinator book on behalf of a young person, but not a young person for someone else", async () => {
    const s = await session(h.db, h.clock.now());
    const [a, b] = await people(2);
    const res = await book(s.id, coordinator, { personId: a!.id });
    expect(res.status).toBe(201);
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, ((await res.json()) as Booking).id));
    expect(row!.personId).toBe(a!.id);
    expect((await book(s.id, b!.token, { personId: a!.id })).status).toBe(403);
  });

  it("refuses without a token (401) and refuses staff who are not young people (422)", async () => {
    const s = await session(h.db, h.clock.now());
    expect((await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { body: {} })).status).toBe(401);
    const res = await book(s.id, coordinator);
    expect(res.status).toBe(422);
    expect((await problem(res)).type).toMatch(/not-eligible$/);
  });
});

describe("guardian consent", () => {
  // A guardian address each: one address gets only a few consent requests a day (rules/consent.ts).
  let guardians = 0;
  async function under16Booking(capacity = 3) {
    const s = await session(h.db, h.clock.now(), { capacity, startsIn: 10 * DAY });
    const [yp] = await people(1, "2012-01-01");
    const res = await book(s.id, yp!.token, { guardianEmail: `Parent${++guardians}@Example.com` });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Booking;
    const [request] = (await h.db.select().from(outbox)).filter((m) => m.template === "consent_request" && (m.payload as { bookingId: string }).bookingId === body.id);
    const token = /\/consent\/([A-Za-z0-9_-]+)$/.exec((request!.payload as { consentUrl: string }).consentUrl)![1]!;
    return { s, yp: yp!, body, token, request: request! };
  }

  it("asks for a guardian email under the consent age, naming the field", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1, "2012-01-01");
    const res = await book(s.id, yp!.token);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([expect.objectContaining({ path: "guardianEmail" })]);
  });

  describe("only an adult can be the guardian (issue #14)", () => {
    /** The date of birth that makes someone exactly `years` old on the day of `startsAt`. */
    const bornYearsBefore = (startsAt: number, years: number, days = 0) => {
      const d = new Date(`${londonDate(startsAt)}T12:00:00Z`);
      d.setUTCFullYear(d.getUTCFullYear() - years);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const refusedAsChilds = async (res: Response) => {
      expect(res.status).toBe(400);
      const p = await problem(res);
      expect(p.errors).toEqual([expect.objectContaining({ path: "guardianEmail" })]);
      return p;
    };

    it("refuses the young person's own email, whatever its case and spaces, and keeps no booking", async () => {
      const s = await session(h.db, h.clock.now(), { capacity: 3, startsIn: 10 * DAY });
      const [yp] = await people(1, "2012-01-01");
      await refusedAsChilds(await book(s.id, yp!.token, { guardianEmail: `  ${yp!.email.toUpperCase()} ` }));
      expect(await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id))).toHaveLength(0);
      expect((await h.db.select().from(outbox)).filter((m) => m.toEmail === yp!.email && m.template === "consent_request")).toHaveLength(0);
      expect(await seatsTaken(s.id)).toBe(0);
    });

    it("refuses another young person's email when they are under 18 on the session date, in the caller's language", async () => {
      const s = await session(h.db, h.clock.now(), { capacity: 3, startsIn: 10 * DAY });
      const [yp] = await people(1, "2012-01-01");
      const [friend] = await people(1, bornYearsBefore(s.startsAt, 18, 1)); // 18 the day after
      await refusedAsChilds(await book(s.id, yp!.token, { guardianEmail: friend!.email.replace("yp", "YP") }));
      // Worded in the young person's saved language, as every refusal is.
      await h.db.update(persons).set({ locale: "pl" }).where(eq(persons.id, yp!.id));
      expect((await refusedAsChilds(await book(s.id, yp!.token, { guardianEmail: friend!.email }))).detail).toContain("rodzic lub opiekun");
    });

    it("accepts the email of a young person's account who is 18 on the session date", async () => {
      const s = await session(h.db, h.clock.now(), { capacity: 3, startsIn: 10 * DAY });
      const [yp] = await people(1, "2012-01-01");
      const [sibling] = await people(1, bornYearsBefore(s.startsAt, 18));
      const res = await book(s.id, yp!.token, { guardianEmail: sibling!.email });
      expect(res.status).toBe(201);
      expect(((await res.json()) as Booking).status).toBe("pending_consent");
    });
  });

  it("holds the seat 48 h as pending_consent and emails the guardian a one-time link stored only hashed", async () => {
    const { s, body, token, request } = await under16Booking();
    expect(body.status).toBe("pending_consent");
    expect(Date.parse(body.holdExpiresAt!)).toBe(h.clock.now() + 2 * DAY);
    expect(request.toEmail).toBe(`parent${guardians}@example.com`);
    expect(await seatsTaken(s.id)).toBe(1);
    expect((await templatesFor(body.id)).sort()).toEqual(["booking_pending_consent", "consent_request"]);
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, body.id));
    expect(row!.consentTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.consentTokenHash).not.toContain(token);
  });

  it("confirms the booking when the guardian grants, and the link works only once", async () => {
    const { body, token } = await under16Booking();
    const res = await h.request("POST", `/api/v1/consents/${token}`, { body: { decision: "grant" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bookingId: body.id, status: "confirmed" });
    expect(await templatesFor(body.id)).toContain("booking_confirmed");
    const again = await h.request("POST", `/api/v1/consents/${token}`, { body: { decision: "refuse" } });
    expect(again.status).toBe(401);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, body.id)))[0]!.status).toBe("confirmed");
  });

  it("frees the seat and offers it to the first person waiting when the guardian refuses", async () => {
    const { s, body, token } = await under16Booking(1);
    const [waiting] = await people(1);
    const queued = (await (await book(s.id, waiting!.token)).json()) as Booking;
    expect(queued.status).toBe("waitlisted");
    const res = await h.request("POST", `/api/v1/consents/${token}`, { body: { decision: "refuse" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bookingId: body.id, status: "cancelled" });
    const [offered] = await h.db.select().from(bookings).where(eq(bookings.id, queued.id));
    expect(offered!.status).toBe("offered");
    expect(await templatesFor(body.id)).toContain("consent_refused");
    expect(await templatesFor(queued.id)).toContain("offer_made");
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("refuses a made-up or lapsed consent link", async () => {
    expect((await h.request("POST", "/api/v1/consents/not-a-real-token-at-all", { body: { decision: "grant" } })).status).toBe(401);
    const { token } = await under16Booking();
    h.clock.advance(2 * DAY + 1);
    const res = await h.request("POST", `/api/v1/consents/${token}`, { body: { decision: "grant" } });
    expect(res.status).toBe(401);
    h.clock.advance(-(2 * DAY + 1));
  });
});

describe("waiting list offers", () => {
  async function fullWithQueue(queue: number, startsIn = 7 * DAY) {
    const s = await session(h.db, h.clock.now(), { capacity: 1, startsIn });
    const [holder, ...waiting] = await people(1 + queue);
    const held = (await (await book(s.id, holder!.token)).json()) as Booking;
    const queued: Booking[] = [];
    for (const w of waiting) queued.push((await (await book(s.id, w.token)).json()) as Booking);
    return { s, holder: holder!, held, waiting, queued };
  }

  it("offers a cancelled seat to the first in line for 24 h, in the same write as the cancellation", async () => {
    const { s, holder, held, queued } = await fullWithQueue(2);
    const res = await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Booking).status).toBe("cancelled");
    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    const first = rows.find((r) => r.id === queued[0]!.id)!;
    expect(first.status).toBe("offered");
    expect(first.holdExpiresAt).toBe(h.clock.now() + DAY);
    expect(rows.find((r) => r.id === queued[1]!.id)!.status).toBe("waitlisted");
    expect(await seatsTaken(s.id)).toBe(1);
    expect(await templatesFor(held.id)).toContain("booking_cancelled");
  });

  it("holds an offer only until 2 h before the start, and makes none when that has passed", async () => {
    const soon = await fullWithQueue(1, 10 * HOUR);
    await h.request("POST", `/api/v1/bookings/${soon.held.id}/cancel`, { token: soon.holder.token });
    const [offered] = await h.db.select().from(bookings).where(eq(bookings.id, soon.queued[0]!.id));
    expect(offered!.holdExpiresAt).toBe(soon.s.startsAt - 2 * HOUR);

    const tooLate = await fullWithQueue(1, 90 * 60_000);
    await h.request("POST", `/api/v1/bookings/${tooLate.held.id}/cancel`, { token: tooLate.holder.token });
    const [still] = await h.db.select().from(bookings).where(eq(bookings.id, tooLate.queued[0]!.id));
    expect(still!.status).toBe("waitlisted");
    expect(await seatsTaken(tooLate.s.id)).toBe(0);
  });

  it("confirms an accepted offer", async () => {
    const { holder, held, waiting, queued } = await fullWithQueue(1);
    await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder.token });
    const res = await h.request("POST", `/api/v1/bookings/${queued[0]!.id}/accept-offer`, { token: waiting[0]!.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Booking).status).toBe("confirmed");
    expect(await templatesFor(queued[0]!.id)).toEqual(["booking_waitlisted", "offer_made", "booking_confirmed"]);
  });

  it("refuses to accept a lapsed offer with offer_expired", async () => {
    const { holder, held, waiting, queued } = await fullWithQueue(1);
    await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder.token });
    h.clock.advance(DAY + 1);
    const res = await h.request("POST", `/api/v1/bookings/${queued[0]!.id}/accept-offer`, { token: waiting[0]!.token });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/offer-expired$/);
    expect(p.detail).toMatch(/ran out/);
    h.clock.advance(-(DAY + 1));
  });

  it("refuses to accept an offer that clashes with a place taken while waiting (booking_clash), keeping the offer", async () => {
    const { holder, held, waiting, queued } = await fullWithQueue(1);
    const other = await session(h.db, h.clock.now(), { capacity: 5, title: "Same time elsewhere" });
    expect((await book(other.id, waiting[0]!.token)).status).toBe(201);
    await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder.token });
    const res = await h.request("POST", `/api/v1/bookings/${queued[0]!.id}/accept-offer`, { token: waiting[0]!.token });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.type).toMatch(/booking-clash$/);
    expect(p.detail).toMatch(/Same time elsewhere/);
    const [still] = await h.db.select().from(bookings).where(eq(bookings.id, queued[0]!.id));
    expect(still!.status).toBe("offered");
  });

  it("asks the guardian when an under-16 accepts an offered seat", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 1 });
    const [holder] = await people(1);
    const [young] = await people(1, "2012-01-01");
    const held = (await (await book(s.id, holder!.token)).json()) as Booking;
    const queued = (await (await book(s.id, young!.token, { guardianEmail: "carer@example.com" })).json()) as Booking;
    expect(queued.status).toBe("waitlisted");
    await h.request("POST", `/api/v1/bookings/${held.id}/cancel`, { token: holder!.token });
    const res = await h.request("POST", `/api/v1/bookings/${queued.id}/accept-offer`, { token: young!.token });
    expect(((await res.json()) as Booking).status).toBe("pending_consent");
    expect(await templatesFor(queued.id)).toContain("consent_request");
  });

  it("refuses accept-offer on a booking that was never offered, and hides other people's bookings", async () => {
    const { waiting, queued } = await fullWithQueue(1);
    const res = await h.request("POST", `/api/v1/bookings/${queued[0]!.id}/accept-offer`, { token: waiting[0]!.token });
    expect(res.status).toBe(409);
    const [stranger] = await people(1);
    expect((await h.request("POST", `/api/v1/bookings/${queued[0]!.id}/accept-offer`, { token: stranger!.token })).status).toBe(404);
  });
});

describe("seeing and cancelling bookings", () => {
  it("shows a booking to its owner and coordinators, and 404 to anyone else", async () => {
    const s = await session(h.db, h.clock.now());
    const [owner, other] = await people(2);
    const b = (await (await book(s.id, owner!.token)).json()) as Booking;
    expect((await h.request("GET", `/api/v1/bookings/${b.id}`, { token: owner!.token })).status).toBe(200);
    expect((await h.request("GET", `/api/v1/bookings/${b.id}`, { token: coordinator })).status).toBe(200);
    expect((await h.request("GET", `/api/v1/bookings/${b.id}`, { token: other!.token })).status).toBe(404);
    expect((await h.request("GET", `/api/v1/bookings/${b.id}`)).status).toBe(401);
    expect((await h.request("POST", `/api/v1/bookings/${b.id}/cancel`, { token: other!.token })).status).toBe(404);
  });

  it("lists only my own bookings, with the event title and waiting-list position", async () => {
    const full = await session(h.db, h.clock.now(), { capacity: 0, title: "Full one" });
    const open = await session(h.db, h.clock.now(), { startsIn: 8 * DAY, title: "Open one" });
    const [me, someoneElse] = await people(2);
    await book(full.id, me!.token);
    await book(open.id, me!.token);
    await book(open.id, someoneElse!.token);
    const res = await h.request("GET", "/api/v1/me/bookings", { token: me!.token });
    const { items } = (await res.json()) as { items: Booking[] };
    expect(items.map((i) => [i.title, i.status, i.position])).toEqual([
      ["Full one", "waitlisted", 1],
      ["Open one", "confirmed", undefined],
    ]);
    expect((await h.request("GET", "/api/v1/me/bookings")).status).toBe(401);
  });

  it("lets the owner cancel until the start, then only a coordinator", async () => {
    const s = await session(h.db, h.clock.now(), { startsIn: HOUR });
    const [yp] = await people(1);
    const b = (await (await book(s.id, yp!.token)).json()) as Booking;
    h.clock.advance(HOUR);
    const late = await h.request("POST", `/api/v1/bookings/${b.id}/cancel`, { token: yp!.token });
    expect(late.status).toBe(409);
    expect((await problem(late)).type).toMatch(/session-started$/);
    const byCoordinator = await h.request("POST", `/api/v1/bookings/${b.id}/cancel`, { token: coordinator });
    expect(byCoordinator.status).toBe(200);
    expect(((await byCoordinator.json()) as { cancelReason: string }).cancelReason).toBe("cancelled_by_coordinator");
    h.clock.advance(-HOUR);
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it("refuses to cancel twice and frees no seat the second time", async () => {
    const s = await session(h.db, h.clock.now());
    const [a, b] = await people(2);
    const first = (await (await book(s.id, a!.token)).json()) as Booking;
    await book(s.id, b!.token);
    expect((await h.request("POST", `/api/v1/bookings/${first.id}/cancel`, { token: a!.token })).status).toBe(200);
    expect((await h.request("POST", `/api/v1/bookings/${first.id}/cancel`, { token: a!.token })).status).toBe(409);
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("lets someone book again after cancelling", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1);
    const b = (await (await book(s.id, yp!.token)).json()) as Booking;
    await h.request("POST", `/api/v1/bookings/${b.id}/cancel`, { token: yp!.token });
    expect((await book(s.id, yp!.token)).status).toBe(201);
    const live = await h.db.select().from(bookings).where(and(eq(bookings.sessionId, s.id), eq(bookings.status, "confirmed")));
    expect(live).toHaveLength(1);
  });
});

describe("security", () => {
  it("answers 401 without a token on every booking endpoint, and changes nothing", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1);
    const b = (await (await book(s.id, yp!.token)).json()) as Booking;
    for (const [method, path] of [
      ["POST", `/api/v1/sessions/${s.id}/bookings`],
      ["GET", "/api/v1/me/bookings"],
      ["GET", `/api/v1/bookings/${b.id}`],
      ["POST", `/api/v1/bookings/${b.id}/cancel`],
      ["POST", `/api/v1/bookings/${b.id}/accept-offer`],
      ["PATCH", `/api/v1/sessions/${s.id}`],
      ["POST", `/api/v1/sessions/${s.id}/cancel`],
      ["POST", `/api/v1/sessions/${s.id}/group-bookings`],
      ["PATCH", `/api/v1/group-bookings/${b.id}`],
      ["POST", `/api/v1/group-bookings/${b.id}/cancel`],
    ] as const) {
      const res = await h.request(method, path, { body: method === "GET" ? undefined : { capacity: 1, schoolId: "x", pupils: 1, staff: 1 } });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect((await h.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!.status).toBe("confirmed");
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("does not let a young person treat their own booking as a group booking", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1);
    const b = (await (await book(s.id, yp!.token)).json()) as Booking;
    expect((await h.request("PATCH", `/api/v1/group-bookings/${b.id}`, { token: yp!.token, body: { pupils: 30, staff: 3 } })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/group-bookings/${b.id}/cancel`, { token: yp!.token })).status).toBe(404);
    expect(await seatsTaken(s.id)).toBe(1);
  });
});

describe("records and documents", () => {
  it("audits a coordinator booking for, reading and cancelling someone else's booking", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1);
    const b = (await (await book(s.id, coordinator, { personId: yp!.id })).json()) as Booking;
    await h.request("GET", `/api/v1/bookings/${b.id}`, { token: yp!.token });
    await h.request("GET", `/api/v1/bookings/${b.id}`, { token: coordinator });
    await h.request("POST", `/api/v1/bookings/${b.id}/cancel`, { token: coordinator });
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, b.id));
    expect(entries.map((e) => e.action)).toEqual(["booking.created_on_behalf", "booking.read", "booking.cancelled_by_coordinator"]);
    expect(entries[0]!.detail).toEqual({ personId: yp!.id, sessionId: s.id });
  });

  it("writes no audit entry when a booking on someone's behalf is refused", async () => {
    const s = await session(h.db, h.clock.now(), { capacity: 0, event: { waitlistEnabled: false } });
    const [yp] = await people(1);
    expect((await book(s.id, coordinator, { personId: yp!.id })).status).toBe(409);
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.action, "booking.created_on_behalf"));
    expect(entries.filter((e) => (e.detail as { sessionId: string }).sessionId === s.id)).toEqual([]);
  });

  it("replays the first answer for a repeated Idempotency-Key instead of booking twice", async () => {
    const s = await session(h.db, h.clock.now());
    const [yp] = await people(1);
    const send = () => h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp!.token, body: {}, headers: { "idempotency-key": "tap-1" } });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("documents every booking endpoint in the OpenAPI document", async () => {
    const doc = (await (await h.request("GET", "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ["/sessions/{id}/bookings", "post"],
      ["/me/bookings", "get"],
      ["/bookings/{id}", "get"],
      ["/bookings/{id}/cancel", "post"],
      ["/bookings/{id}/accept-offer", "post"],
      ["/consents/{token}", "post"],
      ["/sessions/{id}", "patch"],
      ["/sessions/{id}/cancel", "post"],
      ["/sessions/{id}/group-bookings", "post"],
      ["/group-bookings/{id}", "patch"],
      ["/group-bookings/{id}/cancel", "post"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
