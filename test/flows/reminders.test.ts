// Flow e: a booking made three days ahead gets one reminder, 24 hours before, however many
// times the scheduled jobs run (the minute cron may overlap itself).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScheduledJobs } from "../../src/jobs";
import { createHarness, type Harness } from "../support/harness";
import { flowApi, inviteIn } from "../support/flows";

let h: Harness;
let api: ReturnType<typeof flowApi>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T10:00:00Z" });
  api = flowApi(h);
});
afterAll(() => h.close());

describe("reminders", () => {
  it("sends exactly one reminder 24 h before, even when the jobs run twice", async () => {
    const { call, oneMail, newMail } = api;
    const coordinator = await api.coordinator();
    const host = await api.organisationWithStaff(coordinator, "employer", "Northbuild", "events@northbuild.test");
    const venue = await call<{ id: string }>(201, "POST", "/venues", { token: host.staff, body: { name: "Site office", address: "3 Dock Rd", postcode: "LS2 1AA", organisationId: host.id } });
    const event = await call<{ id: string }>(201, "POST", "/events", {
      token: host.staff,
      body: { type: "interview_skills", title: { en: "Mock interviews" }, description: { en: "Practise with a manager." }, hostOrganisationId: host.id },
    });
    const { items } = await call<{ items: { id: string }[] }>(201, "POST", `/events/${event.id}/sessions`, {
      token: host.staff,
      body: { startsAt: "2026-03-05T10:00:00Z", endsAt: "2026-03-05T11:00:00Z", venueId: venue.id, capacity: 5 },
    });
    const zoe = await api.signUp("zoe@example.com", "Zoe", "2007-07-07");
    const booking = await call<{ id: string }>(201, "POST", `/sessions/${items[0]!.id}/bookings`, { token: zoe, body: {} });
    expect(inviteIn(await oneMail("zoe@example.com", /Your place is booked/)).event.startLocal).toBe("2026-03-05T10:00:00");

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
    expect(await call<{ status: string }>(200, "GET", `/bookings/${booking.id}`, { token: zoe })).toMatchObject({ status: "confirmed" });
  });
});
