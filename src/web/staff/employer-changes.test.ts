import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, mentoringSlots, outbox } from "../../db/schema";
import type { Harness } from "../../../test/support/harness";
import { cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
let northbuild: string;
let cityhealth: string;
let bookingId: string;
beforeAll(async () => {
  h = await seededHarness();
  northbuild = await cookieFor(h, "careers@northbuild.example");
  cityhealth = await cookieFor(h, "outreach@cityhealth.example");
  // Olena (21) books Dee's third slot through the API, as she would from the site.
  const res = await h.request("POST", "/api/v1/mentoring-slots/slt_dee_3/bookings", { token: await h.tokenFor("olena@example.com"), body: {} });
  expect(res.status).toBe(201);
  bookingId = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

const slot = async (id: string) => (await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, id)))[0]!;
const invalid = (html: string, field: string) => new RegExp(`id="${field}"[^>]*aria-invalid="true"`).test(html);
const change = (id: string, fields: Record<string, string>, cookie = northbuild, org = "org_northbuild") => submit(h, `/employers/${org}/slots/${id}`, cookie, fields);

describe("changing a mentoring slot", () => {
  it("links each slot that can still change to a form prefilled in London time", async () => {
    const list = await (await page(h, "/employers/org_northbuild/mentors/mtr_dee", northbuild)).text();
    expect(list).toContain('href="/employers/org_northbuild/slots/slt_dee_1"');
    const s = await slot("slt_dee_2");
    const html = await (await page(h, "/employers/org_northbuild/slots/slt_dee_2", northbuild)).text();
    expect(html).toContain('name="date" value="2026-03-12"');
    expect(html).toContain('name="startTime" value="17:00"');
    expect(html).toContain('name="endTime" value="17:45"');
    expect(html).toMatch(/id="mode-in-person" name="mode" value="in_person" checked/);
    expect(html).toContain("Nobody has booked this slot yet.");
    expect(s.venueId).toBe("ven_library");
  });

  it("moves a free slot across the March clock change and keeps 18:00 London", async () => {
    const res = await change("slt_dee_1", { date: "2026-03-30", startTime: "18:00", endTime: "18:45", mode: "online", meetingUrl: "https://meet.example/dee-new", venueId: "" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/employers/org_northbuild/mentors/mtr_dee?done=changed");
    const s = await slot("slt_dee_1");
    // GMT until 29 March, BST after: 18:00 London on the 30th is 17:00 UTC.
    expect(new Date(s.startsAt).toISOString()).toBe("2026-03-30T17:00:00.000Z");
    expect(new Date(s.endsAt).toISOString()).toBe("2026-03-30T17:45:00.000Z");
    expect(s).toMatchObject({ mode: "online", meetingUrl: "https://meet.example/dee-new", venueId: null });
    expect(await (await page(h, res.headers.get("location")!, northbuild)).text()).toContain("The slot is changed.");
  });

  it("reschedules a booked slot: the booking moves and the young person, mentor and safeguarding contact are told", async () => {
    const form = await (await page(h, "/employers/org_northbuild/slots/slt_dee_3", northbuild)).text();
    expect(form).toContain("A young person has booked this slot. If you change it, they get an email with the new details and an updated calendar invite.");
    const before = await slot("slt_dee_3");
    const res = await change("slt_dee_3", { date: "2026-03-20", startTime: "16:00", endTime: "16:45", mode: "online", meetingUrl: "https://meet.example/dee-3", venueId: "" });
    expect(res.status).toBe(303);
    const after = await slot("slt_dee_3");
    expect(new Date(after.startsAt).toISOString()).toBe("2026-03-20T16:00:00.000Z");
    expect(after.sequence).toBe(before.sequence + 1);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]).toMatchObject({ startsAt: after.startsAt, endsAt: after.endsAt, status: "confirmed" });
    const told = (await h.db.select().from(outbox)).filter((m) => m.template === "mentoring_confirmed" && (m.payload as { change?: string; bookingId: string }).change === "rescheduled" && (m.payload as { bookingId: string }).bookingId === bookingId);
    expect(told.map((m) => (m.payload as { audience: string }).audience).sort()).toEqual(["mentor", "safeguarding", "young_person"]);
    expect(told.find((m) => (m.payload as { audience: string }).audience === "young_person")!.toEmail).toBe("olena@example.com");
  });

  it("shows refusals next to their fields: a blank link, an end before the start, the past, a clash", async () => {
    const blank = await change("slt_dee_4", { date: "2026-03-27", startTime: "17:00", endTime: "16:00", mode: "online", meetingUrl: "", venueId: "" });
    expect(blank.status).toBe(400);
    const html = await blank.text();
    expect(invalid(html, "meetingUrl")).toBe(true);
    expect(invalid(html, "endTime")).toBe(true);
    const past = await change("slt_dee_4", { date: "2026-03-01", startTime: "17:00", endTime: "17:45", mode: "in_person", meetingUrl: "", venueId: "ven_library" });
    expect(past.status).toBe(400);
    expect(invalid(await past.text(), "date")).toBe(true);
    const long = await change("slt_dee_4", { date: "2026-03-27", startTime: "09:00", endTime: "17:45", mode: "in_person", meetingUrl: "", venueId: "ven_library" });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("A slot lasts from 15 minutes to 4 hours.");
    // slt_dee_2 is on 12 March at 17:00 London.
    const clash = await change("slt_dee_4", { date: "2026-03-12", startTime: "17:15", endTime: "17:45", mode: "in_person", meetingUrl: "", venueId: "ven_library" });
    expect(clash.status).toBe(409);
    const clashed = await clash.text();
    expect(invalid(clashed, "date")).toBe(true);
    expect(clashed).toContain("This mentor already has a slot at that time.");
    const s = await slot("slt_dee_4");
    expect(s.sequence).toBe(0);
    expect(new Date(s.startsAt).toISOString()).toBe("2026-03-26T17:00:00.000Z");
  });

  it("shows a withdrawn slot's state with no form", async () => {
    expect((await submit(h, "/employers/org_northbuild/slots/slt_dee_2/withdraw", northbuild, {})).status).toBe(303);
    const html = await (await page(h, "/employers/org_northbuild/slots/slt_dee_2", northbuild)).text();
    expect(html).toContain("This slot can&#39;t be changed");
    expect(html).not.toContain('action="/employers/org_northbuild/slots/slt_dee_2"');
  });

  it("answers 404 for another employer's slot, by either employer's address, and changes nothing", async () => {
    const fields = { date: "2026-04-02", startTime: "10:00", endTime: "10:45", mode: "online", meetingUrl: "https://evil.example/x", venueId: "" };
    expect((await page(h, "/employers/org_cityhealth/slots/slt_dee_4", cityhealth)).status).toBe(404);
    expect((await page(h, "/employers/org_northbuild/slots/slt_dee_4", cityhealth)).status).toBe(404);
    expect((await page(h, "/employers/org_northbuild/slots/slt_priya_1", northbuild)).status).toBe(404);
    expect((await change("slt_dee_4", fields, cityhealth, "org_cityhealth")).status).toBe(404);
    expect((await change("slt_dee_4", fields, cityhealth)).status).toBe(404);
    expect((await page(h, "/employers/org_northbuild/slots/slt_nothing", northbuild)).status).toBe(404);
    expect((await page(h, "/employers/org_northbuild/slots/slt_dee_4")).status).toBe(303);
    expect((await slot("slt_dee_4")).meetingUrl).toBeNull();
  });

  it("refuses a change posted from another website (CSRF)", async () => {
    const res = await submit(h, "/employers/org_northbuild/slots/slt_dee_4", northbuild, { date: "2026-04-02", startTime: "10:00", endTime: "10:45", mode: "online", meetingUrl: "https://evil.example/x" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await slot("slt_dee_4")).meetingUrl).toBeNull();
  });
});
