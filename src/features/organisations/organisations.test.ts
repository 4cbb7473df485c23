import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { apiKeys } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";

let h: Harness;
let coordinator: string;
let riversideStaff: string;
let hillviewStaff: string;
let outsider: string;
let riverside: string;
let hillview: string;

beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
  riverside = await createOrg({ type: "school", name: "Riverside Academy" });
  hillview = await createOrg({ type: "school", name: "Hillview High" });
  await h.request("POST", `/api/v1/organisations/${riverside}/members`, { token: coordinator, body: { email: "khan@riverside.example", displayName: "Ms Khan" } });
  await h.request("POST", `/api/v1/organisations/${hillview}/members`, { token: coordinator, body: { email: "evans@hillview.example", displayName: "Mr Evans" } });
  riversideStaff = await h.tokenFor("khan@riverside.example");
  hillviewStaff = await h.tokenFor("evans@hillview.example");
  outsider = await h.tokenFor("young@example.com", { dateOfBirth: "2010-01-01", isYoungPerson: true });
});
afterAll(() => h.close());

async function createOrg(body: Record<string, unknown>) {
  const res = await h.request("POST", "/api/v1/organisations", { token: coordinator, body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function newKey(orgId: string, token = coordinator, name = "Integration") {
  const res = await h.request("POST", `/api/v1/organisations/${orgId}/api-keys`, { token, body: { name } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; key: string; prefix: string; name: string; revokedAt: string | null };
}

const names = async (res: Response) => ((await res.json()) as { items: { name: string }[] }).items.map((o) => o.name);

describe("POST /organisations", () => {
  it("lets a coordinator add an organisation, answering 201 with its location", async () => {
    const res = await h.request("POST", "/api/v1/organisations", {
      token: coordinator,
      body: { type: "community", name: "  Oak House Care Home ", contactEmail: "Activities@OakHouse.example" },
    });
    expect(res.status).toBe(201);
    const org = (await res.json()) as { id: string };
    expect(org).toMatchObject({ type: "community", name: "Oak House Care Home", contactEmail: "activities@oakhouse.example" });
    expect(res.headers.get("location")).toBe(`/api/v1/organisations/${org.id}`);
  });

  it("refuses anyone who is not a coordinator", async () => {
    const body = { type: "school", name: "Sneaky School" };
    expect((await h.request("POST", "/api/v1/organisations", { body })).status).toBe(401);
    for (const token of [riversideStaff, outsider]) {
      const res = await h.request("POST", "/api/v1/organisations", { token, body });
      expect(res.status).toBe(403);
      expect((await problem(res)).type).toMatch(/forbidden$/);
    }
    const { key } = await newKey(riverside);
    expect((await h.request("POST", "/api/v1/organisations", { token: key, body })).status).toBe(403);
  });

  it("names each invalid field", async () => {
    const res = await h.request("POST", "/api/v1/organisations", { token: coordinator, body: { type: "club", name: "A" } });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors!.map((e) => e.path).sort()).toEqual(["name", "type"]);
  });
});

describe("GET /organisations", () => {
  it("shows a coordinator every organisation", async () => {
    const res = await h.request("GET", "/api/v1/organisations", { token: coordinator });
    expect(res.status).toBe(200);
    expect(await names(res)).toEqual(expect.arrayContaining(["Riverside Academy", "Hillview High"]));
  });

  it("shows staff only their own organisation", async () => {
    expect(await names(await h.request("GET", "/api/v1/organisations", { token: riversideStaff }))).toEqual(["Riverside Academy"]);
    expect(await names(await h.request("GET", "/api/v1/organisations", { token: hillviewStaff }))).toEqual(["Hillview High"]);
  });

  it("shows an API key only its organisation, and someone with none an empty list", async () => {
    const { key } = await newKey(hillview);
    expect(await names(await h.request("GET", "/api/v1/organisations", { token: key }))).toEqual(["Hillview High"]);
    expect(await names(await h.request("GET", "/api/v1/organisations", { token: outsider }))).toEqual([]);
  });

  it("refuses without a token", async () => {
    expect((await h.request("GET", "/api/v1/organisations")).status).toBe(401);
  });
});

describe("POST /organisations/{id}/members", () => {
  it("lets a member add a colleague, who then signs in as staff of that organisation", async () => {
    const res = await h.request("POST", `/api/v1/organisations/${riverside}/members`, {
      token: riversideStaff,
      body: { email: "Patel@Riverside.example", displayName: "Mr Patel" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ organisationId: riverside, email: "patel@riverside.example" });
    const token = await h.tokenFor("patel@riverside.example");
    const me = (await (await h.request("GET", "/api/v1/me", { token })).json()) as { roles: string[]; organisations: { id: string }[] };
    expect(me.roles).toContain("organisation_staff");
    expect(me.organisations.map((o) => o.id)).toEqual([riverside]);
  });

  it("adding the same person twice leaves one membership", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await h.request("POST", `/api/v1/organisations/${hillview}/members`, { token: coordinator, body: { email: "twice@hillview.example", displayName: "Twice" } });
      expect(res.status).toBe(201);
    }
    const token = await h.tokenFor("twice@hillview.example");
    const me = (await (await h.request("GET", "/api/v1/me", { token })).json()) as { organisations: unknown[] };
    expect(me.organisations).toHaveLength(1);
  });

  it("refuses staff adding members to another school, and people with no organisation", async () => {
    const body = { email: "intruder@example.com", displayName: "Intruder" };
    const res = await h.request("POST", `/api/v1/organisations/${hillview}/members`, { token: riversideStaff, body });
    expect(res.status).toBe(403);
    expect((await h.request("POST", `/api/v1/organisations/${riverside}/members`, { token: outsider, body })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/organisations/${riverside}/members`, { body })).status).toBe(401);
    const token = await h.tokenFor("intruder@example.com");
    expect(await names(await h.request("GET", "/api/v1/organisations", { token }))).toEqual([]);
  });

  it("answers 404 to a coordinator for an organisation that does not exist", async () => {
    const res = await h.request("POST", "/api/v1/organisations/org_nope/members", { token: coordinator, body: { email: "x@example.com", displayName: "X" } });
    expect(res.status).toBe(404);
  });
});

describe("API keys", () => {
  it("shows the key once, stores only its hash, and lists keys without the secret", async () => {
    const created = await newKey(riverside, riversideStaff, "MIS sync");
    expect(created.key).toMatch(/^od_k_/);
    expect(created.key).toContain(created.prefix);

    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.keyHash).toBe(await sha256Hex(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);

    const list = await h.request("GET", `/api/v1/organisations/${riverside}/api-keys`, { token: riversideStaff });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(created.key);
    const items = (JSON.parse(text) as { items: Record<string, unknown>[] }).items;
    const listed = items.find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({ name: "MIS sync", prefix: created.prefix, revokedAt: null });
    expect(listed).not.toHaveProperty("key");
    expect(listed).not.toHaveProperty("keyHash");
  });

  it("works as a bearer token until revoked, then answers 401", async () => {
    const { id, key } = await newKey(riverside);
    expect((await h.request("GET", "/api/v1/organisations", { token: key })).status).toBe(200);
    expect((await h.request("DELETE", `/api/v1/organisations/${riverside}/api-keys/${id}`, { token: riversideStaff })).status).toBe(204);
    const res = await h.request("GET", "/api/v1/organisations", { token: key });
    expect(res.status).toBe(401);
    expect((await problem(res)).detail).toMatch(/revoked/);
    const list = (await (await h.request("GET", `/api/v1/organisations/${riverside}/api-keys`, { token: riversideStaff })).json()) as { items: { id: string; revokedAt: string | null }[] };
    expect(list.items.find((k) => k.id === id)!.revokedAt).toBe(new Date(h.clock.now()).toISOString());
    expect((await h.request("DELETE", `/api/v1/organisations/${riverside}/api-keys/${id}`, { token: riversideStaff })).status).toBe(404);
  });

  it("refuses a key that is almost right", async () => {
    const { key } = await newKey(riverside);
    expect((await h.request("GET", "/api/v1/organisations", { token: `${key}x` })).status).toBe(401);
    expect((await h.request("GET", "/api/v1/organisations", { token: key.slice(0, -1) })).status).toBe(401);
  });

  it("does not let an API key create API keys or act as a person", async () => {
    const { key } = await newKey(riverside);
    const res = await h.request("POST", `/api/v1/organisations/${riverside}/api-keys`, { token: key, body: { name: "Escalation" } });
    expect(res.status).toBe(403);
    expect((await problem(res)).detail).toMatch(/API key/);
    expect((await h.request("GET", "/api/v1/me", { token: key })).status).toBe(403);
  });

  it("answers 403 when one organisation's key or staff touch another's keys", async () => {
    const theirs = await newKey(hillview);
    const { key: mine } = await newKey(riverside);
    for (const token of [mine, riversideStaff]) {
      expect((await h.request("GET", `/api/v1/organisations/${hillview}/api-keys`, { token })).status).toBe(403);
      expect((await h.request("DELETE", `/api/v1/organisations/${hillview}/api-keys/${theirs.id}`, { token })).status).toBe(403);
      expect((await h.request("POST", `/api/v1/organisations/${hillview}/members`, { token, body: { email: "x@example.com", displayName: "X" } })).status).toBe(403);
    }
    expect((await h.request("POST", `/api/v1/organisations/${hillview}/api-keys`, { token: riversideStaff, body: { name: "Mine now" } })).status).toBe(403);
    // Naming another organisation's key under your own organisation does not reach it.
    expect((await h.request("DELETE", `/api/v1/organisations/${riverside}/api-keys/${theirs.id}`, { token: riversideStaff })).status).toBe(404);
    expect((await h.request("GET", "/api/v1/organisations", { token: theirs.key })).status).toBe(200);
  });

  it("refuses key management without a token or as a young person", async () => {
    expect((await h.request("GET", `/api/v1/organisations/${riverside}/api-keys`)).status).toBe(401);
    expect((await h.request("POST", `/api/v1/organisations/${riverside}/api-keys`, { token: outsider, body: { name: "x" } })).status).toBe(403);
  });
});
