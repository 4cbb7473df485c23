// The Worker as Cloudflare receives it (issue #19). wrangler.toml's [alias] swaps parts of zod,
// rrule and drizzle-orm for stubs to keep the bundle under its size budget, and the demo seed
// out of a deploy. The workers project cannot see those stubs: @cloudflare/vitest-plugin builds
// src/worker.ts without [alias]. So this builds the bundle as a deploy does and runs it in
// workerd on D1, through the paths that touch what the stubs stand beside: validation and its
// error messages (zod), the OpenAPI document (zod-openapi), a recurring series (rrule), and
// drizzle's queries and relations.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readD1Migrations } from "@cloudflare/vitest-plugin";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtWorker, buildWorker } from "../bench/worker-size";
import { sha256Hex } from "../src/lib/crypto";
import { CSS_PATH, SITE_CSS } from "../src/web/style";

const root = join(import.meta.dirname, "..");
const KEY = "od_k_bundle_test_key_0123456789abcdef";
const BASE = "https://opendoor.test";
let out: string;
let mf: Miniflare;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "open-door-bundle-"));
  await buildWorker(out);
  mf = new Miniflare(convertV4MiniflareOptions({ workers: [builtWorker(out, "worker.js", { PUBLIC_URL: BASE, COORDINATOR_EMAILS: "coordinator@opendoor.test" })] }));
  const db = await mf.getD1Database("DB");
  for (const migration of await readD1Migrations(join(root, "migrations"))) {
    await db.batch(migration.queries.map((q) => db.prepare(q)));
  }
  await db.prepare("insert into organisations (id, type, name) values ('org_b', 'employer', 'Bundle Ltd')").run();
  const hash = await sha256Hex(KEY);
  await db.prepare("insert into api_keys (id, organisation_id, name, prefix, key_hash) values ('key_b', 'org_b', 't', 'od_k_bun', ?)").bind(hash).run();
}, 180_000);

afterAll(async () => {
  await mf?.dispose();
  rmSync(out, { recursive: true, force: true });
});

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  mf.dispatchFetch(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });

describe("the Worker bundle as deployed, in workerd on D1", () => {
  it("words a refusal of bad input field by field, in the caller's language (zod without its locales and compiler)", async () => {
    const res = await call("POST", "/api/v1/events", { type: "nonsense", title: {} }, { "accept-language": "pl" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("content-language")).toBe("pl");
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["type"]));
    for (const e of problem.errors) expect(e.message.length).toBeGreaterThan(0);
  });

  it("serves the OpenAPI document", async () => {
    const res = await call("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });

  it("creates a weekly series from its rule and lists it (rrule without its English sentences)", async () => {
    const venue = await call("POST", "/api/v1/venues", { name: "Hall", address: "1 Road", postcode: "RV1 2LB", organisationId: "org_b" });
    expect(venue.status).toBe(201);
    const venueId = ((await venue.json()) as { id: string }).id;
    const event = await call("POST", "/api/v1/events", { type: "budgeting", title: { en: "Bundle money club" }, description: { en: "x" }, hostOrganisationId: "org_b" });
    expect(event.status).toBe(201);
    const { id } = (await event.json()) as { id: string };
    // Across the clock change: 10:00 London is 10:00Z in March and 09:00Z in April.
    const series = await call("POST", `/api/v1/events/${id}/sessions`, { start: "2030-03-18T10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;COUNT=4", venueId, capacity: 10 });
    expect(series.status).toBe(201);
    const { items } = (await series.json()) as { items: { startsAt: string }[] };
    expect(items.map((s) => s.startsAt)).toEqual(["2030-03-18T10:00:00.000Z", "2030-03-25T10:00:00.000Z", "2030-04-01T09:00:00.000Z", "2030-04-08T09:00:00.000Z"]);
    const list = await call("GET", "/api/v1/events?q=bundle%20money");
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string; nextSession: { startsAt: string } | null }[] };
    expect(page.items).toEqual([expect.objectContaining({ id, nextSession: expect.objectContaining({ startsAt: "2030-03-18T10:00:00.000Z" }) })]);
  });

  it("links the stylesheet at Node's path and serves Node's text there", async () => {
    const home = await mf.dispatchFetch(`${BASE}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`href="${CSS_PATH}"`);
    const css = await mf.dispatchFetch(`${BASE}${CSS_PATH}`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toBe(SITE_CSS);
  });
});
