import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, bookings, sessions } from "../../db/schema";
import { parseLondonLocal } from "../../lib/time";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { notificationFixtures } from "../../../test/support/notification-fixtures";
import { parseIcs } from "../../../test/support/ics";

let h: Harness;
let f: ReturnType<typeof notificationFixtures>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-02-20T09:00:00Z" });
  f = notificationFixtures(h.db);
});
afterAll(() => h.close());

async function invite(bookingId: string, token: string) {
  const res = await h.request("GET", `/api/v1/bookings/${bookingId}/invite.ics`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
  return parseIcs(await res.text());
}

describe("GET /bookings/{id}/invite.ics", () => {
  it("gives the booker a REQUEST with the booking's UID, SEQUENCE = booking + session, organiser, attendee, place and link", async () => {
    const email = "invitee@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const { booking, session } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-03T16:00"), booking: { sequence: 1 } });
    await h.db.update(sessions).set({ sequence: 2 }).where(eq(sessions.id, session.id));
    const ics = await invite(booking.id, token);
    expect(ics.method).toBe("REQUEST");
    expect(ics.timezones).toEqual(["Europe/London"]);
    const [event] = ics.events;
    expect(event).toMatchObject({
      uid: `${booking.id}@opendoor.test`,
      sequence: 3,
      status: "CONFIRMED",
      summary: "Try being a chef",
      location: "Riverside Library, 12 Mill Lane, Leeds, LS1 4AB",
      url: `https://opendoor.test/bookings/${booking.id}`,
      organizer: "mailto:bookings@opendoor.example",
      attendees: [`mailto:${email}`],
      startLocal: "2026-03-03T16:00:00",
      startZone: "Europe/London",
      startUtc: "2026-03-03T16:00:00.000Z",
    });
    expect(event!.description).toContain("An apron if you have one.");
  });

  // A 10:00 London session either side of each clock change, and on the day itself: a
  // calendar that read the times as UTC, or had no VTIMEZONE, would be an hour out.
  it.each([
    ["2026-03-27T10:00", "2026-03-27T10:00:00.000Z"],
    ["2026-03-29T10:00", "2026-03-29T09:00:00.000Z"],
    ["2026-03-30T10:00", "2026-03-30T09:00:00.000Z"],
    ["2026-10-23T10:00", "2026-10-23T09:00:00.000Z"],
    ["2026-10-25T10:00", "2026-10-25T10:00:00.000Z"],
    ["2026-10-26T10:00", "2026-10-26T10:00:00.000Z"],
  ])("keeps a session at %s London at 10:00 local (%s) through the clock change", async (local, utc) => {
    const email = `dst-${local.slice(0, 10)}@example.test`;
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const { booking } = await f.confirmedBooking({ email, startsAt: parseLondonLocal(local) });
    const [event] = (await invite(booking.id, token)).events;
    expect(event!.startLocal).toBe(`${local}:00`);
    expect(event!.startZone).toBe("Europe/London");
    expect(event!.startUtc).toBe(utc);
    expect(event!.endUtc).toBe(new Date(Date.parse(utc) + 90 * 60_000).toISOString());
  });

  // Invites sent before the UID moved to the PUBLIC_URL host said @opendoor; the migration
  // pinned that host on those bookings, so their updates still replace the first event.
  it("keeps the @opendoor UID for a booking whose invite host was pinned before the move", async () => {
    const email = "pinned-uid@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const { booking } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-04T16:00") });
    await h.db.update(bookings).set({ inviteUidHost: "opendoor" }).where(eq(bookings.id, booking.id));
    expect((await invite(booking.id, token)).events[0]!.uid).toBe(`${booking.id}@opendoor`);
    await h.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, booking.id));
    expect((await invite(booking.id, token)).events[0]!.uid).toBe(`${booking.id}@opendoor`);
  });

  it("turns into a CANCEL with the same UID and a higher SEQUENCE once the booking is cancelled", async () => {
    const email = "canceller@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const { booking } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-03T16:00") });
    const before = (await invite(booking.id, token)).events[0]!;
    await h.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, booking.id));
    const after = await invite(booking.id, token);
    expect(after.method).toBe("CANCEL");
    expect(after.events[0]!.uid).toBe(before.uid);
    expect(after.events[0]!.sequence).toBeGreaterThan(before.sequence);
    expect(after.events[0]!.status).toBe("CANCELLED");
  });

  it("turns into a CANCEL when a coordinator cancels the session", async () => {
    const email = "session-off@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const { booking, session } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-03T16:00") });
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, session.id));
    expect((await invite(booking.id, token)).method).toBe("CANCEL");
  });

  it("refuses with 409 while the place is only waitlisted", async () => {
    const email = "waiting@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const { booking } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-03T16:00"), booking: { status: "waitlisted" } });
    const res = await h.request("GET", `/api/v1/bookings/${booking.id}/invite.ics`, { token });
    expect(res.status).toBe(409);
    expect((await problem(res)).detail).toMatch(/not confirmed/);
  });

  it("asks for sign-in without a token", async () => {
    const { booking } = await f.confirmedBooking({ email: "anon-target@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    expect((await h.request("GET", `/api/v1/bookings/${booking.id}/invite.ics`)).status).toBe(401);
  });

  it("answers 404 to another young person, as if the booking did not exist", async () => {
    const { booking } = await f.confirmedBooking({ email: "owner@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const other = await h.tokenFor("nosy@example.test", { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const res = await h.request("GET", `/api/v1/bookings/${booking.id}/invite.ics`, { token: other });
    expect(res.status).toBe(404);
    const missing = await h.request("GET", `/api/v1/bookings/bkg_nope/invite.ics`, { token: other });
    expect(await problem(res)).toMatchObject({ detail: (await problem(missing)).detail });
  });

  it("lets staff of the group's school download it, but not staff of another school", async () => {
    const { booking, school } = await f.groupBooking({ staffEmail: "booker@hillside.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const colleague = await h.tokenFor("colleague@hillside.test");
    await h.request("POST", `/api/v1/organisations/${school.id}/members`, { token: await h.tokenFor(COORDINATOR), body: { email: "colleague@hillside.test", displayName: "Colleague" } });
    expect((await invite(booking.id, colleague)).method).toBe("REQUEST");
    const otherSchool = await f.groupBooking({ staffEmail: "booker@elsewhere.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const outsider = await h.tokenFor("booker@elsewhere.test");
    expect((await h.request("GET", `/api/v1/bookings/${booking.id}/invite.ics`, { token: outsider })).status).toBe(404);
    expect((await h.request("GET", `/api/v1/bookings/${otherSchool.booking.id}/invite.ics`, { token: outsider })).status).toBe(200);
  });

  it("lets a coordinator download anyone's invite, and records that they did", async () => {
    const { booking } = await f.confirmedBooking({ email: "audited@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    const coordinator = await h.tokenFor(COORDINATOR);
    expect((await invite(booking.id, coordinator)).events[0]!.attendees).toEqual(["mailto:audited@example.test"]);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, booking.id), eq(auditLog.action, "booking.invite_downloaded")));
    expect(audit).toHaveLength(1);
  });
});

describe("personal calendar feeds", () => {
  it("lists only the person's confirmed bookings, with no sign-in, at the URL shown once", async () => {
    const email = "feeder@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const kept = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-03-30T10:00") });
    const cancelled = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-04-02T10:00"), booking: { status: "cancelled" } });
    const waiting = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-04-03T10:00"), booking: { status: "waitlisted" } });
    const someoneElse = await f.confirmedBooking({ email: "stranger@example.test", startsAt: parseLondonLocal("2026-04-04T10:00") });

    const created = await h.request("POST", "/api/v1/me/calendar-feed", { token });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    expect(url).toMatch(/^https:\/\/opendoor\.test\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]+\.ics$/);

    const res = await h.request("GET", new URL(url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const feed = parseIcs(await res.text());
    expect(feed.method).toBeNull();
    const uids = feed.events.map((e) => e.uid);
    expect(uids).toEqual([`${kept.booking.id}@opendoor.test`]);
    expect(uids).not.toContain(`${cancelled.booking.id}@opendoor.test`);
    expect(uids).not.toContain(`${waiting.booking.id}@opendoor.test`);
    expect(uids).not.toContain(`${someoneElse.booking.id}@opendoor.test`);
    expect(feed.events[0]!.startUtc).toBe("2026-03-30T09:00:00.000Z");
  });

  it("stops the old URL working when the secret is replaced, and stores only its hash", async () => {
    const email = "rotator@example.test";
    const token = await h.tokenFor(email, { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    const first = ((await (await h.request("POST", "/api/v1/me/calendar-feed", { token })).json()) as { url: string }).url;
    const second = ((await (await h.request("POST", "/api/v1/me/calendar-feed", { token })).json()) as { url: string }).url;
    expect(second).not.toBe(first);
    expect((await h.request("GET", new URL(first).pathname)).status).toBe(404);
    expect((await h.request("GET", new URL(second).pathname)).status).toBe(200);
    const secret = /calendar-feeds\/(.+)\.ics$/.exec(second)![1]!;
    const person = await f.person({ email });
    expect(person.calendarFeedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(person.calendarFeedHash).not.toContain(secret);
  });

  it("answers 404 to a made-up or malformed feed link", async () => {
    expect((await h.request("GET", "/api/v1/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")).status).toBe(404);
    expect((await h.request("GET", "/api/v1/calendar-feeds/short.ics")).status).toBe(404);
    expect((await h.request("GET", "/api/v1/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
  });

  it("asks for sign-in to create a feed", async () => {
    expect((await h.request("POST", "/api/v1/me/calendar-feed")).status).toBe(401);
  });
});

describe("emailed invites", () => {
  it("arrive in the development mailbox as invite.ics, listed by GET /dev/mailbox", async () => {
    const email = "mailbox@example.test";
    const { booking } = await f.confirmedBooking({ email, startsAt: parseLondonLocal("2026-10-26T10:00") });
    const { enqueue } = await import("../notifications/outbox");
    await enqueue(h.db, { template: "booking_confirmed", to: email, payload: { bookingId: booking.id } }, h.clock.now());
    const [mail] = await h.mailFor(email);
    // The invite first; the ticket's QR travels as an inline image after it.
    expect(mail!.attachments.map((a) => a.filename)).toEqual(["invite.ics", "ticket.gif"]);
    const res = await h.request("GET", `/dev/mailbox?to=${email}`);
    const { items } = (await res.json()) as { items: { attachments: { filename: string; contentType: string; content: string }[] }[] };
    expect(items[0]!.attachments[0]!.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const ics = parseIcs(items[0]!.attachments[0]!.content);
    expect(ics.events[0]!.startUtc).toBe("2026-10-26T10:00:00.000Z");
  });
});
