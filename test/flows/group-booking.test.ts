// Flow b: a school books a group for a session in the week the clocks go back (Sunday
// 25 October 2026), shrinks it, and the freed seats go to the person waiting. Booked while
// London is on BST, the session is on GMT: every calendar file must still say 10:00.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIcs } from "../support/ics";
import { createHarness, type Harness } from "../support/harness";
import { flowApi, inviteIn } from "../support/flows";

let h: Harness;
let api: ReturnType<typeof flowApi>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-10-12T09:00:00Z" });
  api = flowApi(h);
});
afterAll(() => h.close());

type Booking = { id: string; status: string; seats?: number };

describe("a school group across the October clock change", () => {
  it("books, shrinks, offers the freed seats to the waiting list, and keeps 10:00 London in every calendar file", async () => {
    const { call, oneMail } = api;
    const coordinator = await api.coordinator();
    const host = await api.organisationWithStaff(coordinator, "employer", "Northbuild", "host@northbuild.test");
    const school = await api.organisationWithStaff(coordinator, "school", "Riverside Academy", "khan@riverside.test");
    const venue = await call<{ id: string }>(201, "POST", "/venues", { token: coordinator, body: { name: "Northbuild yard", address: "3 Dock Rd", postcode: "LS2 1AA" } });
    const event = await call<{ id: string }>(201, "POST", "/events", {
      token: host.staff,
      body: { type: "career_taster", title: { en: "Bricklaying basics" }, description: { en: "Lay your first wall." }, hostOrganisationId: host.id, groupsAllowed: true, pupilsPerStaff: 10, waitlistEnabled: true },
    });
    // Weekly at 10:00 London: the 20th is BST (09:00 UTC), the 27th is GMT (10:00 UTC).
    const { items } = await call<{ items: { id: string; startsAt: string; startsAtLocal: string }[] }>(201, "POST", `/events/${event.id}/sessions`, {
      token: host.staff,
      body: { start: "2026-10-20T10:00", durationMinutes: 120, rrule: "FREQ=WEEKLY;COUNT=2", venueId: venue.id, capacity: 23 },
    });
    expect(items.map((s) => [s.startsAtLocal, s.startsAt])).toEqual([
      ["2026-10-20T10:00", "2026-10-20T09:00:00.000Z"],
      ["2026-10-27T10:00", "2026-10-27T10:00:00.000Z"],
    ]);
    const session = items[1]!;

    const group = await call<Booking>(201, "POST", `/sessions/${session.id}/group-bookings`, { token: school.staff, body: { schoolId: school.id, pupils: 20, staff: 2 } });
    expect(group).toMatchObject({ status: "confirmed", seats: 22 });
    const confirmation = await oneMail("khan@riverside.test", /Your group is booked: Bricklaying basics/);
    expect(confirmation.text).toContain("Tuesday 27 October, 10:00am");
    const invite = inviteIn(confirmation);
    expect(invite.method).toBe("REQUEST");
    expect(invite.event).toMatchObject({ uid: `${group.id}@opendoor.test`, startLocal: "2026-10-27T10:00:00", startZone: "Europe/London", startUtc: "2026-10-27T10:00:00.000Z" });

    // The last seat goes to Ana; Ben has to wait.
    const ana = await api.signUp("ana@example.com", "Ana", "2008-03-03");
    const ben = await api.signUp("ben@example.com", "Ben", "2008-04-04");
    expect(await call<Booking>(201, "POST", `/sessions/${session.id}/bookings`, { token: ana, body: {} })).toMatchObject({ status: "confirmed" });
    const waiting = await call<Booking>(201, "POST", `/sessions/${session.id}/bookings`, { token: ben, body: {} });
    expect(waiting.status).toBe("waitlisted");
    await oneMail("ben@example.com", /waiting list/);

    // Five pupils drop out: the seats they free are offered at once.
    expect(await call<Booking>(200, "PATCH", `/group-bookings/${group.id}`, { token: school.staff, body: { pupils: 15 } })).toMatchObject({ seats: 17 });
    await oneMail("khan@riverside.test", /Your group booking has changed/);
    await oneMail("ben@example.com", /A place is free for you: Bricklaying basics/);
    expect(await call<Booking>(200, "POST", `/bookings/${waiting.id}/accept-offer`, { token: ben })).toMatchObject({ status: "confirmed" });
    const bensInvite = inviteIn(await oneMail("ben@example.com", /Your place is booked: Bricklaying basics/));
    expect(bensInvite.event).toMatchObject({ startLocal: "2026-10-27T10:00:00", startUtc: "2026-10-27T10:00:00.000Z" });

    // The school's invite, downloaded after the change, still says 10:00 on the GMT side.
    const ics = parseIcs(await call<string>(200, "GET", `/bookings/${group.id}/invite.ics`, { token: school.staff }));
    expect(ics.events[0]).toMatchObject({ uid: `${group.id}@opendoor.test`, startLocal: "2026-10-27T10:00:00", startUtc: "2026-10-27T10:00:00.000Z" });
    expect(await call<{ seatsLeft: number }>(200, "GET", `/sessions/${session.id}`)).toMatchObject({ seatsLeft: 23 - 17 - 2 });
  });
});
