// The sign-in throttle counts per caller address, so that address must be the platform's word:
// the socket on Node (or what our own proxies saw), CF-Connecting-IP only on the Worker.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { nodeClientIp } from "../src/lib/client-address";
import { RATE_LIMITS } from "../src/lib/rate-limiter";
import { startServer } from "../src/server";
import { freePort } from "./support/free-port";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function server(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "open-door-ip-"));
  dirs.push(dir);
  const port = await freePort();
  return startServer({ databaseUrl: join(dir, "ip.db"), port, seed: false, jobsEveryMs: 0, dispatchAfterRequest: false, env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ...env } });
}

/** Lets the sends the sign-in requests queued (50 ms after each) finish before the database closes. */
const settle = () => new Promise((r) => setTimeout(r, 300));

/** One sign-in request per header set, each for a different email (so only the address limit can bite). */
async function signInStatuses(base: string, headersFor: (i: number) => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i <= RATE_LIMITS.sign_in_ip.limit + 3; i++) {
    const res = await fetch(`${base}/api/v1/auth/magic-links`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headersFor(i) },
      body: JSON.stringify({ email: `caller${i}@example.com` }),
    });
    await res.body?.cancel();
    statuses.push(res.status);
  }
  return statuses;
}

describe("the caller's address on Node", () => {
  it("ignores a client-sent CF-Connecting-IP: a new header each time still gets 429 from the 31st request", async () => {
    const s = await server();
    try {
      const statuses = await signInStatuses(s.url.replace("localhost", "127.0.0.1"), (i) => ({ "cf-connecting-ip": `198.51.100.${i}` }));
      expect(statuses.slice(0, 30).every((st) => st === 202)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429, 429, 429]);
    } finally {
      await settle();
      await s.close();
    }
  });

  it("behind one trusted proxy (TRUST_PROXY=1) counts the rightmost X-Forwarded-For entry, whatever the client put to its left", async () => {
    const s = await server({ TRUST_PROXY: "1" });
    try {
      // A proxy that appends: the client's invented entries first, the address the proxy saw last.
      const statuses = await signInStatuses(s.url.replace("localhost", "127.0.0.1"), (i) => ({ "x-forwarded-for": `10.9.8.${i}, 203.0.113.9` }));
      expect(statuses.slice(0, 30).every((st) => st === 202)).toBe(true);
      expect(statuses[30]).toBe(429);
      // Control: a different real caller behind the same proxy is counted on its own.
      const other = await fetch(`${s.url.replace("localhost", "127.0.0.1")}/api/v1/auth/magic-links`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.10" },
        body: JSON.stringify({ email: "someone-else@example.com" }),
      });
      expect(other.status).toBe(202);
    } finally {
      await settle();
      await s.close();
    }
  });

  it("listens on 127.0.0.1 unless a hostname is given", async () => {
    const s = await server();
    try {
      expect(s.address).toBe("127.0.0.1");
    } finally {
      await settle();
      await s.close();
    }
  });
});

describe("nodeClientIp", () => {
  const ipFor = async (hops: number, forwarded?: string) => {
    const app = new Hono();
    app.get("/", (c) => c.text(nodeClientIp(hops)(c) ?? "none"));
    const env = { incoming: { socket: { remoteAddress: "10.0.0.1" } } };
    const res = await app.request("/", { headers: forwarded ? { "x-forwarded-for": forwarded } : {} }, env);
    return res.text();
  };

  it("takes the socket with no trusted proxy, whatever the headers say", async () => {
    expect(await ipFor(0, "1.2.3.4")).toBe("10.0.0.1");
  });

  it("counts trusted hops from the right of X-Forwarded-For", async () => {
    expect(await ipFor(1, "6.6.6.6, 1.2.3.4")).toBe("1.2.3.4");
    expect(await ipFor(2, "6.6.6.6, 1.2.3.4, 10.0.0.2")).toBe("1.2.3.4");
  });

  it("with fewer entries than hops, uses the leftmost there is rather than the proxy's own address", async () => {
    expect(await ipFor(3, "1.2.3.4")).toBe("1.2.3.4");
    expect(await ipFor(1)).toBe("10.0.0.1");
  });
});
