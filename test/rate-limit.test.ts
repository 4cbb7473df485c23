import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryRateLimiter, RATE_LIMITS } from "../src/lib/rate-limiter";
import { createHarness, problem, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  h.deps.rateLimiter = memoryRateLimiter(h.clock);
});
afterAll(() => h.close());

const askForLink = (email: string, ip = "203.0.113.7") =>
  h.request("POST", "/api/v1/auth/magic-links", { body: { email }, headers: { "cf-connecting-ip": ip } });

describe("sign-in throttling", () => {
  it("refuses the 6th link for one email within a minute with 429 and Retry-After, then allows it again", async () => {
    const limit = RATE_LIMITS.sign_in_email.limit;
    for (let i = 0; i < limit; i++) expect((await askForLink("victim@example.com", `198.51.100.${i}`)).status).toBe(202);
    const refused = await askForLink("victim@example.com", "198.51.100.99");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await problem(refused)).detail).toMatch(/wait/);
    h.clock.advance(61_000);
    expect((await askForLink("victim@example.com", "198.51.100.100")).status).toBe(202);
  });

  it("limits one address asking for many different emails", async () => {
    const limit = RATE_LIMITS.sign_in_ip.limit;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await askForLink(`spray${i}@example.com`, "192.0.2.50")).status);
    expect(statuses.slice(0, limit).every((s) => s === 202)).toBe(true);
    expect(statuses[limit]).toBe(429);
    // Another address is unaffected.
    expect((await askForLink("someone@example.com", "192.0.2.51")).status).toBe(202);
  });

  it("gives the same 429 whether or not the email is registered, so limits reveal nothing", async () => {
    h.clock.advance(61_000);
    for (let i = 0; i < RATE_LIMITS.sign_in_email.limit; i++) await askForLink("unknown-person@example.com", `100.64.0.${i}`);
    const res = await askForLink("unknown-person@example.com", "100.64.1.1");
    expect(res.status).toBe(429);
  });
});
