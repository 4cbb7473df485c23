// The timebank on the website, on the demo data: each door for the person whose job it is, with
// the API's rules and words. Hosts record and confirm contributors (credited in the
// confirmation's write); partners manage offers; people spend hours, refused when short;
// coordinators correct entries (a reversal with an audit row), read the months and edit the
// careers rules; a school's careers lead reads and downloads the evidence, another school gets 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, careersRules, contributors, timebankEntries, timebankOffers } from "../../db/schema";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { cookieFor, page, seededHarness, submit } from "../staff/test-support";

let h: Harness;
const who = {} as Record<"oak" | "northbuild" | "coordinator" | "riverside" | "hillview" | "jordan", string>;
beforeAll(async () => {
  h = await seededHarness();
  for (const [name, email] of [
    ["oak", "activities@oakhouse.example"],
    ["northbuild", "careers@northbuild.example"],
    ["coordinator", COORDINATOR],
    ["riverside", "j.khan@riverside.example"],
    ["hillview", "t.evans@hillview.example"],
    ["jordan", "jordan@example.com"],
  ] as const)
    who[name] = await cookieFor(h, email);
});
afterAll(() => h.close());

const GARDEN = "/host/org_oakhouse/sessions/ses_past_garden/contributors";
const entriesOf = (contributorId: string) => h.db.select().from(timebankEntries).where(eq(timebankEntries.contributorId, contributorId));

describe("who gave time at a session (hosts and coordinators)", () => {
  it("Oak House records a resident, confirms them after the session, and the credit is written once however often it is sent", async () => {
    const html = await (await page(h, "/host/org_oakhouse/sessions/ses_past_garden", who.oak)).text();
    expect(html).toContain(`href="${GARDEN}"`);
    const added = await submit(h, GARDEN, who.oak, { name: "Winifred", role: "resident", organisationName: "Oak House Care Home", email: "" });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe(`${GARDEN}?done=added`);
    const [row] = await h.db.select().from(contributors).where(eq(contributors.name, "Winifred"));
    expect(row!.confirmedAt).toBeNull();
    const listed = await (await page(h, `${GARDEN}?done=added`, who.oak)).text();
    expect(listed).toContain("Winifred");
    expect(listed).toContain(`action="${GARDEN}/${row!.id}/confirm"`);
    expect(listed).toContain(`action="${GARDEN}/ctb_demo_bill/confirm"`); // the demo's helper still to confirm

    const twice = await Promise.all([submit(h, `${GARDEN}/${row!.id}/confirm`, who.oak, { minutes: "75" }), submit(h, `${GARDEN}/${row!.id}/confirm`, who.oak, { minutes: "75" })]);
    expect(twice.map((r) => r.headers.get("location")).sort()).toEqual([`${GARDEN}?done=again`, `${GARDEN}?done=confirmed`]);
    const entries = await entriesOf(row!.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.minutes).toBe(75);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.action, "timebank.contribution.confirmed"), eq(auditLog.subjectId, row!.id)))).toHaveLength(1);
    expect(await (await page(h, `${GARDEN}?done=confirmed`, who.oak)).text()).toContain("1.25 hours, confirmed");
  });

  it("refuses a bad form in the page's words, another host's staff (404) and another site's post", async () => {
    const bad = await submit(h, `${GARDEN}?lang=pl`, who.oak, { name: "", role: "resident", organisationName: "", email: "not-an-email" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Wpisz imię");
    expect(html).toContain("Wpisz adres e-mail");
    expect((await page(h, GARDEN, who.northbuild)).status).toBe(404);
    expect((await submit(h, GARDEN, who.northbuild, { name: "X", role: "resident" })).status).toBe(404);
    // Northbuild's own area does not reach Oak House's session either.
    expect((await page(h, "/host/org_northbuild/sessions/ses_past_garden/contributors", who.northbuild)).status).toBe(404);
    expect((await submit(h, `${GARDEN}/ctb_demo_maureen/confirm`, who.oak, {})).status).toBe(404); // another session's contributor
    expect((await submit(h, GARDEN, who.oak, { name: "X", role: "resident" }, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("a session not yet over cannot be confirmed: the page says so, and a coordinator works the same door", async () => {
    const today = "/host/org_oakhouse/sessions/ses_music_today/contributors";
    expect((await submit(h, today, who.coordinator, { name: "Ray", role: "community_volunteer" })).status).toBe(303);
    const [ray] = await h.db.select().from(contributors).where(eq(contributors.name, "Ray"));
    expect(await (await page(h, "/coordinator/sessions/ses_music_today", who.coordinator)).text()).toContain(`href="${today}"`);
    const early = await submit(h, `${today}/${ray!.id}/confirm`, who.coordinator, {});
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("Time can be confirmed once the session has ended");
    expect(await entriesOf(ray!.id)).toHaveLength(0);
  });
});

describe("offers and spending hours", () => {
  it("a partner offers and withdraws its own offers only; a young person spends hours and is refused clearly when short", async () => {
    const made = await submit(h, "/host/org_northbuild/offers", who.northbuild, { title: "A week on site", description: "Shadow a site manager.", costHours: "100" });
    expect(made.status).toBe(303);
    const [big] = await h.db.select().from(timebankOffers).where(eq(timebankOffers.title, "A week on site"));
    expect(big!.costMinutes).toBe(6000);
    expect(await (await page(h, "/employers/org_northbuild", who.northbuild)).text()).toContain('href="/host/org_northbuild/offers"');
    const area = await (await page(h, "/host/org_northbuild/offers", who.northbuild)).text();
    expect(area).toContain("A week on site");
    expect(area).toContain("Hours by month");
    expect((await submit(h, "/host/org_northbuild/offers", who.northbuild, { title: "x", costHours: "0.1" })).status).toBe(400);
    expect((await submit(h, `/host/org_oakhouse/offers/${big!.id}/withdraw`, who.oak, {})).status).toBe(404);
    expect((await page(h, "/host/org_northbuild/offers", who.oak)).status).toBe(404);

    const mine = await (await page(h, "/my/timebank", who.jordan)).text();
    expect(mine).toContain("You have 13 hours to spend.");
    expect(mine).toContain("A week on site");
    const short = await submit(h, `/my/timebank/offers/${big!.id}/redeem`, who.jordan, {});
    expect(short.status).toBe(409);
    expect(await short.text()).toContain("This costs 100 hours and you have 13.");
    const spent = await submit(h, "/my/timebank/offers/tbo_demo_mentor/redeem", who.jordan, {});
    expect(spent.headers.get("location")).toBe("/my/timebank?done=redeemed");
    expect(await (await page(h, "/my/timebank", who.jordan)).text()).toContain("You have 12 hours to spend.");

    expect((await submit(h, `/host/org_northbuild/offers/${big!.id}/withdraw`, who.northbuild, {})).status).toBe(303);
    expect((await h.db.select().from(timebankOffers).where(eq(timebankOffers.id, big!.id)))[0]!.status).toBe("withdrawn");
    expect((await page(h, "/my/timebank")).status).toBe(303);
  });
});

describe("the coordinators' ledger", () => {
  it("shows the programme by London month and per person, reverses an entry once with its reason and an audit row; others get 403", async () => {
    const html = await (await page(h, "/coordinator/timebank", who.coordinator)).text();
    expect(html).toContain("Hours by month");
    expect(html).toContain("Hours per person");
    expect(html).toContain('href="/coordinator/timebank/entries/tbe_demo_demo_maureen"');
    expect((await page(h, "/coordinator/timebank", who.oak)).status).toBe(403);
    expect((await page(h, "/coordinator/timebank/entries/tbe_demo_demo_maureen", who.oak)).status).toBe(403);
    expect((await submit(h, "/coordinator/timebank/entries/tbe_demo_demo_maureen", who.oak, { note: "mine now" })).status).toBe(403);

    expect((await submit(h, "/coordinator/timebank/entries/tbe_demo_demo_maureen", who.coordinator, { note: "" })).status).toBe(400);
    const done = await submit(h, "/coordinator/timebank/entries/tbe_demo_demo_maureen", who.coordinator, { note: "Maureen came to the next session instead" });
    expect(done.headers.get("location")).toBe("/coordinator/timebank?done=reversed");
    const [reversal] = await h.db.select().from(timebankEntries).where(eq(timebankEntries.reversesId, "tbe_demo_demo_maureen"));
    expect(reversal!.note).toBe("Maureen came to the next session instead");
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.action, "timebank.entry.reversed"), eq(auditLog.subjectId, "tbe_demo_demo_maureen")))).toHaveLength(1);
    const again = await submit(h, "/coordinator/timebank/entries/tbe_demo_demo_maureen", who.coordinator, { note: "once more" });
    expect(again.status).toBe(409);
    expect(await h.db.select().from(timebankEntries).where(eq(timebankEntries.reversesId, "tbe_demo_demo_maureen"))).toHaveLength(1);
    expect((await page(h, "/coordinator/timebank/entries/tbe_nope", who.coordinator)).status).toBe(404);
  });

  it("edits the careers rules on the website (coordinators only)", async () => {
    const before = (await h.db.select().from(careersRules)).length;
    expect((await submit(h, "/coordinator/timebank/careers-rules", who.coordinator, { benchmark: "gatsby5", eventType: "", hostOrganisationId: "" })).status).toBe(400);
    expect((await submit(h, "/coordinator/timebank/careers-rules", who.riverside, { benchmark: "gatsby5", eventType: "cv_workshop" })).status).toBe(403);
    expect((await submit(h, "/coordinator/timebank/careers-rules", who.coordinator, { benchmark: "gatsby5", eventType: "", hostOrganisationId: "org_oakhouse" })).status).toBe(303);
    const rules = await h.db.select().from(careersRules).where(eq(careersRules.hostOrganisationId, "org_oakhouse"));
    expect(rules).toHaveLength(1);
    expect((await submit(h, `/coordinator/timebank/careers-rules/${rules[0]!.id}/remove`, who.riverside, {})).status).toBe(403);
    expect((await submit(h, `/coordinator/timebank/careers-rules/${rules[0]!.id}/remove`, who.coordinator, {})).status).toBe(303);
    expect(await h.db.select().from(careersRules)).toHaveLength(before);
  });
});

describe("a school's careers evidence", () => {
  it("the careers lead reads each pupil's encounters and downloads the API's CSV; another school's staff get 403", async () => {
    const school = await (await page(h, "/schools/org_riverside", who.riverside)).text();
    expect(school).toContain('href="/schools/org_riverside/careers"');
    const res = await page(h, "/schools/org_riverside/careers", who.riverside);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Amara K");
    expect(html).toContain('href="/schools/org_riverside/careers.csv"');
    const csv = await page(h, "/schools/org_riverside/careers.csv", who.riverside);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split(/\r?\n/)[0]).toBe("pupil,date,activity,activity_type,host_organisation,gatsby_benchmark,group_booking_id");
    expect(text).toContain("Amara K");
    expect(text).not.toContain("Grace O");
    for (const path of ["/schools/org_riverside/careers", "/schools/org_riverside/careers.csv"]) {
      expect((await page(h, path, who.hillview)).status).toBe(403);
      expect((await page(h, path, who.northbuild)).status).toBe(403);
    }
    expect((await page(h, "/schools/org_northbuild/careers", who.coordinator)).status).toBe(404);
  });
});
