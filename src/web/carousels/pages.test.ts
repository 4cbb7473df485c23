// The carousel pages (issue #18) on the demo data: what each audience sees and can do, with the
// same rules as the API (own school, ratio, capacity), in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { carouselGroups, carousels, carouselVisits, outbox } from "../../db/schema";
import type { Harness } from "../../../test/support/harness";
import { cookieFor, page, seededHarness, submit } from "../staff/test-support";

let h: Harness;
let riverside: string;
let hillview: string;
let northbuild: string;
let coordinator: string;
beforeAll(async () => {
  h = await seededHarness();
  riverside = await cookieFor(h, "j.khan@riverside.example");
  hillview = await cookieFor(h, "t.evans@hillview.example");
  northbuild = await cookieFor(h, "careers@northbuild.example");
  coordinator = await cookieFor(h, "coordinator@opendoor.test");
});
afterAll(() => h.close());

const CAROUSEL = "car_demo_spring";

describe("carousel pages", () => {
  it("shows school staff their groups' timetables and a booking link, and hosts their station's timetable", async () => {
    const school = await (await page(h, "/carousels", riverside)).text();
    expect(school).toContain("Spring careers carousel");
    expect(school).toContain('href="/carousel-groups/cgr_demo_riverside_9"');
    expect(school).not.toContain("cgr_demo_hillview_10");
    expect(school).toContain(`href="/carousels/${CAROUSEL}/book"`);
    const host = await (await page(h, "/carousels", northbuild)).text();
    expect(host).toContain('href="/carousel-stations/cst_demo_bricks"');
    expect(host).not.toContain(`/carousels/${CAROUSEL}/book`);
    const landing = await (await page(h, "/staff", northbuild)).text();
    expect(landing).toContain('href="/carousels"');
  });

  it("prints a group's timetable for its teacher and a station's for its host, and hides them from others", async () => {
    const tt = await page(h, "/carousel-groups/cgr_demo_riverside_10", riverside);
    expect(tt.status).toBe(200);
    const html = await tt.text();
    expect(html).toContain("Timetable: Year 10 Green");
    expect(html).toMatch(/Bricklaying and site safety|Nursing and hospital jobs|Banking and apprenticeships/);
    expect((await page(h, "/carousel-groups/cgr_demo_riverside_10", hillview)).status).toBe(404);
    const station = await (await page(h, "/carousel-stations/cst_demo_nursing", await cookieFor(h, "outreach@cityhealth.example"))).text();
    expect(station).toContain("Year 9 Blue");
    expect(station).toContain("ear defenders");
    expect((await page(h, "/carousel-stations/cst_demo_nursing", northbuild)).status).toBe(404);
    // In the reader's language.
    const pl = await (await page(h, "/carousel-groups/cgr_demo_riverside_10?lang=pl", riverside)).text();
    expect(pl).toContain("Plan: Year 10 Green");
  });

  it("books a group for the teacher's own school with the ratio rule, and refuses another school's", async () => {
    const fields = { schoolId: "org_riverside", label: "Year 8 Yellow", pupils: "25", staff: "2", minAge: "12", maxAge: "13", accessNeeds: "" };
    const ratio = await submit(h, `/carousels/${CAROUSEL}/book`, riverside, fields);
    expect(ratio.status).toBe(422);
    expect(await ratio.text()).toContain("A group of 25 pupils needs at least 3 staff.");
    const other = await submit(h, `/carousels/${CAROUSEL}/book`, hillview, { ...fields, staff: "3" });
    expect(other.status).toBe(403);
    const ok = await submit(h, `/carousels/${CAROUSEL}/book`, riverside, { ...fields, pupils: "5", staff: "1" });
    expect(ok.status).toBe(303);
    const rows = await h.db.select().from(carouselGroups).where(eq(carouselGroups.label, "Year 8 Yellow"));
    expect(rows).toHaveLength(1);
    // The carousel holds 90 a round: 27 + 22 + 20 + 6 = 75 taken, so 16 more is refused in words.
    const full = await submit(h, `/carousels/${CAROUSEL}/book`, riverside, { ...fields, pupils: "15", staff: "2" });
    expect(full.status).toBe(409);
    expect(await full.text()).toContain("Only 15 places are left and your group needs 17.");
  });

  it("refuses a form posted from another site", async () => {
    const res = await submit(h, `/carousels/${CAROUSEL}/book`, riverside, { schoolId: "org_riverside" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });

  it("lets a coordinator set up a carousel, make its plan, check a group in and send the timetables", async () => {
    expect((await page(h, "/coordinator/carousels", riverside)).status).toBe(403);
    const list = await page(h, "/coordinator/carousels", coordinator);
    expect(list.status).toBe(200);
    const date = new Date(h.clock.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await submit(h, "/coordinator/carousels", coordinator, {
      title: "Summer carousel",
      date,
      startTime: "09:30",
      roundMinutes: "20",
      changeoverMinutes: "5",
      rounds: "2",
      closeDate: "",
      venueId: "ven_stmarks",
      host0: "org_northbuild",
      name0: "Carpentry",
      capacity0: "25",
      minAge0: "",
      maxAge0: "",
      host1: "org_brightbank",
      name1: "Saving and spending",
      capacity1: "25",
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toMatch(/^\/coordinator\/carousels\/car_/);
    const bad = await submit(h, "/coordinator/carousels", coordinator, { title: "", date: "", startTime: "9", roundMinutes: "20", changeoverMinutes: "5", rounds: "2" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Enter a date in the future");
    expect(badHtml).toContain("Fill in at least one station");

    const manage = await (await page(h, `/coordinator/carousels/${CAROUSEL}`, coordinator)).text();
    expect(manage).toContain("Year 9 Blue (Riverside Academy) misses Bricklaying and site safety: outside the station&#39;s ages");
    expect((await submit(h, `/coordinator/carousels/${CAROUSEL}/plan`, coordinator, {})).status).toBe(303);
    const door = await submit(h, `/coordinator/carousels/${CAROUSEL}/groups/cgr_demo_hillview_10/check-in`, coordinator, { pupils: "17", staff: "2" });
    expect(door.status).toBe(303);
    const visits = await h.db.select().from(carouselVisits).where(eq(carouselVisits.groupId, "cgr_demo_hillview_10"));
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((v) => v.attendedPupils === 17)).toBe(true);

    expect((await submit(h, `/coordinator/carousels/${CAROUSEL}/send`, coordinator, {})).status).toBe(303);
    const sent = await h.db.select().from(outbox).where(eq(outbox.template, "carousel_timetable"));
    expect(sent.map((m) => m.toEmail).sort()).toEqual(["j.khan@riverside.example", "office@hillview.example", "office@riverside.example", "t.evans@hillview.example"]);
    const mail = (await h.mailFor("j.khan@riverside.example")).find((m) => m.subject === "Timetable: Spring careers carousel")!;
    expect(mail.text).toContain("Year 9 Blue");
    expect(mail.attachments[0]!.content).toContain("METHOD:REQUEST");
    expect(mail.attachments[0]!.content).toContain("TZID=Europe/London");
    const [row] = await h.db.select().from(carousels).where(eq(carousels.id, CAROUSEL));
    expect(row!.timetablesSentAt).not.toBeNull();
  });
});
