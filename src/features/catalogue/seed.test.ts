import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "../../db/schema";
import { seedDemoData } from "../../db/seed";
import { createHarness, type Harness } from "../../../test/support/harness";
import { Postcode } from "./schemas";
import { searchTextFor } from "./shared";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemoData(h.db, h.clock.now());
});
afterAll(() => h.close());

describe("the demo seed matches what the catalogue expects", () => {
  it("stores searchText exactly as the catalogue would write it", async () => {
    const rows = await h.db.select().from(events);
    expect(rows.length).toBeGreaterThan(10);
    for (const e of rows) expect(e.searchText, e.id).toBe(searchTextFor(e.title, e.description));
  });

  it("is searchable, and every demo event shows an upcoming session", async () => {
    const hospital = (await (await h.request("GET", "/api/v1/events?q=HOSPITAL")).json()) as { items: { id: string }[] };
    expect(hospital.items.map((e) => e.id)).toEqual(["evt_nhs"]);
    const all = (await (await h.request("GET", "/api/v1/events?limit=100")).json()) as { items: { nextSession: unknown }[] };
    expect(all.items.length).toBeGreaterThan(10);
    expect(all.items.every((e) => e.nextSession !== null)).toBe(true);
  });

  it("has venues with valid postcodes and a weekly series that keeps its wall time", async () => {
    const venues = (await (await h.request("GET", "/api/v1/venues?limit=100")).json()) as { items: { postcode: string }[] };
    for (const v of venues.items) expect(Postcode.parse(v.postcode)).toBe(v.postcode);
    const story = (await (await h.request("GET", "/api/v1/events/evt_stories")).json()) as { sessions: { startsAtLocal: string; seriesId: string }[] };
    expect(story.sessions).toHaveLength(8);
    expect(story.sessions.every((s) => s.startsAtLocal.endsWith("T15:00") && s.seriesId === "ser_stories")).toBe(true);
  });
});

describe("the OpenAPI document", () => {
  it("describes every catalogue route", async () => {
    const doc = (await (await h.request("GET", "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/venues"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/venues/{id}"]!).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(doc.paths["/events"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/events/{id}"]!).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(doc.paths["/events/{id}/sessions"]!)).toEqual(["post"]);
    // PATCH belongs to the booking engine (capacity and time changes move seats and send invites).
    expect(Object.keys(doc.paths["/sessions/{id}"]!).sort()).toEqual(["get", "patch"]);
    const page = await h.request("GET", "/api/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/events/{id}/sessions");
  });
});
