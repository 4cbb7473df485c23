import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("the Worker on D1", () => {
  it("answers /healthz after a real query against the migrated D1 database", async () => {
    const res = await SELF.fetch("https://opendoor.test/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });
});
