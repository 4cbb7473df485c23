import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("sign-in throttling on Workers (rate-limiting binding)", () => {
  it("answers 429 with Retry-After once one email has asked for too many links", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await SELF.fetch("https://opendoor.test/api/v1/auth/magic-links", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${i}` },
        body: JSON.stringify({ email: "throttled@example.com" }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("60");
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses).toContain(429);
  });
});
