import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/worker";

/** A request through the Worker's own `fetch`, with extra vars as `wrangler dev --var` would set. */
async function get(path: string, vars: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://opendoor.test${path}`) as Parameters<typeof worker.fetch>[0], { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const count = async (table: string) => (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
const listedEventIds = async (vars: Record<string, string> = {}) => {
  const response = await get("/api/v1/events?limit=100", vars);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items.map((e) => e.id).sort();
};
const storedEventIds = async () => (await env.DB.prepare("select id from events order by id").all<{ id: string }>()).results.map((r) => r.id);

describe("demo data on D1 (npm run dev)", () => {
  it("adds nothing when SEED_DEMO is not set, as on a deployed Worker", async () => {
    expect(await listedEventIds()).toEqual([]);
    expect(await count("organisations")).toBe(0);
  });

  it("fills an empty D1 on the first request, and the catalogue lists every demo event", async () => {
    const listed = await listedEventIds({ SEED_DEMO: "1" });
    expect(listed).toHaveLength(19);
    expect(listed).toContain("evt_stories");
    expect(listed).toEqual(await storedEventIds());
    // Tables whose rows need several statements on D1 (100 bound parameters at most).
    expect(await count("sessions")).toBe(37);
    expect(await count("mentoring_slots")).toBe(13);
  });

  it("does not add the demo data twice, even to two first requests at once", async () => {
    const firsts = await Promise.all([get("/api/v1/events", { SEED_DEMO: "1" }), get("/api/v1/events", { SEED_DEMO: "1" })]);
    expect(firsts.map((r) => r.status)).toEqual([200, 200]);
    const counts = { organisations: await count("organisations"), events: await count("events"), sessions: await count("sessions") };
    await get("/api/v1/events", { SEED_DEMO: "1" });
    expect(counts).toEqual({ organisations: 13, events: 19, sessions: 37 });
    expect({ organisations: await count("organisations"), events: await count("events"), sessions: await count("sessions") }).toEqual(counts);
  });
});
