import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, mentoringSlots, outbox } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { holdOtherBooking, makeMentor, makeOrg, makeSlot, makeVenue, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";

const ADULT = "2000-01-01";
const SEVENTEEN = "2009-01-01";
const FOURTEEN = "2011-05-05";

let h: Harness;
let employer: string;
let staff: { token: string };
let otherStaff: { token: string };
let coordinator: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z", config: { safeguardingEmail: "safe@opendoor.test" } });
  employer = await makeOrg(h, "employer");
  staff = await staffOf(h, employer);
  otherStaff = await staffOf(h, await makeOrg(h, "employer"));
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());
afterEach(() => h.clock.set("2026-03-02T09:00:00Z"));

const book = (slot: string, token?: string, body: object = {}) => h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token, body });
const noticesFor = async (bookingId: string, template = "mentoring_confirmed") =>
  (await h.db.select().from(outbox).where(eq(outbox.template, template))).filter((m) => m.payload.bookingId === bookingId);

describe("POST /mentoring-slots/{id}/bookings", () => {
  it("books a slot for a 17-year-old with a verified mentor, copying the mentor and the safeguarding contact", async () => {
    const mentor = await makeMentor(h, employer);
    const slot = await makeSlot(h, mentor, "2026-03-20T17:00:00Z");
    const yp = await youngPerson(h, SEVENTEEN);
    const res = await book(slot, yp.token);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; status: string; meetingUrl: string; startsAt: string };
    expect(body).toMatchObject({ status: "confirmed", meetingUrl: `https://meet.example.test/${slot}`, startsAt: "2026-03-20T17:00:00.000Z" });
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, body.id));
    expect(row).toMatchObject({ kind: "mentoring", slotId: slot, sessionId: null, personId: yp.personId, startsAt: Date.parse("2026-03-20T17:00:00Z") });
    const [s] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    expect(s!.status).toBe("booked");
    const notices = await noticesFor(body.id);
    expect(notices.map((m) => [m.payload.audience, m.toEmail]).sort()).toEqual(
      [["mentor", expect.stringContaining("@employer.test")], ["safeguarding", "safe@opendoor.test"], ["young_person", yp.email]].sort(),
    );
  });

  it("requires a guardian's email from an under-16, naming the field", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-20T12:00:00Z");
    const yp = await youngPerson(h, FOURTEEN);
    const res = await book(slot, yp.token);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([expect.objectContaining({ path: "guardianEmail" })]);
  });

  it("refuses a guardian's email that is the under-16's own or another under-18's, and takes an adult's (issue #14)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-20T14:00:00Z");
    const yp = await youngPerson(h, FOURTEEN);
    const friend = await youngPerson(h, SEVENTEEN);
    const sibling = await youngPerson(h, ADULT);
    for (const guardianEmail of [` ${yp.email.toUpperCase()}`, friend.email.toUpperCase()]) {
      const res = await book(slot, yp.token, { guardianEmail });
      expect(res.status).toBe(400);
      expect((await problem(res)).errors).toEqual([expect.objectContaining({ path: "guardianEmail" })]);
    }
    expect(await h.db.select().from(bookings).where(eq(bookings.slotId, slot))).toHaveLength(0);
    expect((await book(slot, yp.token, { guardianEmail: sibling.email })).status).toBe(201);
  });

  it("copies the guardian of an under-16", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-20T13:00:00Z");
    const yp = await youngPerson(h, FOURTEEN);
    const res = await book(slot, yp.token, { guardianEmail: "Parent@Example.test" });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const guardian = (await noticesFor(id)).find((m) => m.payload.audience === "guardian");
    expect(guardian!.toEmail).toBe("parent@example.test");
  });

  it("refuses an under-18 when the mentor's DBS expires the day before the slot (422)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer, { dbs: { checkedOn: "2023-03-20", expiresOn: "2026-03-19" } }), "2026-03-20T17:00:00Z");
    const res = await book(slot, (await youngPerson(h, SEVENTEEN)).token);
    expect(res.status).toBe(422);
    expect((await problem(res)).detail).toMatch(/safety check \(DBS\) runs out before this slot/);
  });

  it("accepts an under-18 when the mentor's DBS expires on the day of the slot", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer, { dbs: { checkedOn: "2023-03-20", expiresOn: "2026-03-20" } }), "2026-03-20T17:00:00Z");
    expect((await book(slot, (await youngPerson(h, SEVENTEEN)).token)).status).toBe(201);
  });

  it("refuses an under-18 when the mentor's DBS is revoked or missing (422)", async () => {
    const revoked = await makeSlot(h, await makeMentor(h, employer, { dbs: { checkedOn: "2025-01-01", expiresOn: "2028-01-01", revoked: true } }), "2026-03-21T10:00:00Z");
    const missing = await makeSlot(h, await makeMentor(h, employer, { dbs: null }), "2026-03-21T12:00:00Z");
    const yp = await youngPerson(h, SEVENTEEN);
    const r1 = await book(revoked, yp.token);
    expect(r1.status).toBe(422);
    expect((await problem(r1)).detail).toMatch(/no longer valid/);
    const r2 = await book(missing, yp.token);
    expect(r2.status).toBe(422);
    expect((await problem(r2)).detail).toMatch(/has not been confirmed/);
  });

  it("lets an adult, or someone who turns 18 before the day, book an unverified mentor", async () => {
    const mentor = await makeMentor(h, employer, { dbs: null });
    const a = await makeSlot(h, mentor, "2026-03-22T10:00:00Z");
    const b = await makeSlot(h, mentor, "2026-03-22T12:00:00Z");
    expect((await book(a, (await youngPerson(h, ADULT)).token)).status).toBe(201);
    expect((await book(b, (await youngPerson(h, "2008-03-10")).token)).status).toBe(201);
  });

  it("refuses a third future mentoring booking when the cap is 2 (409 too_many_mentoring)", async () => {
    const mentor = await makeMentor(h, employer);
    const slots: string[] = [];
    for (const t of ["2026-03-28T10:00:00Z", "2026-03-29T10:00:00Z", "2026-03-30T10:00:00Z"]) slots.push(await makeSlot(h, mentor, t));
    const yp = await youngPerson(h, ADULT);
    expect((await book(slots[0]!, yp.token)).status).toBe(201);
    expect((await book(slots[1]!, yp.token)).status).toBe(201);
    const third = await book(slots[2]!, yp.token);
    expect(third.status).toBe(409);
    expect((await problem(third)).type).toContain("too-many-mentoring");
    // Once one has happened, there is room again.
    h.clock.set("2026-03-28T12:00:00Z");
    expect((await book(slots[2]!, yp.token)).status).toBe(201);
  });

  it("refuses a slot that clashes with another booking the young person holds (409 booking_clash)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-23T17:00:00Z");
    const yp = await youngPerson(h, ADULT);
    await holdOtherBooking(h, yp.personId, "2026-03-23T17:30:00Z");
    const res = await book(slot, yp.token);
    expect(res.status).toBe(409);
    expect((await problem(res)).type).toContain("booking-clash");
  });

  it("refuses a slot someone else has booked (409 slot_taken)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-24T17:00:00Z");
    expect((await book(slot, (await youngPerson(h, ADULT)).token)).status).toBe(201);
    const res = await book(slot, (await youngPerson(h, ADULT)).token);
    expect(res.status).toBe(409);
    expect((await problem(res)).type).toContain("slot-taken");
  });

  it("answers 404 for a withdrawn or unknown slot", async () => {
    const yp = await youngPerson(h, ADULT);
    expect((await book("mslot_nope", yp.token)).status).toBe(404);
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-24T14:00:00Z");
    await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`, { token: staff.token });
    expect((await book(slot, yp.token)).status).toBe(404);
  });

  it("accepts a booking sent with no body at all", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-24T15:00:00Z");
    const yp = await youngPerson(h, ADULT);
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token })).status).toBe(201);
  });

  it("refuses staff (403) and no token (401)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-24T12:00:00Z");
    expect((await book(slot, staff.token)).status).toBe(403);
    expect((await book(slot)).status).toBe(401);
  });
});

async function booked(startsAt: string, dob = ADULT) {
  const slot = await makeSlot(h, await makeMentor(h, employer), startsAt);
  const yp = await youngPerson(h, dob);
  const res = await book(slot, yp.token);
  const { id } = (await res.json()) as { id: string };
  return { slot, yp, bookingId: id };
}

describe("GET /mentoring-bookings/{id}", () => {
  it("shows the meeting link to the booked young person, the mentor's organisation and coordinators", async () => {
    const { slot, yp, bookingId } = await booked("2026-03-25T17:00:00Z");
    for (const token of [yp.token, staff.token, coordinator]) {
      const res = await h.request("GET", `/api/v1/mentoring-bookings/${bookingId}`, { token });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ meetingUrl: `https://meet.example.test/${slot}` });
    }
  });

  it("answers 404 to another young person and another employer, 401 without a token", async () => {
    const { slot, bookingId } = await booked("2026-03-25T12:00:00Z");
    const someoneElse = await youngPerson(h, ADULT);
    for (const token of [someoneElse.token, otherStaff.token]) {
      const res = await h.request("GET", `/api/v1/mentoring-bookings/${bookingId}`, { token });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(slot);
    }
    expect((await h.request("GET", `/api/v1/mentoring-bookings/${bookingId}`)).status).toBe(401);
  });

  it("shows the venue, not a link, for an in-person slot", async () => {
    const venueId = await makeVenue(h);
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-25T09:00:00Z", { mode: "in_person", venueId });
    const yp = await youngPerson(h, ADULT);
    const res = await book(slot, yp.token);
    expect(await res.json()).toMatchObject({ meetingUrl: null, venue: { id: venueId, name: "Central Library", stepFree: true } });
  });
});

describe("POST /mentoring-bookings/{id}/cancel", () => {
  it("lets the young person cancel their booking: the slot is open again and both sides are told", async () => {
    const { slot, yp, bookingId } = await booked("2026-03-26T17:00:00Z");
    const res = await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: yp.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "cancelled", meetingUrl: null });
    const [s] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    expect(s!.status).toBe("open");
    const notices = await noticesFor(bookingId, "mentoring_cancelled");
    expect(notices.map((m) => m.payload.audience).sort()).toEqual(["mentor", "young_person"]);
    expect(notices[0]!.payload.cancelledBy).toBe("young_person");
    // Someone else can now have it.
    expect((await book(slot, (await youngPerson(h, ADULT)).token)).status).toBe(201);
  });

  it("lets the mentor's organisation cancel, and refuses cancelling twice (409)", async () => {
    const { bookingId } = await booked("2026-03-26T12:00:00Z");
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: staff.token })).status).toBe(200);
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: staff.token })).status).toBe(409);
    expect((await noticesFor(bookingId, "mentoring_cancelled"))[0]!.payload.cancelledBy).toBe("mentor");
  });

  it("lets a coordinator cancel, telling both sides who cancelled", async () => {
    const { bookingId } = await booked("2026-03-26T09:00:00Z");
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: coordinator })).status).toBe(200);
    expect((await noticesFor(bookingId, "mentoring_cancelled")).map((m) => m.payload.cancelledBy)).toEqual(["coordinator", "coordinator"]);
  });

  it("refuses cancelling after the start (409)", async () => {
    const { yp, bookingId } = await booked("2026-03-27T12:00:00Z");
    h.clock.set("2026-03-27T12:30:00Z");
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: yp.token })).status).toBe(409);
  });

  it("answers 404 to another young person and another employer, 401 without a token", async () => {
    const { bookingId } = await booked("2026-03-27T15:00:00Z");
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: (await youngPerson(h, ADULT)).token })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`, { token: otherStaff.token })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/mentoring-bookings/${bookingId}/cancel`)).status).toBe(401);
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.status).toBe("confirmed");
  });
});
