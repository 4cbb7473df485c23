// The coordinators' administration pages: venues, organisations with their staff and API keys,
// DBS checks. Each change goes through the API's verb and leaves its audit row; nobody but a
// coordinator reaches any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { apiKeys, auditLog, mentoringSlots, mentors, organisations, outbox, people, venues } from "../../db/schema";
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

const PAGES = ["/coordinator/venues", "/coordinator/venues/ven_x", "/coordinator/organisations", "/coordinator/organisations/org_riverside", "/coordinator/mentors", "/coordinator/audit", "/coordinator/downloads", "/coordinator/downloads/programme.csv?from=2026-01-01&to=2026-06-30", "/coordinator/sessions/ses_cv_1/register.csv"];
const POSTS: [string, Record<string, string>][] = [
  ["/coordinator/venues", { name: "Sneaky Hall", address: "1 Road", postcode: "SE1 7PB" }],
  ["/coordinator/organisations", { type: "school", name: "Sneaky School" }],
  ["/coordinator/organisations/org_riverside/staff", { displayName: "Intruder", email: "intruder@example.com" }],
  ["/coordinator/organisations/org_riverside/api-keys", { keyName: "mine now" }],
  ["/coordinator/mentors/mtr_tom/dbs", { checkedOn: "2026-01-01", expiresOn: "2029-01-01", certificateLast4: "1234" }],
  ["/coordinator/emails/out_x/recipient", { email: "x@example.com" }],
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
    const res = await submit(h, "/coordinator/venues", coordinator, { name: "Oak Library", address: "2 Oak Street, London", postcode: "SE5 8AB", organisationId: "", stepFree: "1", hearingLoop: "1", publicTransport: "Bus 12 to Oak Street", publicTransport_pl: "Autobus 12 do Oak Street", directions_ar: "" });
    expect(res.status).toBe(303);
    const [venue] = await h.db.select().from(venues).where(eq(venues.name, "Oak Library"));
    expect(venue).toMatchObject({ stepFree: true, hearingLoop: true, quietRoom: false, organisationId: null, publicTransport: { en: "Bus 12 to Oak Street", pl: "Autobus 12 do Oak Street" }, directions: null });
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
    expect(after).toMatchObject({ stepFree: false, quietRoom: true, publicTransport: { en: "" }, directions: null });
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

describe("the audit log", () => {
  it("filters by person, organisation and dates, and logs its own reading", async () => {
    const byCoordinator = await (await page(h, `/coordinator/audit?email=${encodeURIComponent(COORDINATOR)}`, coordinator)).text();
    expect(byCoordinator).toContain("venue.created");
    const riverside = await (await page(h, "/coordinator/audit?organisationId=org_riverside", coordinator)).text();
    expect(riverside).toContain("api_key.created");
    expect(riverside).not.toContain("venue.created");
    const longAgo = await (await page(h, "/coordinator/audit?from=2020-01-01&to=2020-12-31", coordinator)).text();
    expect(longAgo).toContain("Nothing matches.");
    expect((await auditOf("audit_log.read")).length).toBeGreaterThanOrEqual(3);
  });

  it("says which filter is wrong: an unknown email, a date that is not one", async () => {
    const res = await page(h, "/coordinator/audit?email=nobody%40example.com&from=2026-13-45", coordinator);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#from"');
  });

  it("filters the API's GET /audit-log the same way", async () => {
    const token = await h.tokenFor(COORDINATOR);
    const res = await h.request("GET", "/api/v1/audit-log?organisationId=org_riverside&limit=200", { token });
    const actions = ((await res.json()) as { items: { action: string }[] }).items.map((i) => i.action);
    expect(actions).toContain("api_key.created");
    expect(actions).not.toContain("venue.created");
  });
});

describe("downloads", () => {
  it("gives the programme report and a session's register as the API's very files", async () => {
    const token = await h.tokenFor(COORDINATOR);
    const report = await page(h, "/coordinator/downloads/programme.csv?from=2026-01-01&to=2026-12-31", coordinator);
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await report.text()).toBe(await (await h.request("GET", "/api/v1/reports/programme.csv?from=2026-01-01&to=2026-12-31", { token })).text());
    const register = await page(h, "/coordinator/sessions/ses_cv_1/register.csv", coordinator);
    expect(register.status).toBe(200);
    expect(await register.text()).toBe(await (await h.request("GET", "/api/v1/sessions/ses_cv_1/report.csv", { token })).text());
    expect(await (await page(h, "/coordinator/sessions/ses_cv_1", coordinator)).text()).toContain('href="/coordinator/sessions/ses_cv_1/register.csv"');
  });

  it("refuses dates the wrong way round on the page, next to the field", async () => {
    const res = await page(h, "/coordinator/downloads/programme.csv?from=2026-06-01&to=2026-01-01", coordinator);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#to"');
    expect((await page(h, "/coordinator/sessions/ses_nope/register.csv", coordinator)).status).toBe(404);
  });
});

describe("failed emails", () => {
  it("names the message in words, dates it, and corrects the person's address, sending every failed message again", async () => {
    await h.db.update(people).set({ email: "kuba@exmaple.com" }).where(eq(people.id, "per_demo_kuba"));
    await h.db.insert(outbox).values([
      { id: "out_typo_1", template: "booking_confirmed", toEmail: "kuba@exmaple.com", payload: {}, status: "failed", attempts: 8, lastError: "550 no such domain" },
      { id: "out_typo_2", template: "reminder", toEmail: "kuba@exmaple.com", payload: {}, status: "failed", attempts: 8, lastError: "550 no such domain" },
    ]);
    const html = await (await page(h, "/coordinator/emails", coordinator)).text();
    expect(html).toContain("Booking confirmed");
    expect(html).toContain("<time datetime=");
    expect(html).not.toContain(">booking_confirmed<");

    const bad = await submit(h, "/coordinator/emails/out_typo_1/recipient", coordinator, { email: "not an email" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#email-out_typo_1"');
    const taken = await submit(h, "/coordinator/emails/out_typo_1/recipient", coordinator, { email: "aisha@example.com" });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Someone else already signs in with aisha@example.com");

    const res = await submit(h, "/coordinator/emails/out_typo_1/recipient", coordinator, { email: "kuba@example.com" });
    expect(res.status).toBe(303);
    expect((await h.db.select().from(people).where(eq(people.id, "per_demo_kuba")))[0]!.email).toBe("kuba@example.com");
    const rows = await h.db.select().from(outbox).where(eq(outbox.toEmail, "kuba@example.com"));
    expect(rows.filter((r) => r.id.startsWith("out_typo")).map((r) => r.status)).toEqual(["pending", "pending"]);
    expect(await auditOf("outbox.recipient_corrected", "out_typo_1")).toHaveLength(1);
    // Already sent again: a second correction changes nothing and records nothing.
    expect((await submit(h, "/coordinator/emails/out_typo_1/recipient", coordinator, { email: "kuba2@example.com" })).status).toBe(409);
    expect(await auditOf("outbox.recipient_corrected", "out_typo_1")).toHaveLength(1);
  });
});
