// 1,000 feedback posts in one burst against the real Node server (issue #16): the limiter turns
// away all but a handful cheaply, nothing is recorded beyond the limit, and the site keeps
// answering — /healthz and a page, asked in the middle of the burst, come back promptly.
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../src/lib/rate-limiter";
import { startSite, type Site } from "./support/site";

let site: Site;
beforeAll(async () => {
  site = await startSite("feedback-burst", { seed: false });
});
afterAll(() => site.close());

describe("a burst of 1,000 feedback posts", () => {
  it("is held by the limiter and leaves the site answering", async () => {
    const form = (i: number) => new URLSearchParams({ page: "/", started: "0.x", website: "", whatWorks: `Burst ${i}` }).toString();
    const post = (i: number) =>
      fetch(`${site.base}/feedback`, { method: "POST", headers: { origin: site.base, "content-type": "application/x-www-form-urlencoded" }, body: form(i) }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    const api = (i: number) =>
      fetch(`${site.base}/api/v1/site-feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ whatWorks: `Burst API ${i}` }) }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    const started = performance.now();
    const burst = Array.from({ length: 1000 }, (_, i) => (i % 2 ? post(i) : api(i)));
    // Asked while the burst is in flight.
    const timed = async (path: string) => {
      const t = performance.now();
      const res = await fetch(`${site.base}${path}`);
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t };
    };
    const [health, page] = await Promise.all([timed("/healthz"), timed("/events")]);
    const statuses = await Promise.all(burst);
    const took = performance.now() - started;

    expect(health.status).toBe(200);
    expect(page.status).toBe(200);
    const counts = statuses.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
    // All from one address: only the limit's worth reach the checks, the rest are 429.
    expect(counts[429]).toBeGreaterThanOrEqual(1000 - RATE_LIMITS.site_feedback_ip.limit);
    expect(Object.keys(counts).every((s) => ["201", "422", "429"].includes(s))).toBe(true);
    const db = createClient({ url: `file:${site.databaseUrl}` });
    const { rows } = await db.execute("select count(*) as n from site_feedback");
    db.close();
    expect(Number(rows[0]!.n)).toBeLessThanOrEqual(RATE_LIMITS.site_feedback_ip.limit);
    console.info(`1,000 feedback posts: ${Math.round(took)} ms; /healthz during it ${Math.round(health.ms)} ms, /events ${Math.round(page.ms)} ms; ${JSON.stringify(counts)}`);
    expect(health.ms).toBeLessThan(10_000);
  });
});
