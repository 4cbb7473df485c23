// The coordinators' administration pages: venues, organisations with their staff and API keys,
// DBS checks. Each change goes through the API's verb and leaves its audit row; nobody but a
// coordinator reaches any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { apiKeys, auditLog, mentoringSlots, mentors, organisations, venues } from "../../db/schema";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await seededHarness();
  coordinator = await cookieFor(h, COORDINATOR);
});
afterAll(() => h.close());

const auditOf = (action: string, subjectId?: string) =>
  h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), subjectId ? eq(auditLog.subjectId, subjectId) : undefined));

const PAGES = ["/coordinator/venues", "/coordinator/venues/ven_x", "/coordinator/organisations", "/coordinator/organisations/org_riverside", "/coordinator/mentors"];
const POSTS: [string, Record<string, string>][] = [
  ["/coordinator/venues", { name: "Sneaky Hall", address: "1 Road", postcode: "SE1 7PB" }],
  ["/coordinator/organisations", { type: "school", name: "Sneaky School" }],
  ["/coordinator/organisations/org_riverside/staff", { displayName: "Intruder", email: "intruder@example.com" }],
  ["/coordinator/organisations/org_riverside/api-keys", { keyName: "mine now" }],
  ["/coordinator/mentors/mtr_tom/dbs", { checkedOn: "2026-01-01", expiresOn: "2029-01-01", certificateLast4: "1234" }],
];

describe("who may use the administration pages", () => {
  it("answers 403 to young people and to school and employer staff, and changes nothing", async () => {
    const before = (await h.db.select().from(auditLog)).length;
    for (const email of ["aisha@example.com", "j.khan@riverside.example", "careers@northbuild.example"]) {
      const cookie = await cookieFor(h, email);
      for (const path of PAGES) expect((await page(h, path, cookie)).status, `${email} ${path}`).toBe(403);
      for (const [path, fields] of POSTS) expect((await submit(h, path, cookie, fields)).status, `${email} POST ${path}`).toBe(403);
    }
    expect((await h.db.select().from(organisations).where(eq(organisations.name, "Sneaky School"))).length).toBe(0);
    expect((await h.db.select().from(auditLog)).length).toBe(before);
  });

  it("sends signed-out visitors to sign in, and refuses a coordinator's form posted from another site", async () => {
    expect((await page(h, "/coordinator/venues")).status).toBe(303);
    const res = await submit(h, "/coordinator/organisations", coordinator, { type: "school", name: "Cross Site School" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await h.db.select().from(organisations).where(eq(organisations.name, "Cross Site School"))).length).toBe(0);
  });
});

describe("venues", () => {
  it("adds a venue with its access facts, recorded in the audit log, and lists it", async () => {
    const res = await submit(h, "/coordinator/venues", coordinator, { name: "Oak Library", address: "2 Oak Street, London", postcode: "SE5 8AB", organisationId: "", stepFree: "1", hearingLoop: "1", publicTransport: "Bus 12 to Oak Street" });
    expect(res.status).toBe(303);
    const [venue] = await h.db.select().from(venues).where(eq(venues.name, "Oak Library"));
    expect(venue).toMatchObject({ stepFree: true, hearingLoop: true, quietRoom: false, organisationId: null, publicTransport: "Bus 12 to Oak Street" });
    expect(await auditOf("venue.created", venue!.id)).toHaveLength(1);
    const list = await (await page(h, "/coordinator/venues?done=added", coordinator)).text();
    expect(list).toContain("The venue is added.");
    expect(list).toContain("Oak Library");
  });

  it("changes a venue's facts through the same verb as PATCH /venues/{id}", async () => {
    const [venue] = await h.db.select().from(venues).where(eq(venues.name, "Oak Library"));
    const res = await submit(h, `/coordinator/venues/${venue!.id}`, coordinator, { name: "Oak Library", address: "2 Oak Street, London", postcode: "SE5 8AB", quietRoom: "1" });
    expect(res.status).toBe(303);
    const [after] = await h.db.select().from(venues).where(eq(venues.id, venue!.id));
    expect(after).toMatchObject({ stepFree: false, quietRoom: true, publicTransport: "" });
    const [entry] = await auditOf("venue.changed", venue!.id);
    expect(entry!.detail).toMatchObject({ fields: expect.arrayContaining(["quietRoom", "stepFree"]) });
  });

  it("names a bad postcode next to its field, in the page's language, and adds nothing", async () => {
    const res = await submit(h, "/coordinator/venues?lang=pl", coordinator, { name: "Nowhere", address: "1 Road", postcode: "not a postcode" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#postcode"');
    expect(html).toContain('aria-invalid="true"');
    expect((await h.db.select().from(venues).where(eq(venues.name, "Nowhere"))).length).toBe(0);
  });

  it("answers 404 for a venue that does not exist", async () => {
    expect((await page(h, "/coordinator/venues/ven_nope", coordinator)).status).toBe(404);
    expect((await submit(h, "/coordinator/venues/ven_nope", coordinator, { name: "X Hall", address: "1 Road", postcode: "SE1 7PB" })).status).toBe(404);
  });
});

describe("organisations and their staff", () => {
  it("adds an organisation and a member of staff, who then signs in to it", async () => {
    const res = await submit(h, "/coordinator/organisations", coordinator, { type: "school", name: "Elm Court Primary", contactEmail: "" });
    expect(res.status).toBe(303);
    const [org] = await h.db.select().from(organisations).where(eq(organisations.name, "Elm Court Primary"));
    expect(res.headers.get("location")).toBe(`/coordinator/organisations/${org!.id}?done=added`);
    expect(await auditOf("organisation.created", org!.id)).toHaveLength(1);

    const added = await submit(h, `/coordinator/organisations/${org!.id}/staff`, coordinator, { displayName: "Mrs Okafor", email: "Okafor@ElmCourt.example" });
    expect(added.status).toBe(303);
    const again = await submit(h, `/coordinator/organisations/${org!.id}/staff`, coordinator, { displayName: "Mrs Okafor", email: "okafor@elmcourt.example" });
    expect(again.status).toBe(303);
    // Added once: one membership, one audit row.
    expect(await auditOf("organisation.member_added", org!.id)).toHaveLength(1);
    const orgPage = await (await page(h, `/coordinator/organisations/${org!.id}`, coordinator)).text();
    expect(orgPage).toContain("Mrs Okafor");
    expect(orgPage).toContain("okafor@elmcourt.example");

    const staff = await cookieFor(h, "okafor@elmcourt.example");
    const me = await (await page(h, "/staff", staff)).text();
    expect(me).toContain(`href="/schools/${org!.id}"`);
    expect((await page(h, `/schools/${org!.id}`, staff)).status).toBe(200);
  });

  it("refuses an organisation with no name or an unknown kind, naming the fields", async () => {
    const res = await submit(h, "/coordinator/organisations", coordinator, { type: "club", name: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#type"');
    expect(html).toContain('href="#name"');
  });
});

describe("API keys", () => {
  it("shows a new key once, privately; it works until revoked from the page; both are audited", async () => {
    const res = await submit(h, "/coordinator/organisations/org_riverside/api-keys", coordinator, { keyName: "MIS sync" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const html = await res.text();
    const key = /od_k_[A-Za-z0-9_-]+/.exec(html)![0];
    expect((await h.request("GET", "/api/v1/organisations", { token: key })).status).toBe(200);
    const [row] = await h.db.select().from(apiKeys).where(and(eq(apiKeys.organisationId, "org_riverside"), eq(apiKeys.name, "MIS sync")));
    expect(await auditOf("api_key.created", "org_riverside")).toHaveLength(1);

    const later = await (await page(h, "/coordinator/organisations/org_riverside", coordinator)).text();
    expect(later).not.toContain(key);
    expect(later).toContain(row!.prefix);

    expect((await submit(h, `/coordinator/organisations/org_riverside/api-keys/${row!.id}/revoke`, coordinator, {})).status).toBe(303);
    expect((await h.request("GET", "/api/v1/organisations", { token: key })).status).toBe(401);
    // A second click revokes nothing more and records nothing more.
    expect((await submit(h, `/coordinator/organisations/org_riverside/api-keys/${row!.id}/revoke`, coordinator, {})).status).toBe(404);
    expect(await auditOf("api_key.revoked", "org_riverside")).toHaveLength(1);
  });

  it("does not revoke another organisation's key named under this one", async () => {
    const res = await submit(h, "/coordinator/organisations/org_hillview/api-keys", coordinator, { keyName: "Hillview feed" });
    const key = /od_k_[A-Za-z0-9_-]+/.exec(await res.text())![0];
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.name, "Hillview feed"));
    expect((await submit(h, `/coordinator/organisations/org_riverside/api-keys/${row!.id}/revoke`, coordinator, {})).status).toBe(404);
    expect((await h.request("GET", "/api/v1/organisations", { token: key })).status).toBe(200);
  });
});

describe("DBS checks", () => {
  it("a recorded check makes the mentor's slots bookable by under-18s, and is audited", async () => {
    const aisha = await h.tokenFor("aisha@example.com");
    const listed = async () => ((await (await h.request("GET", "/api/v1/mentoring-slots?limit=100", { token: aisha })).json()) as { items: { id: string }[] }).items.map((s) => s.id);
    const tomsSlots = (await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.mentorId, "mtr_tom"))).map((s) => s.id);
    expect(tomsSlots.length).toBeGreaterThan(0);
    expect((await listed()).filter((id) => tomsSlots.includes(id))).toEqual([]);
    const refused = await h.request("POST", `/api/v1/mentoring-slots/${tomsSlots[0]}/bookings`, { token: aisha, body: { guardianEmail: "parent@example.com" } });
    expect(refused.status).toBeGreaterThanOrEqual(400);

    const page1 = await (await page(h, "/coordinator/mentors", coordinator)).text();
    expect(page1).toContain("No DBS check recorded");
    const res = await submit(h, "/coordinator/mentors/mtr_tom/dbs", coordinator, { checkedOn: "2026-02-20", expiresOn: "2029-02-20", certificateLast4: "7Q2X", updateService: "1" });
    expect(res.status).toBe(303);
    const [tom] = await h.db.select().from(mentors).where(eq(mentors.id, "mtr_tom"));
    expect(tom).toMatchObject({ dbsCheckedOn: "2026-02-20", dbsExpiresOn: "2029-02-20", dbsCertificateLast4: "7Q2X", dbsUpdateService: true });
    expect(await auditOf("mentor.dbs_recorded", "mtr_tom")).toHaveLength(1);
    expect(await (await page(h, "/coordinator/mentors", coordinator)).text()).toContain("On the DBS Update Service");

    expect((await listed()).filter((id) => tomsSlots.includes(id)).length).toBeGreaterThan(0);
    const booked = await h.request("POST", `/api/v1/mentoring-slots/${tomsSlots[0]}/bookings`, { token: aisha, body: { guardianEmail: "parent@example.com" } });
    expect(booked.status).toBe(201);
  });

  it("refuses a check dated in the future or expiring before it, next to the field, and records nothing", async () => {
    const future = await submit(h, "/coordinator/mentors/mtr_dee/dbs", coordinator, { checkedOn: "2027-01-01", expiresOn: "2029-01-01", certificateLast4: "1111" });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain('href="#checkedOn-mtr_dee"');
    const backwards = await submit(h, "/coordinator/mentors/mtr_dee/dbs", coordinator, { checkedOn: "2026-01-01", expiresOn: "2025-01-01", certificateLast4: "1111" });
    expect(await backwards.text()).toContain('href="#expiresOn-mtr_dee"');
    const bad = await submit(h, "/coordinator/mentors/mtr_dee/dbs", coordinator, { checkedOn: "2026-01-01", expiresOn: "2029-01-01", certificateLast4: "12" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#certificateLast4-mtr_dee"');
    expect(await auditOf("mentor.dbs_recorded", "mtr_dee")).toHaveLength(0);
  });
});
