import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, carouselGroups, carousels, events, organisations, people, sessions } from "../../db/schema";
import { createHarness, type Harness } from "../../../test/support/harness";
import { DAY } from "../../lib/time";
import { anonymiseExpiredAttendees, monthsBefore } from "./retention";

let h: Harness;
let token: string;
let personId: string;

beforeAll(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00Z" });
  token = await h.tokenFor("ria@example.com", { displayName: "Ria", dateOfBirth: "2009-04-04", isYoungPerson: true });
  personId = (await h.db.select().from(people).where(eq(people.email, "ria@example.com")))[0]!.id;
  const now = h.clock.now();
  await h.db.insert(organisations).values({ id: "org_p", type: "coordinator", name: "Prog" });
  await h.db.insert(events).values({ id: "evt_p", type: "cv_workshop", title: { en: "Write your CV" }, description: { en: "d" }, hostOrganisationId: "org_p" });
  await h.db.insert(sessions).values([
    { id: "ses_old", eventId: "evt_p", startsAt: now - 800 * DAY, endsAt: now - 800 * DAY + 3_600_000, capacity: 10, seatsTaken: 0 },
    { id: "ses_recent", eventId: "evt_p", startsAt: now - 30 * DAY, endsAt: now - 30 * DAY + 3_600_000, capacity: 10, seatsTaken: 0 },
  ]);
  await h.db.insert(bookings).values([
    { id: "bkg_old", kind: "individual", sessionId: "ses_old", personId, status: "attended", startsAt: now - 800 * DAY, endsAt: now - 800 * DAY + 3_600_000, ticketCode: "OLD-1", accessNeeds: "wheelchair user", guardianEmail: "mum@example.com" },
    { id: "bkg_recent", kind: "individual", sessionId: "ses_recent", personId, status: "attended", startsAt: now - 30 * DAY, endsAt: now - 30 * DAY + 3_600_000, ticketCode: "REC-1", accessNeeds: "quiet space" },
  ]);
});
afterAll(() => h.close());

describe("export", () => {
  it("gives the signed-in person everything held about them, and no secrets", async () => {
    const res = await h.request("GET", "/api/v1/me/export", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const data = (await res.json()) as { profile: { email: string; dateOfBirth: string }; bookings: { id: string; what: string; accessNeeds: string }[]; signIns: unknown[] };
    expect(data.profile).toMatchObject({ email: "ria@example.com", dateOfBirth: "2009-04-04" });
    expect(data.bookings.map((b) => b.id).sort()).toEqual(["bkg_old", "bkg_recent"]);
    expect(data.bookings.find((b) => b.id === "bkg_recent")).toMatchObject({ what: "Write your CV", accessNeeds: "quiet space" });
    expect(data.signIns.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/token_?hash|calendarFeedHash|od_s_/i);
  });

  it("needs sign-in, and only ever exports the caller's own data", async () => {
    expect((await h.request("GET", "/api/v1/me/export")).status).toBe(401);
    const other = await h.tokenFor("other@example.com", { dateOfBirth: "2008-01-01", isYoungPerson: true });
    const data = (await (await h.request("GET", "/api/v1/me/export", { token: other })).json()) as { bookings: unknown[]; profile: { email: string } };
    expect(data.profile.email).toBe("other@example.com");
    expect(data.bookings).toEqual([]);
  });
});

describe("retention", () => {
  it("counts months on the calendar, clamping to the month's last day", () => {
    expect(new Date(monthsBefore(Date.parse("2026-11-23T09:00:00Z"), 24)).toISOString()).toBe("2024-11-23T09:00:00.000Z");
    // 31 March 10:00 BST → 28 February 10:00 GMT: the London wall time is kept across the change.
    expect(new Date(monthsBefore(Date.parse("2026-03-31T09:00:00Z"), 1)).toISOString()).toBe("2026-02-28T10:00:00.000Z");
  });

  it("anonymises attendees of sessions older than the retention period and keeps the counts", async () => {
    const first = await anonymiseExpiredAttendees(h.deps);
    expect(first.anonymised).toBe(1);
    const [old] = await h.db.select().from(bookings).where(eq(bookings.id, "bkg_old"));
    expect(old).toMatchObject({ personId: null, accessNeeds: "", guardianEmail: null, status: "attended", sessionId: "ses_old" });
    const [recent] = await h.db.select().from(bookings).where(eq(bookings.id, "bkg_recent"));
    expect(recent).toMatchObject({ personId, accessNeeds: "quiet space" });
  });

  it("changes nothing when run again, or twice at once", async () => {
    const results = await Promise.all([anonymiseExpiredAttendees(h.deps), anonymiseExpiredAttendees(h.deps)]);
    expect(results.map((r) => r.anonymised)).toEqual([0, 0]);
  });

  it("honours a shorter configured period", async () => {
    h.deps.config.retentionMonths = 0;
    try {
      expect((await anonymiseExpiredAttendees(h.deps)).anonymised).toBe(1);
    } finally {
      h.deps.config.retentionMonths = 24;
    }
  });
});

describe("carousel groups a school's staff member booked", () => {
  it("are in their export, lose their booker and access needs after the retention period, and are unlinked on erasure", async () => {
    const now = h.clock.now();
    const staff = await h.tokenFor("head@school.example", { displayName: "Head of Year" });
    const [staffRow] = await h.db.select().from(people).where(eq(people.email, "head@school.example"));
    await h.db.insert(organisations).values({ id: "org_school_c", type: "school", name: "Hillside School" });
    const carousel = (id: string, startsAt: number) => ({ id, title: `Carousel ${id}`, startsAt, roundMinutes: 20, changeoverMinutes: 5, rounds: 4, bookingsCloseAt: startsAt - DAY });
    await h.db.insert(carousels).values([carousel("car_old", now - 800 * DAY), carousel("car_recent", now - 30 * DAY)]);
    const group = (id: string, carouselId: string) => ({
      id, carouselId, schoolId: "org_school_c", bookedBy: staffRow!.id, label: "Year 9 Blue", pupils: 20, staff: 2, seats: 22, minAge: 13, maxAge: 14, accessNeeds: "two wheelchair users", updatedAt: now,
    });
    await h.db.insert(carouselGroups).values([group("cgr_old", "car_old"), group("cgr_recent", "car_recent")]);

    const exported = (await (await h.request("GET", "/api/v1/me/export", { token: staff })).json()) as { carouselGroups: { id: string; accessNeeds: string }[] };
    expect(exported.carouselGroups.map((g) => g.id)).toEqual(["cgr_recent", "cgr_old"]);
    expect(exported.carouselGroups[0]).toMatchObject({ accessNeeds: "two wheelchair users" });

    expect((await anonymiseExpiredAttendees(h.deps)).anonymised).toBe(1);
    const rows = async () => new Map((await h.db.select().from(carouselGroups)).map((g) => [g.id, g]));
    expect((await rows()).get("cgr_old")).toMatchObject({ bookedBy: null, accessNeeds: "", pupils: 20, status: "confirmed" });
    expect((await rows()).get("cgr_recent")).toMatchObject({ bookedBy: staffRow!.id, accessNeeds: "two wheelchair users" });

    expect((await h.request("DELETE", "/api/v1/me", { token: staff })).status).toBeLessThan(300);
    // The pupils are still coming: the group stays with the school, without its booker.
    expect((await rows()).get("cgr_recent")).toMatchObject({ bookedBy: null, status: "confirmed", pupils: 20 });
  });
});
