// Flow e: a booking made three days ahead gets one reminder, 24 hours before, however many
// times the scheduled jobs run (the minute cron may overlap itself).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScheduledJobs } from "../../src/jobs";
import { createHarness, type Harness } from "../support/harness";
import { flowApi, inviteIn } from "../support/flows";

let h: Harness;
let api: ReturnType<typeof flowApi>;
let coordinator: string;
let host: { id: string; staff: string };
let venueId: string;
let eventId: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T10:00:00Z" });
  api = flowApi(h);
  coordinator = await api.coordinator();
  host = await api.organisationWithStaff(coordinator, "employer", "Northbuild", "events@northbuild.test");
  venueId = (await api.call<{ id: string }>(201, "POST", "/venues", { token: host.staff, body: { name: "Site office", address: "3 Dock Rd", postcode: "LS2 1AA", organisationId: host.id } })).id;
  eventId = (
    await api.call<{ id: string }>(201, "POST", "/events", {
      token: host.staff,
      body: { type: "interview_skills", title: { en: "Mock interviews" }, description: { en: "Practise with a manager." }, hostOrganisationId: host.id },
    })
  ).id;
});
afterAll(() => h.close());

/** A one-hour session at `startsAt` (UTC), booked now by a new young person. */
async function bookedSession(startsAt: string, email: string) {
  const end = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  const { items } = await api.call<{ items: { id: string }[] }>(201, "POST", `/events/${eventId}/sessions`, {
    token: host.staff,
    body: { startsAt, endsAt: end, venueId, capacity: 5 },
  });
  const token = await api.signUp(email, "Zoe", "2007-07-07");
  const booking = await api.call<{ id: string }>(201, "POST", `/sessions/${items[0]!.id}/bookings`, { token, body: {} });
  await api.oneMail(email, /Your place is booked/);
  return { sessionId: items[0]!.id, bookingId: booking.id, token };
}

describe("reminders", () => {
  it("sends exactly one reminder 24 h before, even when the jobs run twice", async () => {
    const { call, oneMail, newMail } = api;
    h.clock.set("2026-03-02T10:00:00Z");
    const { bookingId, token } = await bookedSession("2026-03-05T10:00:00Z", "zoe@example.com");

    h.clock.set("2026-03-04T09:59:00Z");
    await runScheduledJobs(h.deps);
    expect(await newMail("zoe@example.com"), "nothing a minute early").toEqual([]);

    h.clock.set("2026-03-04T10:00:00Z");
    await Promise.all([runScheduledJobs(h.deps), runScheduledJobs(h.deps)]);
    await runScheduledJobs(h.deps);
    const reminder = await oneMail("zoe@example.com", /Reminder: Mock interviews, Thursday 5 March, 10:00am/);
    expect(reminder.text).toContain("Site office");

    h.clock.set("2026-03-05T09:30:00Z");
    await runScheduledJobs(h.deps);
    expect(await newMail("zoe@example.com"), "no second reminder").toEqual([]);
    expect(await call<{ status: string }>(200, "GET", `/bookings/${bookingId}`, { token })).toMatchObject({ status: "confirmed" });
  });

  it("reminds again before the new time when a session is moved to a later day after its reminder went out", async () => {
    const { call, oneMail, newMail } = api;
    h.clock.set("2026-03-09T10:00:00Z");
    const { sessionId } = await bookedSession("2026-03-12T10:00:00Z", "yara@example.com");
    h.clock.set("2026-03-11T10:00:00Z");
    await runScheduledJobs(h.deps);
    await oneMail("yara@example.com", /Reminder: Mock interviews, Thursday 12 March/);

    // Storm warning: the coordinator moves it two days later.
    await call(200, "PATCH", `/sessions/${sessionId}`, { token: coordinator, body: { startsAt: "2026-03-14T10:00:00Z", endsAt: "2026-03-14T11:00:00Z" } });
    expect(inviteIn(await oneMail("yara@example.com", /Your session has changed/)).event.startLocal).toBe("2026-03-14T10:00:00");

    h.clock.set("2026-03-13T09:59:00Z");
    await runScheduledJobs(h.deps);
    expect(await newMail("yara@example.com")).toEqual([]);
    h.clock.set("2026-03-13T10:00:00Z");
    await runScheduledJobs(h.deps);
    await runScheduledJobs(h.deps);
    await oneMail("yara@example.com", /Reminder: Mock interviews, Saturday 14 March, 10:00am/);
  });

  it("does not remind twice when a session moves by an hour after its reminder went out", async () => {
    const { call, oneMail, newMail } = api;
    h.clock.set("2026-03-16T10:00:00Z");
    const { sessionId } = await bookedSession("2026-03-19T10:00:00Z", "omar@example.com");
    h.clock.set("2026-03-18T10:00:00Z");
    await runScheduledJobs(h.deps);
    await oneMail("omar@example.com", /Reminder: Mock interviews/);
    await call(200, "PATCH", `/sessions/${sessionId}`, { token: coordinator, body: { startsAt: "2026-03-19T11:00:00Z", endsAt: "2026-03-19T12:00:00Z" } });
    await oneMail("omar@example.com", /Your session has changed/);
    h.clock.set("2026-03-18T11:00:00Z");
    await runScheduledJobs(h.deps);
    expect(await newMail("omar@example.com")).toEqual([]);
  });
});
