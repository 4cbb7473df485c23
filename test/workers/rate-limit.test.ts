import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { d1Db } from "../../src/db/client";
import { session, youngPeopleWithTokens } from "../support/fixtures";
import { startOfFreshWindow } from "../support/rate-limit-window";

describe("sign-in throttling on Workers (rate-limiting binding)", () => {
  it("answers 429 with Retry-After once one email has asked for too many links", async () => {
    await startOfFreshWindow(60, 10);
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

describe("booking throttling on Workers (rate-limiting binding)", () => {
  it("answers 429 with Retry-After once one person has tried to book too often", async () => {
    const db = d1Db(env.DB);
    const s = await session(db, Date.now(), { capacity: 5 });
    const [yp] = await youngPeopleWithTokens(db, Date.now(), 1);
    await startOfFreshWindow(60, 15);
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) {
      const res = await SELF.fetch(`https://opendoor.test/api/v1/sessions/${s.id}/bookings`, {
        method: "POST",
        headers: { authorization: `Bearer ${yp!.token}`, "content-type": "application/json" },
        body: "{}",
      });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get("retry-after")).toBe("60");
    }
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1, 60).every((st) => st === 409)).toBe(true);
    expect(statuses).toContain(429);
  });
});
