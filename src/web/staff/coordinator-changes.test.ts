import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, events, outbox, sessions } from "../../db/schema";
import { parseLondonLocal } from "../../lib/time";
import { renderEmail } from "../../features/notifications/render";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
let coordinator: string;
/** Signed in before any change email is queued (the harness reads the first email to a person as the sign-in link). */
const outsiders: string[] = [];
// 24 October 2026 is the last Saturday of British Summer Time; the clocks go back on the 25th.
const OCT_START = parseLondonLocal("2026-10-24T10:00");
const BOOKING_IDS = ["bkg_oct_aisha", "bkg_oct_kuba", "bkg_oct_group"];

beforeAll(async () => {
  h = await seededHarness();
  coordinator = await cookieFor(h, COORDINATOR);
  for (const email of ["aisha@example.com", "j.khan@riverside.example", "careers@northbuild.example"]) outsiders.push(await cookieFor(h, email));
  const now = h.clock.now();
  const timed = (id: string, startsAt: number, extra: Partial<typeof sessions.$inferInsert> = {}) => ({ id, eventId: "evt_cv", startsAt, endsAt: startsAt + 90 * 60_000, venueId: "ven_library", capacity: 20, createdAt: now, updatedAt: now, ...extra });
  await h.db.insert(sessions).values([
    timed("ses_oct", OCT_START, { seatsTaken: 13 }),
    timed("ses_oct_cancel", OCT_START + 8 * 86_400_000, { seatsTaken: 13 }),
    timed("ses_started", now - 30 * 60_000),
    timed("ses_door_open", now + 60 * 60_000, { seatsTaken: 1 }),
  ]);
  // Check-in opens before the start: Aisha is through the door of a session an hour away.
  await h.db.insert(bookings).values({ id: "bkg_door_aisha", sessionId: "ses_door_open", kind: "individual", personId: "per_demo_aisha", ticketCode: "AISHA-DOOR1", status: "attended", startsAt: now + 60 * 60_000, endsAt: now + 150 * 60_000, checkedInAt: now, checkedInCount: 1 });
  const base = { startsAt: OCT_START, endsAt: OCT_START + 90 * 60_000, status: "confirmed" as const };
  const on = (sessionId: string, suffix: string) => {
    // The second session is on 1 November, clear of ses_oct's move to 31 October (rule 4).
    const at = sessionId === "ses_oct" ? base : { ...base, startsAt: OCT_START + 8 * 86_400_000, endsAt: OCT_START + 8 * 86_400_000 + 90 * 60_000 };
    return [
      { ...at, id: `bkg_${suffix}_aisha`, sessionId, kind: "individual" as const, personId: "per_demo_aisha", ticketCode: `AISHA-${suffix}` },
      { ...at, id: `bkg_${suffix}_kuba`, sessionId, kind: "individual" as const, personId: "per_demo_kuba", ticketCode: `KUBAA-${suffix}` },
      { ...at, id: `bkg_${suffix}_group`, sessionId, kind: "group" as const, organisationId: "org_riverside", personId: "per_riverside_staff", pupils: 10, staff: 1, seats: 11, ticketCode: `GROUP-${suffix}` },
    ];
  };
  await h.db.insert(bookings).values([...on("ses_oct", "oct"), ...on("ses_oct_cancel", "cxl")]);
});
afterAll(() => h.close());

const sessionRow = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
const messages = async (template: string, bookingIds: string[]) => (await h.db.select().from(outbox)).filter((m) => m.template === template && bookingIds.includes((m.payload as { bookingId: string }).bookingId));
const invalid = (html: string, field: string) => new RegExp(`id="${field}"[^>]*aria-invalid="true"`).test(html);

describe("changing a session", () => {
  it("offers the change and cancel links on the session page, prefilled with London wall time", async () => {
    const html = await (await page(h, "/coordinator/sessions/ses_oct", coordinator)).text();
    expect(html).toContain('href="/coordinator/sessions/ses_oct/change"');
    expect(html).toContain('href="/coordinator/sessions/ses_oct/cancel"');
    const form = await (await page(h, "/coordinator/sessions/ses_oct/change", coordinator)).text();
    for (const value of ['name="date" value="2026-10-24"', 'name="startTime" value="10:00"', 'name="endTime" value="11:30"', 'name="capacity" min="1" max="10000" inputmode="numeric" value="20"']) expect(form).toContain(value);
    expect(form).toMatch(/<option value="ven_library" selected="">/);
    expect(form).toContain("everyone booked gets an email with the new details and an updated calendar invite");
  });

  it("moves a session across the October clock change and keeps 10:00 London, telling everyone booked", async () => {
    const res = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, { date: "2026-10-31", startTime: "10:00", endTime: "11:30", venueId: "ven_library", onlineUrl: "", capacity: "20" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/coordinator/sessions/ses_oct?done=changed");
    const s = await sessionRow("ses_oct");
    // BST (UTC+1) on the 24th, GMT on the 31st: the same wall time is an hour later in UTC.
    expect(new Date(OCT_START).toISOString()).toBe("2026-10-24T09:00:00.000Z");
    expect(new Date(s.startsAt).toISOString()).toBe("2026-10-31T10:00:00.000Z");
    expect(new Date(s.endsAt).toISOString()).toBe("2026-10-31T11:30:00.000Z");
    expect(s.sequence).toBe(1);
    const moved = await h.db.select().from(bookings).where(eq(bookings.sessionId, "ses_oct"));
    expect(moved.every((b) => b.startsAt === s.startsAt && b.endsAt === s.endsAt)).toBe(true);
    expect((await messages("session_changed", BOOKING_IDS)).map((m) => m.toEmail).sort()).toEqual(["aisha@example.com", "j.khan@riverside.example", "kuba@example.com"]);
    const after = await (await page(h, res.headers.get("location")!, coordinator)).text();
    expect(after).toContain("The session is changed.");
    expect(await (await page(h, "/coordinator/sessions/ses_oct/change", coordinator)).text()).toContain('name="date" value="2026-10-31"');
  });

  it("says next to the capacity how many places are booked, in the page's language, and changes nothing", async () => {
    const fields = { date: "2026-10-31", startTime: "10:00", endTime: "11:30", venueId: "ven_library", onlineUrl: "", capacity: "5" };
    const res = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, fields);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(invalid(html, "capacity")).toBe(true);
    expect(html).toContain("13 places are already booked, so the number of places can&#39;t be lower than 13.");
    const pl = await submit(h, "/coordinator/sessions/ses_oct/change", `${coordinator}; lang=pl`, fields);
    expect(await pl.text()).toContain("13 miejsc jest już zarezerwowanych");
    expect((await sessionRow("ses_oct")).capacity).toBe(20);
  });

  it("keeps the time once someone is checked in, saying so next to the date, and still takes more places", async () => {
    const s = await sessionRow("ses_door_open");
    const london = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(s.startsAt);
    const fields = { date: london, startTime: "23:30", endTime: "23:45", venueId: "ven_library", onlineUrl: "", capacity: "20" };
    const res = await submit(h, "/coordinator/sessions/ses_door_open/change", coordinator, fields);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(invalid(html, "date")).toBe(true);
    expect(html).toContain("Someone is already checked in, so the date and time can&#39;t change.");
    expect(await sessionRow("ses_door_open")).toMatchObject({ startsAt: s.startsAt, sequence: 0 });
    const time = (at: number) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(at);
    const more = await submit(h, "/coordinator/sessions/ses_door_open/change", coordinator, { ...fields, startTime: time(s.startsAt), endTime: time(s.endsAt), capacity: "25" });
    expect(more.status).toBe(303);
    expect((await sessionRow("ses_door_open")).capacity).toBe(25);
  });

  it("refuses a move onto a time when someone booked here has another booking, saying so next to the date", async () => {
    // Aisha and Kuba hold places on ses_oct (24 Oct) and on ses_oct_cancel (1 Nov, 09:00 to 10:30).
    const fields = { date: "2026-11-01", startTime: "09:30", endTime: "10:00", venueId: "ven_library", onlineUrl: "", capacity: "20" };
    const before = await sessionRow("ses_oct");
    const res = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, fields);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(invalid(html, "date")).toBe(true);
    expect(html).toContain("People booked on this session already have something else at that time (2).");
    expect(await sessionRow("ses_oct")).toMatchObject({ startsAt: before.startsAt, sequence: before.sequence });
  });

  it("names a wrong date, an end before the start, a place that is both a venue and a link, and a time in the past", async () => {
    const bad = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, { date: "2026-02-31", startTime: "10:00", endTime: "09:00", venueId: "ven_library", onlineUrl: "", capacity: "0" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    for (const field of ["date", "endTime", "capacity"]) expect(invalid(html, field), field).toBe(true);
    const both = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, { date: "2026-10-31", startTime: "10:00", endTime: "11:30", venueId: "ven_library", onlineUrl: "https://meet.example/x", capacity: "20" });
    expect(both.status).toBe(422);
    expect(await both.text()).toContain("Choose a venue, or give an online link (one, not both)");
    const past = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, { date: "2026-03-01", startTime: "10:00", endTime: "11:30", venueId: "ven_library", onlineUrl: "", capacity: "20" });
    expect(past.status).toBe(400);
    expect(invalid(await past.text(), "date")).toBe(true);
    expect(await sessionRow("ses_oct")).toMatchObject({ sequence: 1, capacity: 20, venueId: "ven_library", onlineUrl: null });
  });
});

describe("cancelling a session", () => {
  it("asks first, saying who is booked and that they will be emailed", async () => {
    const res = await page(h, "/coordinator/sessions/ses_oct_cancel/cancel", coordinator);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Booked now: 2 young people and 1 school group.");
    expect(html).toContain("Each of them gets an email to say the session is cancelled.");
    expect((await sessionRow("ses_oct_cancel")).status).toBe("scheduled");
  });

  it("refuses a reason longer than the API's, next to the field, keeping what was typed", async () => {
    const res = await submit(h, "/coordinator/sessions/ses_oct_cancel/cancel", coordinator, { reason: "x".repeat(501) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(invalid(html, "reason")).toBe(true);
    expect(html).toContain("Keep the reason to 500 characters or fewer.");
    expect((await sessionRow("ses_oct_cancel")).status).toBe("scheduled");
  });

  it("cancels the session and every booking, queues everyone's cancellation, then shows the state with no buttons", async () => {
    const res = await submit(h, "/coordinator/sessions/ses_oct_cancel/cancel", coordinator, { reason: "The trainer is ill." });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/coordinator/sessions/ses_oct_cancel?done=cancelled");
    expect((await sessionRow("ses_oct_cancel")).status).toBe("cancelled");
    const ids = ["bkg_cxl_aisha", "bkg_cxl_kuba", "bkg_cxl_group"];
    expect((await h.db.select().from(bookings).where(eq(bookings.sessionId, "ses_oct_cancel"))).map((b) => b.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(await messages("session_cancelled", ids)).toHaveLength(3);
    // The email says why and offers the activity's other dates with places (ses_oct among them).
    const [aisha] = await messages("session_cancelled", ["bkg_cxl_aisha"]);
    const email = await renderEmail(h.db, aisha!, h.deps.config, h.clock.now());
    expect(email.text).toContain("Why: The trainer is ill.");
    expect(email.text).toContain("Other dates with places");
    const others = (aisha!.payload as { otherDates: { id: string }[] }).otherDates;
    expect(others.length).toBeGreaterThan(0);
    expect(others.map((o) => o.id)).not.toContain("ses_oct_cancel");
    expect(email.text).toContain("https://opendoor.test/events/evt_cv");
    const html = await (await page(h, res.headers.get("location")!, coordinator)).text();
    expect(html).toContain("The session is cancelled. Everyone who was booked gets an email.");
    expect(html).toContain("This session is cancelled.");
    expect(html).not.toContain('href="/coordinator/sessions/ses_oct_cancel/change"');
    const change = await (await page(h, "/coordinator/sessions/ses_oct_cancel/change", coordinator)).text();
    expect(change).not.toContain('action="/coordinator/sessions/ses_oct_cancel/change"');
    const again = await submit(h, "/coordinator/sessions/ses_oct_cancel/cancel", coordinator, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This session is cancelled.");
    expect(await messages("session_cancelled", ids)).toHaveLength(3);
  });

  it("shows a session that has started as started, with nothing to press, and refuses a post", async () => {
    const html = await (await page(h, "/coordinator/sessions/ses_started", coordinator)).text();
    expect(html).toContain("This session has started, so it can&#39;t be changed or cancelled.");
    expect(html).not.toContain("/coordinator/sessions/ses_started/cancel");
    const res = await submit(h, "/coordinator/sessions/ses_started/cancel", coordinator, {});
    expect(res.status).toBe(409);
    expect((await sessionRow("ses_started")).status).toBe("scheduled");
  });
});

describe("changing an activity", () => {
  it("shows every language's text in its own box marked with its language, and saves what the boxes say", async () => {
    await h.db.update(events).set({ title: { en: "Write your first CV", pl: "Napisz swoje pierwsze CV" }, whatToBring: null }).where(eq(events.id, "evt_cv"));
    const form = await (await page(h, "/coordinator/events/evt_cv/change", coordinator)).text();
    expect(form).toMatch(/<input[^>]*id="title"[^>]*lang="en"[^>]*dir="ltr"[^>]*value="Write your first CV"/);
    expect(form).toMatch(/<input[^>]*id="title_pl"[^>]*lang="pl"[^>]*dir="ltr"[^>]*value="Napisz swoje pierwsze CV"/);
    expect(form).toMatch(/<textarea[^>]*id="description_ar"[^>]*lang="ar"[^>]*dir="rtl"/);
    expect(form).toMatch(/<textarea[^>]*id="whatToBring_uk"[^>]*lang="uk"/);
    expect(form).toMatch(/id="accessFeatures-easy_read"[^>]*checked/);
    const res = await submit(h, "/coordinator/events/evt_cv/change", coordinator, {});
    expect(res.status).toBe(400);
    const body = new URLSearchParams({ type: "cv_workshop", title: "Your first CV, step by step", title_pl: "", title_ar: "سيرتك الذاتية الأولى خطوة بخطوة", description: "Bring what you have.", description_ro: "Adu ce ai.", whatToBring: "A pen", whatToBring_pl: "Długopis", minAge: "14", maxAge: "25", pupilsPerStaff: "10", waitlistEnabled: "1" });
    body.append("accessFeatures", "bsl");
    body.append("accessFeatures", "easy_read");
    body.append("tags", "send_friendly");
    const changed = await h.request("POST", "/coordinator/events/evt_cv/change", { body: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded", cookie: coordinator, origin: "https://opendoor.test" } });
    expect(changed.status).toBe(303);
    expect(changed.headers.get("location")).toBe("/coordinator/events/evt_cv?done=changed");
    const [event] = await h.db.select().from(events).where(eq(events.id, "evt_cv"));
    // The emptied Polish title is gone (Polish readers now see the English, marked lang="en").
    expect(event).toMatchObject({ accessFeatures: ["bsl", "easy_read"], tags: ["send_friendly"], groupsAllowed: false, hostOrganisationId: "org_coordinator" });
    expect(event!.title).toEqual({ en: "Your first CV, step by step", ar: "سيرتك الذاتية الأولى خطوة بخطوة" });
    expect(event!.description).toEqual({ en: "Bring what you have.", ro: "Adu ce ai." });
    expect(event!.whatToBring).toEqual({ en: "A pen", pl: "Długopis" });
    expect(await (await page(h, "/coordinator/events/evt_cv?done=changed", coordinator)).text()).toContain("The activity is changed.");
  });

  it("refuses a translation of what to bring without the English, next to the English box", async () => {
    const res = await submit(h, "/coordinator/events/evt_cv/change", coordinator, { type: "cv_workshop", title: "Your first CV, step by step", description: "x", whatToBring_pl: "Długopis", minAge: "14", maxAge: "25", pupilsPerStaff: "10" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(invalid(html, "whatToBring")).toBe(true);
    expect(html).toContain("Write what to bring in English too");
    expect((await h.db.select().from(events).where(eq(events.id, "evt_cv")))[0]!.whatToBring).toEqual({ en: "A pen", pl: "Długopis" });
  });

  it("names the age that is wrong, and changes nothing", async () => {
    const res = await submit(h, "/coordinator/events/evt_cv/change", coordinator, { type: "cv_workshop", title: "Changed", description: "x", minAge: "20", maxAge: "14", pupilsPerStaff: "10" });
    expect(res.status).toBe(422);
    expect(invalid(await res.text(), "minAge")).toBe(true);
    expect((await h.db.select().from(events).where(eq(events.id, "evt_cv")))[0]!.title.en).toBe("Your first CV, step by step");
  });
});

describe("who may change things", () => {
  const PAGES = ["/coordinator/sessions/ses_oct/change", "/coordinator/sessions/ses_oct/cancel", "/coordinator/events/evt_cv/change"];

  it("answers 403 to anyone who is not a coordinator, and changes nothing", async () => {
    for (const cookie of outsiders) {
      for (const path of PAGES) {
        expect((await page(h, path, cookie)).status, `GET ${path}`).toBe(403);
        expect((await submit(h, path, cookie, { date: "2026-11-07", startTime: "10:00", endTime: "11:00", capacity: "20", venueId: "ven_library", title: "Hacked" })).status, `POST ${path}`).toBe(403);
      }
    }
    expect(await sessionRow("ses_oct")).toMatchObject({ status: "scheduled", sequence: 1 });
    expect((await page(h, PAGES[0]!)).status).toBe(303);
  });

  it("answers 404 for a session or activity that does not exist", async () => {
    expect((await page(h, "/coordinator/sessions/ses_nothing/change", coordinator)).status).toBe(404);
    expect((await page(h, "/coordinator/sessions/ses_nothing/cancel", coordinator)).status).toBe(404);
    expect((await submit(h, "/coordinator/sessions/ses_nothing/cancel", coordinator, {})).status).toBe(404);
    expect((await page(h, "/coordinator/events/evt_nothing/change", coordinator)).status).toBe(404);
  });

  it("refuses these forms posted from another website (CSRF)", async () => {
    const cancel = await submit(h, "/coordinator/sessions/ses_oct/cancel", coordinator, {}, { origin: "https://evil.example" });
    expect(cancel.status).toBe(403);
    const change = await submit(h, "/coordinator/sessions/ses_oct/change", coordinator, { date: "2026-11-07", startTime: "10:00", endTime: "11:00", capacity: "20", venueId: "ven_library" }, { "sec-fetch-site": "cross-site" });
    expect(change.status).toBe(403);
    const event = await submit(h, "/coordinator/events/evt_cv/change", coordinator, { type: "cv_workshop", title: "Hacked", description: "x" }, { origin: "https://evil.example" });
    expect(event.status).toBe(403);
    expect(await sessionRow("ses_oct")).toMatchObject({ status: "scheduled", sequence: 1 });
    expect((await h.db.select().from(events).where(eq(events.id, "evt_cv")))[0]!.title.en).toBe("Your first CV, step by step");
  });
});
