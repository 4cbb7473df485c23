import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { bookings, feedback, people } from "../../db/schema";
import { newId } from "../../lib/crypto";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { seedBooking, seedEvent, seedOrganisation, seedSession, seedWorld, staffToken, youngPerson } from "../../../test/support/attendance-fixtures";
import { toCsv } from "./csv";

let h: Harness;
const NOW = "2026-06-15T12:00:00Z";
beforeAll(async () => {
  h = await createHarness({ now: NOW });
});
afterAll(() => h.close());
beforeEach(() => h.clock.set(NOW));

const BOM = "\uFEFF";
const lines = (csv: string) => csv.replace(BOM, "").trimEnd().split("\r\n");

describe("formula injection", () => {
  it("puts an apostrophe before cells starting with = + - @ tab or CR, and leaves numbers alone", () => {
    const csv = toCsv(["cell"], [["=1+1"], ["+44"], ["-2+3"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["Amy"], [-5]]);
    expect(lines(csv)).toEqual(["cell", "'=1+1", "'+44", "'-2+3", "'@SUM(A1)", "'\tx", '"\'\rx"', "Amy", "-5"]);
  });

  it("control: without escape_formulas the same cell would start with = and run in a spreadsheet", () => {
    expect(stringify([["=1+1"]])).toBe("=1+1\n");
  });
});

describe("session attendance report", () => {
  it("lists each booking with first name, kind, seats, status and check-in time in London time", async () => {
    const w = await seedWorld(h, "sr1", "2026-06-15T09:00:00Z");
    // 09:05 UTC in June is 10:05 on London's clocks (BST).
    await h.db.update(bookings).set({ status: "attended", checkedInAt: Date.parse("2026-06-15T09:05:00Z"), checkedInCount: 1 }).where(eq(bookings.id, w.amyBooking.id));
    await h.db.update(bookings).set({ status: "attended", checkedInAt: Date.parse("2026-06-15T09:10:00Z"), checkedInCount: 11 }).where(eq(bookings.id, w.groupBooking.id));
    const res = await h.request("GET", `/api/v1/sessions/${w.session.id}/report.csv`, { token: w.tokens.host });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="attendance-${w.session.id}.csv"`);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads accents
    const csv = await res.text();
    expect(lines(csv)).toEqual([
      "First name,Kind,Pupils,Staff,Seats,Checked in (people),Status,Checked in at (London)",
      "Amy,individual,,,1,1,attended,2026-06-15 10:05",
      "Ben,individual,,,1,0,confirmed,",
      "sr1 Riverside School,group,10,2,12,11,attended,2026-06-15 10:10",
    ]);
    expect(csv).not.toContain("Jones");
    expect(csv).not.toContain("@young.test");
  });

  it("neutralises a name that is a spreadsheet formula", async () => {
    const w = await seedWorld(h, "sr2", "2026-06-15T09:00:00Z");
    await h.db.update(people).set({ displayName: '=HYPERLINK("http://evil.test","Click")' }).where(eq(people.id, w.ben.id));
    const csv = await (await h.request("GET", `/api/v1/sessions/${w.session.id}/report.csv`, { token: w.tokens.coordinator })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")",individual`);
    expect(lines(csv).some((l) => l.startsWith("=") || l.startsWith('"='))).toBe(false);
  });

  it("is refused to a school (403), another employer (403), a young person (403) and no token (401)", async () => {
    const w = await seedWorld(h, "sr3", "2026-06-15T09:00:00Z");
    for (const token of [w.tokens.school, w.tokens.otherEmployer, w.amy.token]) {
      expect((await h.request("GET", `/api/v1/sessions/${w.session.id}/report.csv`, { token })).status).toBe(403);
    }
    expect((await h.request("GET", `/api/v1/sessions/${w.session.id}/report.csv`)).status).toBe(401);
    expect((await h.request("GET", `/api/v1/sessions/ses_missing/report.csv`, { token: w.tokens.coordinator })).status).toBe(404);
  });
});

describe("programme report", () => {
  let coordinator: string;
  const names: string[] = [];

  beforeAll(async () => {
    coordinator = await h.tokenFor(COORDINATOR);
    const host = await seedOrganisation(h, "employer", "Programme Host");
    const school = await seedOrganisation(h, "school", "Programme School");
    await staffToken(h, school, "pr-teacher@school.test", "Mr Teacher");
    const teacher = (await h.db.select().from(people).where(eq(people.email, "pr-teacher@school.test")))[0]!.id;
    const person = async (name: string) => {
      names.push(name);
      return (await youngPerson(h, `pr-${name.toLowerCase()}@young.test`, `${name} Surname`)).id;
    };
    const taster = await seedEvent(h, host, { type: "career_taster" });
    const cv = await seedEvent(h, host, { type: "cv_workshop" });
    const community = await seedEvent(h, host, { type: "community_event" });

    // 7 April 10:00 London (BST).
    const s1 = await seedSession(h, taster, "2026-04-07T09:00:00Z");
    const amy = await seedBooking(h, s1, { personId: await person("Amyx"), status: "attended" });
    await h.db.update(bookings).set({ checkedInCount: 1 }).where(eq(bookings.id, amy.id));
    await seedBooking(h, s1, { personId: await person("Benx"), status: "no_show" });
    await seedBooking(h, s1, { personId: await person("Danx"), status: "cancelled" });
    const group = await seedBooking(h, s1, { personId: teacher, kind: "group", organisationId: school, pupils: 10, staff: 2, status: "attended" });
    await h.db.update(bookings).set({ checkedInCount: 11 }).where(eq(bookings.id, group.id));
    await seedBooking(h, s1, { personId: await person("Wayx"), status: "waitlisted" });

    const s2 = await seedSession(h, cv, "2026-04-08T09:00:00Z");
    const eve = await seedBooking(h, s2, { personId: await person("Evex"), status: "attended" });
    await h.db.update(bookings).set({ checkedInCount: 1 }).where(eq(bookings.id, eve.id));

    // London-date edges: 00:30 on 6 April is 5 April in UTC (in); 00:30 on 11 April is 10 April in UTC (out).
    const early = await seedSession(h, community, "2026-04-05T23:30:00Z");
    await seedBooking(h, early, { personId: await person("Fayx"), status: "attended" });
    const late = await seedSession(h, community, "2026-04-10T23:30:00Z");
    await seedBooking(h, late, { personId: await person("Gusx"), status: "attended" });

    await h.db.insert(feedback).values([
      { id: newId("fbk"), bookingId: amy.id, eventId: taster, rating: 5, whatWorked: "=cmd|' /C calc'!A0", anonymous: false },
      { id: newId("fbk"), bookingId: eve.id, eventId: cv, rating: 4, couldBeBetter: "Secret comment" },
    ]);
  });

  it("gives coordinators figures by event type for London dates, with an all row", async () => {
    const res = await h.request("GET", "/api/v1/reports/programme.csv?from=2026-04-06&to=2026-04-10", { token: coordinator });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("programme-2026-04-06-to-2026-04-10.csv");
    expect(lines(await res.text())).toEqual([
      "Event type,Sessions,Bookings,Individual bookings,Group bookings,Seats booked,Attended,No-shows,Attendance rate (%),No-show rate (%),Seats checked in,Cancelled,Feedback given,Average rating",
      "career_taster,1,3,2,1,14,2,1,66.7,33.3,12,1,1,5.00",
      "cv_workshop,1,1,1,0,1,1,0,100.0,0.0,1,0,1,4.00",
      "interview_skills,0,0,0,0,0,0,0,,,0,0,0,",
      "budgeting,0,0,0,0,0,0,0,,,0,0,0,",
      "intergenerational,0,0,0,0,0,0,0,,,0,0,0,",
      "community_event,1,1,1,0,1,1,0,100.0,0.0,0,0,0,",
      "co_production,0,0,0,0,0,0,0,,,0,0,0,",
      "all,3,5,4,1,16,4,1,80.0,20.0,13,1,2,4.50",
    ]);
  });

  it("contains no personal data: no names, emails, ids or comments", async () => {
    const csv = await (await h.request("GET", "/api/v1/reports/programme.csv?from=2026-04-01&to=2026-04-30", { token: coordinator })).text();
    for (const fragment of [...names, "Surname", "@", "bkg_", "ses_", "evt_", "Secret comment", "calc", "Programme School", "Programme Host"]) {
      expect(csv).not.toContain(fragment);
    }
  });

  it("checks the dates, naming the field", async () => {
    const backwards = await h.request("GET", "/api/v1/reports/programme.csv?from=2026-04-10&to=2026-04-01", { token: coordinator });
    expect(backwards.status).toBe(400);
    expect((await problem(backwards)).errors?.map((e) => e.path)).toEqual(["to"]);
    const bad = await h.request("GET", "/api/v1/reports/programme.csv?from=April&to=2026-04-01", { token: coordinator });
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.map((e) => e.path)).toEqual(["from"]);
  });

  it("is for coordinators only: a host gets 403, no token 401", async () => {
    const w = await seedWorld(h, "pr9", "2026-06-15T09:00:00Z");
    expect((await h.request("GET", "/api/v1/reports/programme.csv?from=2026-04-01&to=2026-04-30", { token: w.tokens.host })).status).toBe(403);
    expect((await h.request("GET", "/api/v1/reports/programme.csv?from=2026-04-01&to=2026-04-30")).status).toBe(401);
  });
});
