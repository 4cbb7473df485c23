// Everyone lands where their work is (issue #15 item 1): signing in through the pages takes a
// coordinator, a school, an employer, a host partner and a young person each to their own
// place; someone with several roles can switch from every staff page; a school's staff see
// their groups on "My bookings".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { SESSION_COOKIE } from "../../lib/auth";
import { cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
beforeAll(async () => {
  h = await seededHarness();
  await h.tokenFor(COORDINATOR); // the coordinator exists as a person, as after a first sign-in
});
afterAll(() => h.close());

/** Signs in through the pages as a browser would; returns where it lands and the cookie. */
async function signIn(email: string, cookie = "") {
  await submit(h, "/sign-in", cookie, { email });
  const mail = await h.mailFor(email);
  const path = new URL(/(https:\/\/opendoor\.test\/sign-in\/[A-Za-z0-9_-]+)/.exec(mail.at(-1)!.text)![1]!).pathname;
  const res = await submit(h, path, cookie, {});
  expect(res.status).toBe(303);
  const session = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(";")[0]!;
  return { location: res.headers.get("location"), cookie: session };
}

describe("landing after sign-in", () => {
  it.each([
    [COORDINATOR, "/coordinator"],
    ["j.khan@riverside.example", "/schools/org_riverside"],
    ["outreach@cityhealth.example", "/employers/org_cityhealth"],
    ["activities@oakhouse.example", "/host/org_oakhouse"],
    ["aisha@example.com", "/my"],
  ])("%s lands on %s", async (email, where) => {
    expect((await signIn(email)).location).toBe(where);
  });

  it("still brings someone back to the page they were sent to sign in from", async () => {
    expect((await signIn("activities@oakhouse.example", "od_return=/host/org_oakhouse/sessions/ses_music_today")).location).toBe("/host/org_oakhouse/sessions/ses_music_today");
  });
});

describe("switching area", () => {
  it("shows an employer that also hosts both its areas on every staff page, the current one marked", async () => {
    const { location, cookie } = await signIn("careers@northbuild.example");
    expect(location).toBe("/employers/org_northbuild");
    const employer = await (await page(h, "/employers/org_northbuild", cookie)).text();
    expect(employer).toContain('<nav aria-label="Switch area" class="areas">');
    expect(employer).toContain('<a href="/employers/org_northbuild" aria-current="page">');
    expect(employer).toContain('<a href="/host/org_northbuild">');
    const host = await (await page(h, "/host/org_northbuild?lang=pl", cookie)).text();
    expect(host).toContain('aria-label="Zmień obszar"');
    expect(host).toContain('<a href="/host/org_northbuild" aria-current="page">');
  });

  it("shows no switcher to someone with one area", async () => {
    const html = await (await page(h, "/host/org_oakhouse", (await signIn("activities@oakhouse.example")).cookie)).text();
    expect(html).not.toContain('class="areas"');
  });
});

describe("a school's groups on My bookings", () => {
  it("lists the school's groups for its staff instead of 'no bookings yet', and none to other schools", async () => {
    const khan = (await signIn("j.khan@riverside.example")).cookie;
    const booked = await submit(h, "/schools/org_riverside/groups", khan, { sessionId: "ses_nhs_1", pupils: "10", staff: "2", accessNeeds: "", roster: "" });
    expect(booked.status).toBe(303);
    const html = await (await page(h, "/my", khan)).text();
    expect(html).toContain("Riverside Academy: your school&#39;s groups");
    expect(html).toContain("10 pupils");
    expect(html).toContain('href="/schools/org_riverside"');
    expect(html).not.toContain("You have no bookings yet.");
    // Each group goes in the calendar from there too, and from its own page.
    const group = /href="\/schools\/org_riverside\/groups\/([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`href="/api/v1/bookings/${group}/invite.ics"`);
    expect(await (await page(h, `/schools/org_riverside/groups/${group}`, khan)).text()).toContain(`href="/api/v1/bookings/${group}/invite.ics"`);
    const invite = await page(h, `/api/v1/bookings/${group}/invite.ics`, khan);
    expect(invite.status).toBe(200);
    const evans = await (await page(h, "/my", await cookieFor(h, "t.evans@hillview.example"))).text();
    expect(evans).toContain("Hillview High School: your school&#39;s groups");
    expect(evans).not.toContain("10 pupils");
  });
});
