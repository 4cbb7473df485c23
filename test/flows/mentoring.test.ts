// Flow c: an employer adds a mentor, a coordinator confirms the DBS check, the employer
// publishes a weekly series, and a 15-year-old books one: four emails, and the meeting link
// only where it belongs (the young person's and the mentor's copies).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { flowApi, inviteIn, type Mail } from "../support/flows";

let h: Harness;
let api: ReturnType<typeof flowApi>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  api = flowApi(h);
});
afterAll(() => h.close());

const MEETING = "https://meet.example.test/priya-weekly";
const everything = (m: Mail) => [m.text, m.html, ...m.attachments.map((a) => a.content)].join("\n");

describe("mentoring, from a new mentor to a 15-year-old's booking", () => {
  it("sends four confirmations and shows the meeting link only to the young person and the mentor", async () => {
    const { call, oneMail, newMail } = api;
    const coordinator = await api.coordinator();
    const employer = await api.organisationWithStaff(coordinator, "employer", "Brightbank", "hr@brightbank.test");
    const mentor = await call<{ id: string }>(201, "POST", "/mentors", {
      token: employer.staff,
      body: { organisationId: employer.id, displayName: "Priya", email: "priya@brightbank.test", sector: "finance", bio: { en: "Ask me about banking." } },
    });

    // Under-18s can only book a mentor whose DBS check a coordinator has confirmed.
    const published = { mode: "online", meetingUrl: MEETING, start: "2026-03-10T17:00", durationMinutes: 45, rrule: "FREQ=WEEKLY;COUNT=4" };
    await call(200, "POST", `/mentors/${mentor.id}/verification`, { token: coordinator, body: { checkedOn: "2026-01-10", expiresOn: "2029-01-10", certificateLast4: "AB12" } });
    const { items: slots } = await call<{ items: { id: string; startsAt: string }[] }>(201, "POST", `/mentors/${mentor.id}/slots`, { token: employer.staff, body: published });
    // 17:00 London every week, across the 29 March clock change.
    expect(slots.map((s) => s.startsAt)).toEqual(["2026-03-10T17:00:00.000Z", "2026-03-17T17:00:00.000Z", "2026-03-24T17:00:00.000Z", "2026-03-31T16:00:00.000Z"]);

    const leo = await api.signUp("leo@example.com", "Leo", "2010-09-01");
    const { items: open } = await call<{ items: { id: string; startsAt: string }[] }>(200, "GET", "/mentoring-slots", { token: leo });
    const slot = open.find((s) => s.startsAt === "2026-03-31T16:00:00.000Z")!;
    expect(slot, "the BST slot is listed for Leo").toBeTruthy();
    const booking = await call<{ id: string; status: string }>(201, "POST", `/mentoring-slots/${slot.id}/bookings`, { token: leo, body: { guardianEmail: "mum@example.com" } });
    expect(booking.status).toBe("confirmed");

    const leos = await oneMail("leo@example.com", /Mentoring booked/);
    const priyas = await oneMail("priya@brightbank.test", /Mentoring booked/);
    const safeguarding = await oneMail("safeguarding@opendoor.example", /Mentoring booked/);
    const mums = await oneMail("mum@example.com", /Mentoring booked/);
    for (const m of [leos, priyas]) {
      expect(everything(m)).toContain(MEETING);
      const invite = inviteIn(m);
      expect(invite.event).toMatchObject({ uid: `${booking.id}@opendoor.test`, startLocal: "2026-03-31T17:00:00", startUtc: "2026-03-31T16:00:00.000Z" });
    }
    for (const m of [safeguarding, mums]) {
      expect(everything(m)).not.toContain(MEETING);
      expect(everything(m)).not.toContain("meet.example.test");
      expect(m.attachments).toEqual([]);
    }
    // Nobody else heard about it.
    expect(await newMail("hr@brightbank.test")).toEqual([]);
    expect(await call<{ meetingUrl: string | null }>(200, "GET", `/mentoring-bookings/${booking.id}`, { token: leo })).toMatchObject({ meetingUrl: MEETING });
  });
});
