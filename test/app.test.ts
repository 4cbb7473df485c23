import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import type { Deps } from "../src/lib/deps";
import { fixedClock } from "../src/lib/time";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("createApp", () => {
  it("builds the dependencies per request when given a function (the Worker builds the app once per isolate)", async () => {
    const seen: string[] = [];
    const app = createApp((c): Deps => {
      seen.push(new URL(c.req.url).pathname);
      return { ...h.deps, clock: fixedClock(c.req.header("x-test-now") ?? "2026-01-01T00:00:00Z") };
    });
    const a = (await (await app.request("/healthz", { headers: { "x-test-now": "2026-05-01T10:00:00Z" } })).json()) as { time: string };
    const b = (await (await app.request("/healthz", { headers: { "x-test-now": "2026-06-01T10:00:00Z" } })).json()) as { time: string };
    expect([a.time, b.time]).toEqual(["2026-05-01T10:00:00.000Z", "2026-06-01T10:00:00.000Z"]);
    expect(seen).toEqual(["/healthz", "/healthz"]);
  });
});
