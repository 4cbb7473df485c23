// The Open Referral UK feed validates against the UK profile's published JSON schemas
// (vendored under test/fixtures/openreferral-uk, licence noted there), on the demo directory.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { createHarness, type Harness } from "../../../test/support/harness";

const FIXTURES = join(__dirname, "../../../test/fixtures/openreferral-uk");
const schema = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let h: Harness;
let ajv: Ajv;

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-03T11:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  // strict: false because the profile's schemas carry their own annotations (core, constraints,
  // datapackage_metadata…); "csv" is the profile's own format name for table columns.
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("csv", true);
  ajv.addSchema(schema("taxonomy_term"), "taxonomy_term.json");
});
afterAll(() => h.close());

const get = async (path: string) => {
  const res = await h.request("GET", `/api/v1/oruk${path}`);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return (await res.json()) as { contents: Record<string, unknown>[] } & Record<string, unknown>;
};

function expectValid(schemaName: string, value: unknown, label: string) {
  const validate = ajv.getSchema(schemaName) ?? ajv.compile(schema(schemaName));
  const ok = validate(value);
  expect(ok ? [] : validate.errors!.map((e) => `${label}${e.instancePath} ${e.message}`)).toEqual([]);
}

describe("Open Referral UK feed", () => {
  it("lists every published service, each valid against service_list.json, with the paging header", async () => {
    const page = await get("/services?per_page=100");
    expect(page).toMatchObject({ total_items: 30, total_pages: 1, page_number: 1, size: 30, first_page: true, last_page: true, empty: false });
    for (const item of page.contents) expectValid("service_list", item, String(item.name));
  });

  it("serves each service in full (schedules, location with address and access, languages, cost, taxonomy), valid against service.json", async () => {
    const page = await get("/services?per_page=100");
    for (const item of page.contents) {
      const full = await get(`/services/${item.id as string}`);
      expectValid("service", full, String(item.name));
    }
    const foodBank = page.contents.find((s) => s.name === "Riverside Food Bank")!;
    const full = (await get(`/services/${foodBank.id as string}`)) as unknown as {
      schedules: { byday: string; opens_at: string }[];
      service_at_locations: { location: { location_type: string; addresses: { postal_code: string }[]; accessibility: { description: string }[] } }[];
      attributes: { taxonomy_term: { term: string } }[];
    };
    expect(full.schedules.map((s) => s.byday)).toEqual(["MO", "TU", "WE", "TH", "FR", "SA"]);
    expect(full.service_at_locations[0]!.location).toMatchObject({ location_type: "physical", addresses: [{ postal_code: "RV2 4FH" }] });
    expect(full.service_at_locations[0]!.location.accessibility.map((a) => a.description)).toContain("step free");
    expect(full.attributes[0]!.taxonomy_term.term).toBe("food");
  });

  it("serves organisations, services at locations and taxonomy terms, each valid against its schema", async () => {
    const orgs = await get("/organizations");
    expect(orgs.total_items).toBeGreaterThan(5);
    for (const org of orgs.contents) expectValid("organization_list", org, String(org.name));
    expectValid("organization", await get(`/organizations/${orgs.contents[0]!.id as string}`), "organisation");
    const places = await get("/service_at_locations?per_page=100");
    for (const place of places.contents) expectValid("service_at_location_list", place, String(place.id));
    const terms = await get("/taxonomy_terms");
    expect(terms.contents.map((t) => t.term)).toContain("send");
    for (const term of terms.contents) expectValid("taxonomy_term.json", term, String(term.name));
    const taxonomies = await get("/taxonomies");
    for (const taxonomy of taxonomies.contents) expectValid("taxonomy", taxonomy, "taxonomy");
  });

  it("keeps a partner's unapproved service out of the feed, and answers an unknown id with 404", async () => {
    const before = (await get("/services?per_page=100")).total_items;
    const token = await h.tokenFor("volunteers@riversidefoodbank.example");
    const res = await h.request("POST", "/api/v1/directory/services", { token, body: { organisationId: "org_foodbank", categoryId: "food", name: { en: "Pop-up pantry" }, description: { en: "Not approved yet" } } });
    expect(res.status).toBe(202);
    expect((await get("/services?per_page=100")).total_items).toBe(before);
    expect((await h.request("GET", "/api/v1/oruk/services/00000000-0000-8000-8000-000000000000")).status).toBe(404);
  });

  it("would notice an invalid service: the schema refuses one without a name", () => {
    const validate = ajv.compile(schema("service"));
    expect(validate({ id: "3f1e8b7a-0000-8000-8000-000000000001", status: "active" })).toBe(false);
    expect(validate({ id: "not-a-uuid", name: "x", status: "active" })).toBe(false);
  });
});
