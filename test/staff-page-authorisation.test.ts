// Every staff page and form, walked for authorisation the way owasp-object-authorisation.test.ts
// walks the API (issue #15): the routes come from the Hono app itself, so a new page is walked
// the day it is added. For each one: someone who does not act for the organisation in the path,
// and someone acting for their own organisation with another's object in it (another host's
// session, another school's group, another employer's slot or mentor), get 403 or 404, never a
// page or a change; coordinator pages answer 403 to everyone else. The control: the owner of
// the same objects gets the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COORDINATOR, type Harness } from "./support/harness";
import { cookieFor, page, seededHarness, submit } from "../src/web/staff/test-support";

let h: Harness;
const cookies: Record<string, string> = {};
let riversideGroup = "";

const WHO = {
  khan: "j.khan@riverside.example",
  evans: "t.evans@hillview.example",
  northbuild: "careers@northbuild.example",
  cityhealth: "outreach@cityhealth.example",
  oak: "activities@oakhouse.example",
  coordinator: COORDINATOR,
} as const;

beforeAll(async () => {
  h = await seededHarness();
  for (const [k, email] of Object.entries(WHO)) cookies[k] = await cookieFor(h, email);
  expect((await submit(h, "/schools/org_riverside/groups", cookies.khan!, { sessionId: "ses_nhs_1", pupils: "10", staff: "2", accessNeeds: "", roster: "" })).status).toBe(303);
  const html = await (await page(h, "/schools/org_riverside", cookies.khan!)).text();
  riversideGroup = /\/schools\/org_riverside\/groups\/(bkg_[^"/]+)"/.exec(html)![1]!;
});
afterAll(() => h.close());

type Area = "schools" | "employers" | "host" | "organisations";
/** Per area: whose objects are in the path (the owner), who tries from outside, and who tries from inside their own organisation. */
const AREAS: Record<Area, { victimOrg: string; owner: keyof typeof WHO; outsider: keyof typeof WHO; insiderOrg: string; insider: keyof typeof WHO }> = {
  schools: { victimOrg: "org_riverside", owner: "khan", outsider: "evans", insiderOrg: "org_hillview", insider: "evans" },
  employers: { victimOrg: "org_northbuild", owner: "northbuild", outsider: "cityhealth", insiderOrg: "org_cityhealth", insider: "cityhealth" },
  host: { victimOrg: "org_oakhouse", owner: "oak", outsider: "northbuild", insiderOrg: "org_northbuild", insider: "northbuild" },
  organisations: { victimOrg: "org_riverside", owner: "khan", outsider: "evans", insiderOrg: "org_hillview", insider: "evans" },
};

/** The victim's object for each path parameter; a name not listed fails the walk, so a new route is thought about. */
const objectFor = (name: string): string | undefined =>
  ({
    bookingId: riversideGroup,
    mentorId: "mtr_dee",
    slotId: "slt_dee_1",
    id: "ses_music_today",
    contributorId: "tbc_missing",
    offerId: "tbo_missing",
    webhookId: "whk_missing",
    deliveryId: "whd_missing",
    keyId: "key_missing",
    groupId: "cgr_demo_riverside_9",
  })[name];

const fill = (path: string, orgId: string, area: Area) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === "orgId" || (area === "organisations" && name === "id")) return orgId;
    const value = objectFor(name);
    if (value === undefined) throw new Error(`no object for :${name} in ${path}: add it to the walk`);
    return value;
  });

const staffRoutes = () => {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of h.app.routes) {
    if (!/^\/(schools|employers|host|coordinator|organisations)\//.test(r.path) || r.path.includes("*") || !["GET", "POST"].includes(r.method)) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
};

const hit = (method: string, path: string, who: keyof typeof WHO) => (method === "GET" ? page(h, path, cookies[who]) : submit(h, path, cookies[who]!, {}));

describe("every staff page and form, walked for authorisation", () => {
  it("finds the staff routes in the app (a hand list would go stale)", () => {
    const routes = staffRoutes();
    expect(routes.length).toBeGreaterThan(60);
    for (const area of ["/schools/", "/employers/", "/host/", "/coordinator/", "/organisations/"]) expect(routes.some((r) => r.path.startsWith(area)), area).toBe(true);
  });

  it("refuses every coordinator page and form to a school's, an employer's and a host's staff", async () => {
    const refused: string[] = [];
    for (const r of staffRoutes().filter((r) => r.path.startsWith("/coordinator/"))) {
      const path = r.path.replace(/:(\w+)/g, "x_missing");
      for (const who of ["evans", "northbuild", "oak"] as const) {
        const res = await hit(r.method, path, who);
        if (res.status !== 403) refused.push(`${who} ${r.method} ${path} → ${res.status}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("answers 403 or 404 to someone from another organisation, and to their own area with another's object in it", async () => {
    const leaks: string[] = [];
    let tried = 0;
    for (const r of staffRoutes()) {
      const area = r.path.split("/")[1] as Area;
      const a = AREAS[area];
      if (!a) continue;
      const attempts = [{ path: fill(r.path, a.victimOrg, area), who: a.outsider }];
      // Only paths that name an object besides the organisation can put another's object in one's own area.
      if ((r.path.match(/:\w+/g) ?? []).length > 1) attempts.push({ path: fill(r.path, a.insiderOrg, area), who: a.insider });
      for (const { path, who } of attempts) {
        tried++;
        const res = await hit(r.method, path, who);
        if (res.status !== 403 && res.status !== 404) leaks.push(`${who} ${r.method} ${path} → ${res.status}`);
      }
    }
    expect(tried).toBeGreaterThan(40);
    expect(leaks).toEqual([]);
  });

  it("control: the owner of the same objects gets each page (the walk above is not refusing everyone)", async () => {
    const denied: string[] = [];
    let shown = 0;
    for (const r of staffRoutes().filter((r) => r.method === "GET")) {
      const area = r.path.split("/")[1] as Area;
      const a = AREAS[area];
      if (!a) continue;
      const path = fill(r.path, a.victimOrg, area);
      // Placeholder objects do not exist for anyone; pages naming them are left to the walk above.
      if (path.includes("_missing")) continue;
      const res = await hit("GET", path, a.owner);
      if (res.status === 403 || res.status === 404) denied.push(`${a.owner} GET ${path} → ${res.status}`);
      else shown++;
    }
    expect(denied).toEqual([]);
    expect(shown).toBeGreaterThan(10);
    // And a coordinator gets the coordinator area.
    expect((await page(h, "/coordinator/dashboard", cookies.coordinator)).status).toBe(200);
  });
});
