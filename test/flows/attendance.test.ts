// Flow d: the door and what follows it. A ticket code from the confirmation email checks
// Ana in; after the session the scheduled jobs mark Ben as a no-show and invite Ana to give
// feedback; her feedback reaches the coordinator's summary and the session's CSV register.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScheduledJobs } from "../../src/jobs";
import { createHarness, problem, type Harness } from "../support/harness";
import { flowApi, ticketCodeIn } from "../support/flows";
import { parseIcs } from "../support/ics";

let h: Harness;
let api: ReturnType<typeof flowApi>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  api = flowApi(h);
});
afterAll(() => h.close());

type Booking = { id: string; status: string };

describe("check-in, no-shows and feedback", () => {
  it("goes from the emailed ticket to the feedback summary and the CSV report", async () => {
    const { call, oneMail, newMail } = api;
    const coordinator = await api.coordinator();
    const host = await api.organisationWithStaff(coordinator, "community", "Riverside Library", "door@riverside.test");
    const event = await call<{ id: string }>(201, "POST", "/events", {
      token: host.staff,
      body: { type: "cv_workshop", title: { en: "Write your first CV" }, description: { en: "Bring nothing, leave with a CV." }, hostOrganisationId: host.id },
    });
    const { items } = await call<{ items: { id: string }[] }>(201, "POST", `/events/${event.id}/sessions`, {
      token: host.staff,
      body: { startsAt: "2026-03-03T10:00:00Z", endsAt: "2026-03-03T12:00:00Z", onlineUrl: "https://meet.example.test/cv", capacity: 10 },
    });
    const sessionId = items[0]!.id;

    const ana = await api.signUp("ana@example.com", "Ana Lopez", "2008-03-03");
    const ben = await api.signUp("ben@example.com", "Ben Smith", "2008-04-04");
    const anas = await call<Booking>(201, "POST", `/sessions/${sessionId}/bookings`, { token: ana, body: {} });
    const bens = await call<Booking>(201, "POST", `/sessions/${sessionId}/bookings`, { token: ben, body: {} });
    const ticket = ticketCodeIn(await oneMail("ana@example.com", /Your place is booked/));
    await oneMail("ben@example.com", /Your place is booked/);

    // Ana follows her bookings in her calendar app through her personal feed.
    const { url: feedUrl } = await call<{ url: string }>(201, "POST", "/me/calendar-feed", { token: ana });
    const feedUids = async () => parseIcs(await (await h.request("GET", new URL(feedUrl).pathname)).text()).events.map((e) => e.uid);
    expect(await feedUids()).toEqual([`${anas.id}@opendoor.test`]);

    // At the door, the host types the code as printed, in lower case.
    h.clock.set("2026-03-03T09:55:00Z");
    const checkIn = await call<{ bookingId: string; name: string; alreadyCheckedIn: boolean }>(201, "POST", `/sessions/${sessionId}/check-ins`, {
      token: host.staff,
      body: { ticketCode: ticket.toLowerCase() },
    });
    expect(checkIn).toMatchObject({ bookingId: anas.id, name: "Ana", alreadyCheckedIn: false });
    // Being checked in must not take the session out of her calendar.
    expect(await feedUids()).toEqual([`${anas.id}@opendoor.test`]);

    // Checked in, Ana is at this session: an overlapping one elsewhere is still a clash (rule 4).
    const other = await call<{ id: string }>(201, "POST", "/events", {
      token: host.staff,
      body: { type: "budgeting", title: { en: "Money basics" }, description: { en: "Budgets." }, hostOrganisationId: host.id },
    });
    const { items: overlapping } = await call<{ items: { id: string }[] }>(201, "POST", `/events/${other.id}/sessions`, {
      token: host.staff,
      body: { startsAt: "2026-03-03T11:00:00Z", endsAt: "2026-03-03T12:00:00Z", onlineUrl: "https://meet.example.test/money", capacity: 10 },
    });
    const clash = await h.request("POST", `/api/v1/sessions/${overlapping[0]!.id}/bookings`, { token: ana, body: {} });
    expect(clash.status).toBe(409);
    expect(await problem(clash)).toMatchObject({ type: expect.stringContaining("booking-clash"), clashingBookingId: anas.id });

    // Before the grace period after the end, nobody is marked and nobody is asked.
    h.clock.set("2026-03-03T13:00:00Z");
    await runScheduledJobs(h.deps);
    expect(await call<Booking>(200, "GET", `/bookings/${bens.id}`, { token: ben })).toMatchObject({ status: "confirmed" });
    expect(await newMail("ana@example.com")).toEqual([]);

    h.clock.set("2026-03-03T14:01:00Z");
    await runScheduledJobs(h.deps);
    await runScheduledJobs(h.deps);
    expect(await call<Booking>(200, "GET", `/bookings/${bens.id}`, { token: ben })).toMatchObject({ status: "no_show" });
    expect(await call<Booking>(200, "GET", `/bookings/${anas.id}`, { token: ana })).toMatchObject({ status: "attended" });
    const invitation = await oneMail("ana@example.com", /How was Write your first CV\?/);
    expect(invitation.text).toContain(`/bookings/${anas.id}/feedback`);
    expect(await newMail("ben@example.com")).toEqual([]);

    await call(201, "POST", `/bookings/${anas.id}/feedback`, { token: ana, body: { rating: 5, whatWorked: "The mock interview", couldBeBetter: "More time" } });
    // Ben was not there, so he cannot rate it.
    expect((await h.request("POST", `/api/v1/bookings/${bens.id}/feedback`, { token: ben, body: { rating: 1 } })).status).toBe(422);

    const summary = await call<{ count: number; averageRating: number; comments: { whatWorked: string; from: { name: string } | null }[] }>(
      200,
      "GET",
      `/events/${event.id}/feedback-summary`,
      { token: coordinator },
    );
    expect(summary).toMatchObject({ count: 1, averageRating: 5, comments: [{ whatWorked: "The mock interview", from: { name: "Ana" } }] });

    // Nor does the session ending: it stays in her calendar's history.
    expect(await feedUids()).toEqual([`${anas.id}@opendoor.test`]);

    const csv = await call<string>(200, "GET", `/sessions/${sessionId}/report.csv`, { token: coordinator });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("First name,Kind,Pupils,Staff,Seats,Checked in (people),Status,Checked in at (London)");
    expect(lines.slice(1).sort()).toEqual(["Ana,individual,,,1,1,attended,2026-03-03 09:55", "Ben,individual,,,1,0,no_show,"]);
  });
});
