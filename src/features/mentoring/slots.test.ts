import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { bookings, mentoringSlots, outbox } from "../../db/schema";
import { londonWallTime } from "../../lib/time";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { holdOtherBooking, makeMentor, makeOrg, makeSlot, makeVenue, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";

let h: Harness;
let employer: string;
let staff: { token: string };
let otherStaff: { token: string };
let venueId: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  employer = await makeOrg(h, "employer");
  staff = await staffOf(h, employer);
  otherStaff = await staffOf(h, await makeOrg(h, "employer"));
  venueId = await makeVenue(h);
});
afterAll(() => h.close());

type SlotOut = { id: string; startsAt: string; endsAt: string; meetingUrl: string | null; venueId: string | null; status: string; sequence: number; seriesId: string | null };
const items = async (res: Response) => ((await res.json()) as { items: SlotOut[] }).items;
const online = { mode: "online", meetingUrl: "https://meet.example.test/abc" };

describe("POST /mentors/{id}/slots", () => {
  it("creates a single online slot", async () => {
    const mentor = await makeMentor(h, employer);
    const res = await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { ...online, startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" } });
    expect(res.status).toBe(201);
    expect(await items(res)).toEqual([expect.objectContaining({ startsAt: "2026-03-10T17:00:00.000Z", status: "open", meetingUrl: "https://meet.example.test/abc", venueId: null })]);
  });

  it("creates an in-person slot at a registered venue", async () => {
    const mentor = await makeMentor(h, employer);
    const res = await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { mode: "in_person", venueId, startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" } });
    expect(res.status).toBe(201);
    expect((await items(res))[0]).toMatchObject({ venueId, meetingUrl: null });
  });

  it("refuses an in-person slot at a venue that does not exist, naming venueId (422)", async () => {
    const mentor = await makeMentor(h, employer);
    const res = await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { mode: "in_person", venueId: "ven_nope", startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" } });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors).toEqual([expect.objectContaining({ path: "venueId" })]);
  });

  it("refuses a typed-in address instead of a venue", async () => {
    const mentor = await makeMentor(h, employer);
    const res = await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { mode: "in_person", address: "12 Side St", startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" } });
    expect(res.status).toBe(400);
    expect(await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.mentorId, mentor))).toHaveLength(0);
  });

  it("refuses an online slot without a link, a slot in the past, and an http link", async () => {
    const mentor = await makeMentor(h, employer);
    const post = (body: object) => h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body });
    const noLink = await post({ mode: "online", startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" });
    expect((await problem(noLink)).errors![0]!.path).toBe("meetingUrl");
    const past = await post({ ...online, startsAt: "2026-03-01T17:00:00Z", endsAt: "2026-03-01T18:00:00Z" });
    expect((await problem(past)).errors![0]!.path).toBe("startsAt");
    const http = await post({ mode: "online", meetingUrl: "http://meet.example.test/x", startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" });
    expect((await problem(http)).errors![0]!.path).toBe("meetingUrl");
  });

  it("refuses a slot overlapping the same mentor's other slot (409)", async () => {
    const mentor = await makeMentor(h, employer);
    await makeSlot(h, mentor, "2026-03-11T17:00:00Z");
    const res = await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { ...online, startsAt: "2026-03-11T17:30:00Z", endsAt: "2026-03-11T18:30:00Z" } });
    expect(res.status).toBe(409);
  });

  it("expands a weekly series at 17:00 London time across the 29 March 2026 clock change", async () => {
    const mentor = await makeMentor(h, employer);
    const res = await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { ...online, start: "2026-03-16T17:00", durationMinutes: 45, rrule: "FREQ=WEEKLY;COUNT=4" } });
    expect(res.status).toBe(201);
    const slots = await items(res);
    expect(slots.map((s) => s.startsAt)).toEqual(["2026-03-16T17:00:00.000Z", "2026-03-23T17:00:00.000Z", "2026-03-30T16:00:00.000Z", "2026-04-06T16:00:00.000Z"]);
    for (const s of slots) expect(londonWallTime(Date.parse(s.startsAt))).toMatchObject({ hour: 17, minute: 0 });
    expect(slots.map((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt))).toEqual([45, 45, 45, 45].map((m) => m * 60_000));
    expect(new Set(slots.map((s) => s.seriesId)).size).toBe(1);
  });

  it("refuses a series with no end, and one of more than 100 slots, creating nothing", async () => {
    const mentor = await makeMentor(h, employer);
    const post = (rrule: string) => h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: staff.token, body: { ...online, start: "2026-03-16T17:00", durationMinutes: 30, rrule } });
    const endless = await post("FREQ=WEEKLY");
    expect(endless.status).toBe(422);
    expect((await problem(endless)).errors![0]!.path).toBe("rrule");
    const tooMany = await post("FREQ=DAILY;COUNT=101");
    expect(tooMany.status).toBe(422);
    expect((await post("FREQ=DAILY;UNTIL=20260320T235959Z")).status).toBe(201);
    expect(await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.mentorId, mentor))).toHaveLength(5);
  });

  it("lets the mentor themself add slots once signed in", async () => {
    const res = await h.request("POST", "/api/v1/mentors", { token: staff.token, body: { organisationId: employer, displayName: "Sam", email: "sam.mentor@employer.test", sector: "law" } });
    const { id } = (await res.json()) as { id: string };
    const token = await h.tokenFor("sam.mentor@employer.test");
    const slot = await h.request("POST", `/api/v1/mentors/${id}/slots`, { token, body: { ...online, startsAt: "2026-03-12T17:00:00Z", endsAt: "2026-03-12T18:00:00Z" } });
    expect(slot.status).toBe(201);
  });

  it("refuses another employer's staff (403), a coordinator-less young person (403) and no token (401)", async () => {
    const mentor = await makeMentor(h, employer);
    const body = { ...online, startsAt: "2026-03-10T17:00:00Z", endsAt: "2026-03-10T18:00:00Z" };
    expect((await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: otherStaff.token, body })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { token: (await youngPerson(h)).token, body })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/mentors/${mentor}/slots`, { body })).status).toBe(401);
  });
});

describe("GET /mentors/{id}/slots", () => {
  it("shows the employer every slot with its link and booking", async () => {
    const mentor = await makeMentor(h, employer);
    const slot = await makeSlot(h, mentor, "2026-03-13T17:00:00Z");
    const res = await h.request("GET", `/api/v1/mentors/${mentor}/slots`, { token: staff.token });
    expect(res.status).toBe(200);
    expect(await items(res)).toEqual([expect.objectContaining({ id: slot, meetingUrl: `https://meet.example.test/${slot}`, bookingId: null })]);
  });

  it("refuses another employer (403) and no token (401)", async () => {
    const mentor = await makeMentor(h, employer);
    expect((await h.request("GET", `/api/v1/mentors/${mentor}/slots`, { token: otherStaff.token })).status).toBe(403);
    expect((await h.request("GET", `/api/v1/mentors/${mentor}/slots`)).status).toBe(401);
  });
});

async function bookedSlot(startsAt = "2026-03-20T17:00:00Z", org = employer) {
  const mentor = await makeMentor(h, org);
  const slot = await makeSlot(h, mentor, startsAt);
  const yp = await youngPerson(h, "2009-05-05");
  const res = await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { mentor, slot, yp, bookingId: id };
}

describe("PATCH /mentoring-slots/{id}", () => {
  it("moves an open slot", async () => {
    const mentor = await makeMentor(h, employer);
    const slot = await makeSlot(h, mentor, "2026-03-14T17:00:00Z");
    const res = await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { token: staff.token, body: { startsAt: "2026-03-14T18:00:00Z" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ startsAt: "2026-03-14T18:00:00.000Z", endsAt: "2026-03-14T19:00:00.000Z", sequence: 0 });
  });

  it("reschedules a booked slot: booking times follow, sequence goes up, both sides get an updated invite", async () => {
    const { slot, yp, bookingId } = await bookedSlot("2026-03-21T17:00:00Z");
    const res = await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { token: staff.token, body: { startsAt: "2026-03-22T10:00:00Z", endsAt: "2026-03-22T11:00:00Z" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sequence: 1, status: "booked" });
    const [booking] = await h.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(booking).toMatchObject({ startsAt: Date.parse("2026-03-22T10:00:00Z"), endsAt: Date.parse("2026-03-22T11:00:00Z"), status: "confirmed" });
    const notices = (await h.db.select().from(outbox).where(eq(outbox.template, "mentoring_confirmed"))).filter((m) => m.payload.bookingId === bookingId && m.payload.change === "rescheduled");
    expect(notices.map((m) => m.payload.audience).sort()).toEqual(["mentor", "safeguarding", "young_person"]);
    expect(notices.find((m) => m.payload.audience === "young_person")!.toEmail).toBe(yp.email);
  });

  it("refuses to move a booked slot onto the young person's other booking (409), changing nothing", async () => {
    const { slot, yp, bookingId } = await bookedSlot("2026-03-23T17:00:00Z");
    await holdOtherBooking(h, yp.personId, "2026-03-24T10:00:00Z");
    const res = await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { token: staff.token, body: { startsAt: "2026-03-24T10:30:00Z" } });
    expect(res.status).toBe(409);
    expect((await problem(res)).type).toContain("booking-clash");
    const [booking] = await h.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(booking!.startsAt).toBe(Date.parse("2026-03-23T17:00:00Z"));
    const [s] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    expect(s!.sequence).toBe(0);
  });

  it("refuses to move an under-18's booking past the mentor's DBS expiry (422)", async () => {
    const mentor = await makeMentor(h, employer, { dbs: { checkedOn: "2023-03-25", expiresOn: "2026-03-25" } });
    const slot = await makeSlot(h, mentor, "2026-03-19T17:00:00Z");
    const yp = await youngPerson(h, "2009-05-05");
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} })).status).toBe(201);
    const res = await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { token: staff.token, body: { startsAt: "2026-03-26T17:00:00Z" } });
    expect(res.status).toBe(422);
    const [s] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    expect(s!.startsAt).toBe(Date.parse("2026-03-19T17:00:00Z"));
  });

  it("answers 404 to another employer's staff and 401 without a token", async () => {
    const mentor = await makeMentor(h, employer);
    const slot = await makeSlot(h, mentor, "2026-03-14T12:00:00Z");
    expect((await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { token: otherStaff.token, body: { startsAt: "2026-03-14T13:00:00Z" } })).status).toBe(404);
    expect((await h.request("PATCH", `/api/v1/mentoring-slots/${slot}`, { body: { startsAt: "2026-03-14T13:00:00Z" } })).status).toBe(401);
  });
});

describe("POST /mentoring-slots/{id}/withdraw", () => {
  it("withdraws a booked slot, cancels the booking and offers up to 3 of the same employer's open slots", async () => {
    const quietEmployer = await makeOrg(h, "employer");
    const { mentor, slot, yp, bookingId } = await bookedSlot("2026-03-25T17:00:00Z", quietEmployer);
    const others = [await makeSlot(h, await makeMentor(h, quietEmployer), "2026-03-26T08:00:00Z")];
    for (const day of ["26", "27", "28", "29"]) others.push(await makeSlot(h, mentor, `2026-03-${day}T10:00:00Z`));
    const elsewhere = await makeSlot(h, await makeMentor(h, await makeOrg(h, "employer")), "2026-03-26T12:00:00Z");
    const res = await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`, { token: (await staffOf(h, quietEmployer)).token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; cancelledBookingId: string; alternatives: string[] };
    expect(body.status).toBe("withdrawn");
    expect(body.cancelledBookingId).toBe(bookingId);
    expect(body.alternatives).toHaveLength(3);
    expect(body.alternatives).not.toContain(elsewhere);
    // The soonest three of the employer's open slots, from any of its mentors.
    expect(body.alternatives).toEqual(others.slice(0, 3));
    const [booking] = await h.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(booking!.status).toBe("cancelled");
    const [notice] = await h.db.select().from(outbox).where(and(eq(outbox.template, "mentoring_cancelled"), eq(outbox.toEmail, yp.email)));
    expect(notice!.payload).toMatchObject({ bookingId, audience: "young_person", alternatives: body.alternatives });
  });

  it("refuses to withdraw twice (409) and answers 404 to another employer", async () => {
    const mentor = await makeMentor(h, employer);
    const slot = await makeSlot(h, mentor, "2026-03-15T12:00:00Z");
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`, { token: otherStaff.token })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`)).status).toBe(401);
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`, { token: staff.token })).status).toBe(200);
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`, { token: staff.token })).status).toBe(409);
  });

  it("lets a coordinator withdraw any slot", async () => {
    const slot = await makeSlot(h, await makeMentor(h, employer), "2026-03-15T15:00:00Z");
    expect((await h.request("POST", `/api/v1/mentoring-slots/${slot}/withdraw`, { token: await h.tokenFor(COORDINATOR) })).status).toBe(200);
  });
});
