// Flow a: sign-up → booking under the consent age → guardian's consent → invite → the session
// moves → cancel → the first person waiting is offered the seat in that same write and takes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { flowApi, inviteIn } from "../support/flows";

let h: Harness;
let api: ReturnType<typeof flowApi>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-04-01T09:00:00Z" });
  api = flowApi(h);
});
afterAll(() => h.close());

type Booking = { id: string; status: string };

describe("a 15-year-old's booking, from sign-up to a freed seat taken by the next in line", () => {
  it("runs end to end through the API, with every invite right in London time", async () => {
    const { call, newMail, oneMail } = api;
    const coordinator = await api.coordinator();
    const host = await api.organisationWithStaff(coordinator, "community", "Riverside Library", "host@riverside.test");
    const venue = await call<{ id: string }>(201, "POST", "/venues", { token: host.staff, body: { name: "Riverside Library", address: "12 Mill Lane", postcode: "LS1 4AB", organisationId: host.id } });
    const event = await call<{ id: string }>(201, "POST", "/events", {
      token: host.staff,
      body: { type: "career_taster", title: { en: "Try being a chef" }, description: { en: "Cook with a chef." }, hostOrganisationId: host.id, consentAge: 16, waitlistEnabled: true },
    });
    // 14 April is in British Summer Time: 10:00 in London is 09:00 UTC.
    const { items } = await call<{ items: { id: string; startsAtLocal: string }[] }>(201, "POST", `/events/${event.id}/sessions`, {
      token: host.staff,
      body: { startsAt: "2026-04-14T09:00:00Z", endsAt: "2026-04-14T11:00:00Z", venueId: venue.id, capacity: 1 },
    });
    const session = items[0]!;
    expect(session.startsAtLocal).toBe("2026-04-14T10:00");

    // Sign up, and sign in from the emailed link.
    const maya = await api.signUp("maya@example.com", "Maya", "2010-09-01");

    // Under the event's consent age of 16: the seat is held while her guardian is asked.
    const held = await call<Booking>(201, "POST", `/sessions/${session.id}/bookings`, { token: maya, body: { guardianEmail: "parent@example.com" } });
    expect(held.status).toBe("pending_consent");
    await oneMail("maya@example.com", /holding your place/);
    const consentMail = await oneMail("parent@example.com", /Can Maya go to Try being a chef\?/);
    const consentToken = /\/consent\/([A-Za-z0-9_-]+)/.exec(consentMail.text)![1]!;
    // The link itself opens a page asking the guardian (opening it decides nothing).
    const consentPage = await h.request("GET", `/consent/${consentToken}`);
    expect(consentPage.status).toBe(200);
    const asked = await consentPage.text();
    expect(asked).toContain("Maya");
    expect(asked).toContain("Try being a chef");

    // Someone else is next in line for the one seat.
    const sam = await api.signUp("sam@example.com", "Sam", "2008-06-01");
    const waiting = await call<Booking & { position?: number }>(201, "POST", `/sessions/${session.id}/bookings`, { token: sam, body: {} });
    expect(waiting).toMatchObject({ status: "waitlisted", position: 1 });
    await oneMail("sam@example.com", /waiting list/);

    // The guardian says yes: Maya gets her confirmation with an invite at 10:00 London time.
    expect(await call(200, "POST", `/consents/${consentToken}`, { body: { decision: "grant" } })).toMatchObject({ bookingId: held.id, status: "confirmed" });
    const confirmed = inviteIn(await oneMail("maya@example.com", /Your place is booked: Try being a chef/));
    expect(confirmed.method).toBe("REQUEST");
    expect(confirmed.event).toMatchObject({ uid: `${held.id}@opendoor.test`, startZone: "Europe/London", startUtc: "2026-04-14T09:00:00.000Z" });
    expect(confirmed.event.startLocal).toBe("2026-04-14T10:00:00");

    // The coordinator moves the session an hour later: the same calendar entry, updated.
    await call(200, "PATCH", `/sessions/${session.id}`, { token: coordinator, body: { startsAt: "2026-04-14T10:00:00Z", endsAt: "2026-04-14T12:00:00Z" } });
    const changed = inviteIn(await oneMail("maya@example.com", /Your session has changed/));
    expect(changed.method).toBe("REQUEST");
    expect(changed.event.uid).toBe(confirmed.event.uid);
    expect(changed.event.sequence).toBeGreaterThan(confirmed.event.sequence);
    expect(changed.event.startLocal).toBe("2026-04-14T11:00:00");
    expect(changed.event.startUtc).toBe("2026-04-14T10:00:00.000Z");
    // Nobody waiting holds a seat, so nobody waiting is told of the change.
    expect(await newMail("sam@example.com")).toEqual([]);

    // Maya cancels: her calendar entry is withdrawn …
    await call(200, "POST", `/bookings/${held.id}/cancel`, { token: maya });
    const cancelled = inviteIn(await oneMail("maya@example.com", /Your booking is cancelled/));
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.event.uid).toBe(confirmed.event.uid);
    expect(cancelled.event.sequence).toBeGreaterThanOrEqual(changed.event.sequence);

    // … and in that same write Sam was offered the seat (no scheduled job has run).
    expect(await call<Booking>(200, "GET", `/bookings/${waiting.id}`, { token: sam })).toMatchObject({ status: "offered" });
    await oneMail("sam@example.com", /A place is free for you: Try being a chef/);
    expect(await call<Booking>(200, "POST", `/bookings/${waiting.id}/accept-offer`, { token: sam })).toMatchObject({ status: "confirmed" });
    const samsInvite = inviteIn(await oneMail("sam@example.com", /Your place is booked: Try being a chef/));
    expect(samsInvite.method).toBe("REQUEST");
    expect(samsInvite.event.uid).toBe(`${waiting.id}@opendoor.test`);
    expect(samsInvite.event.startLocal).toBe("2026-04-14T11:00:00");
  });
});
