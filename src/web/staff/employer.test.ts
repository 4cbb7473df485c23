import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mentoringSlots, mentors } from "../../db/schema";
import type { Harness } from "../../../test/support/harness";
import { bytes, cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
let northbuild: string;
let cityhealth: string;
beforeAll(async () => {
  h = await seededHarness();
  northbuild = await cookieFor(h, "careers@northbuild.example");
  cityhealth = await cookieFor(h, "outreach@cityhealth.example");
});
afterAll(() => h.close());

const slotsOf = (mentorId: string) => h.db.select().from(mentoringSlots).where(eq(mentoringSlots.mentorId, mentorId));

describe("the employer area", () => {
  it("lists the employer's own mentors with their DBS status, read-only", async () => {
    const res = await page(h, "/employers/org_northbuild", northbuild);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Dee, site manager");
    expect(html).toContain("Checked, valid until");
    expect(html).not.toContain("Priya");
    expect(html).not.toContain("verification");
    const brightbank = await (await page(h, "/employers/org_brightbank", await cookieFor(h, "community@brightbank.example"))).text();
    expect(brightbank).toContain("Not checked yet");
  });

  it("does not open an employer's area, mentors or slots to another employer", async () => {
    expect((await page(h, "/employers/org_northbuild", cityhealth)).status).toBe(404);
    expect((await page(h, "/employers/org_northbuild/mentors/mtr_dee", cityhealth)).status).toBe(404);
    expect((await page(h, "/employers/org_cityhealth/mentors/mtr_dee", cityhealth)).status).toBe(404);
    expect((await page(h, "/employers/org_riverside", await cookieFor(h, "j.khan@riverside.example"))).status).toBe(404);
    expect((await page(h, "/employers/org_northbuild")).status).toBe(303);
  });

  it("adds a mentor, and names the fields that are wrong", async () => {
    const bad = await submit(h, "/employers/org_northbuild/mentors", northbuild, { displayName: "", email: "not an email", sector: "construction", bio: "", bio_pl: "Elektryk", languages: "english" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    // A Polish bio without the English one is refused beside the English box, the Polish kept as typed.
    for (const field of ["displayName", "email", "languages", "bio"]) expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    expect(html).toMatch(/<textarea[^>]*id="bio_pl"[^>]*lang="pl"[^>]*>Elektryk<\/textarea>/);
    const res = await submit(h, "/employers/org_northbuild/mentors", northbuild, { displayName: "Sam, electrician", email: "sam@northbuild.example", sector: "construction", bio: "Ask me about electrical apprenticeships.", bio_pl: "Zapytaj mnie o praktyki elektryka.", bio_ar: "", languages: "en, pl" });
    expect(res.status).toBe(303);
    const [sam] = await h.db.select().from(mentors).where(eq(mentors.email, "sam@northbuild.example"));
    expect(sam).toMatchObject({ organisationId: "org_northbuild", languages: ["en", "pl"], dbsCheckedOn: null, bio: { en: "Ask me about electrical apprenticeships.", pl: "Zapytaj mnie o praktyki elektryka." } });
    expect(await (await page(h, res.headers.get("location")!, northbuild)).text()).toContain("Sam, electrician");
  });

  it("adds a weekly series of slots at the same London time, and a single slot", async () => {
    const before = (await slotsOf("mtr_dee")).length;
    const series = await submit(h, "/employers/org_northbuild/mentors/mtr_dee/slots", northbuild, { mode: "online", meetingUrl: "https://meet.example/dee", start: "2026-03-23T18:00", durationMinutes: "45", weeks: "3" });
    expect(series.status).toBe(303);
    expect(series.headers.get("location")).toBe("/employers/org_northbuild/mentors/mtr_dee?added=3");
    const added = (await slotsOf("mtr_dee")).filter((s) => s.meetingUrl === "https://meet.example/dee").sort((a, b) => a.startsAt - b.startsAt);
    // 18:00 in London is 18:00Z before the clocks change on 29 March, 17:00Z after.
    expect(added.map((s) => new Date(s.startsAt).toISOString())).toEqual(["2026-03-23T18:00:00.000Z", "2026-03-30T17:00:00.000Z", "2026-04-06T17:00:00.000Z"]);
    const single = await submit(h, "/employers/org_northbuild/mentors/mtr_dee/slots", northbuild, { mode: "in_person", venueId: "ven_northbuild", start: "2026-04-20T16:00", durationMinutes: "30", weeks: "1" });
    expect(single.status).toBe(303);
    expect((await slotsOf("mtr_dee")).length).toBe(before + 4);
    const html = await (await page(h, "/employers/org_northbuild/mentors/mtr_dee?added=3", northbuild)).text();
    expect(html).toContain("3 slots added.");
    expect(bytes(html)).toBeLessThan(60 * 1024);
  });

  it("refuses a slot with no link, in the past, or clashing with the mentor's own, next to the field", async () => {
    const noLink = await submit(h, "/employers/org_northbuild/mentors/mtr_dee/slots", northbuild, { mode: "online", meetingUrl: "", start: "2026-04-27T16:00", durationMinutes: "30", weeks: "1" });
    expect(noLink.status).toBe(400);
    expect(await noLink.text()).toMatch(/id="meetingUrl"[^>]*aria-invalid="true"/);
    const past = await submit(h, "/employers/org_northbuild/mentors/mtr_dee/slots", northbuild, { mode: "online", meetingUrl: "https://meet.example/x", start: "2026-01-01T10:00", durationMinutes: "30", weeks: "1" });
    expect(past.status).toBe(400);
    expect(await past.text()).toMatch(/id="start"[^>]*aria-invalid="true"/);
    const clash = await submit(h, "/employers/org_northbuild/mentors/mtr_dee/slots", northbuild, { mode: "online", meetingUrl: "https://meet.example/x", start: "2026-03-23T18:15", durationMinutes: "30", weeks: "1" });
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain("This mentor already has a slot at that time.");
  });

  it("withdraws its own slot, and not another employer's", async () => {
    const refused = await submit(h, "/employers/org_cityhealth/slots/slt_dee_1/withdraw", cityhealth, {});
    expect(refused.status).toBe(404);
    const viaTheirs = await submit(h, "/employers/org_northbuild/slots/slt_dee_1/withdraw", cityhealth, {});
    expect(viaTheirs.status).toBe(404);
    expect((await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, "slt_dee_1")))[0]!.status).toBe("open");
    const res = await submit(h, "/employers/org_northbuild/slots/slt_dee_1/withdraw", northbuild, {});
    expect(res.status).toBe(303);
    expect((await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, "slt_dee_1")))[0]!.status).toBe("withdrawn");
    expect(await (await page(h, res.headers.get("location")!, northbuild)).text()).toContain("The slot is withdrawn.");
  });

  it("refuses employer forms posted from another website (CSRF)", async () => {
    const res = await submit(h, "/employers/org_northbuild/slots/slt_dee_2/withdraw", northbuild, {}, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const mentor = await submit(h, "/employers/org_northbuild/mentors", northbuild, { displayName: "X", email: "x@evil.example", sector: "x" }, { "sec-fetch-site": "cross-site" });
    expect(mentor.status).toBe(403);
    expect((await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, "slt_dee_2")))[0]!.status).toBe("open");
    expect(await h.db.select().from(mentors).where(eq(mentors.email, "x@evil.example"))).toEqual([]);
  });
});
