// OWASP API: account enumeration. Asking for a sign-in link, or signing up, must not tell
// anyone whether an address is registered: not by status, body or headers, and not by time.
// The write a known address costs runs after the response (deps.defer, Workers waitUntil).
// Each batch here takes 25 ms, as a remote database's round trip would, so a difference in
// time would be plain to see; the control shows the same measurement catches it when the
// write is awaited before answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import type { Db } from "../src/db/client";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
const KNOWN = "known@example.com";
const SAMPLES = 30;
const WRITE_MS = 25;
/** Generous: a tenth of a millisecond of noise is normal, a round trip is not. */
const BOUND_MS = 8;

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await h.tokenFor(KNOWN, { dateOfBirth: "2009-01-01", isYoungPerson: true });
});
afterAll(() => h.close());

function appWith(options: { deferWrites: boolean }) {
  const pending: Promise<unknown>[] = [];
  const slowDb = new Proxy(h.db, {
    get(target, prop, receiver) {
      if (prop === "batch") return async (queries: Parameters<Db["batch"]>[0]) => (await new Promise((r) => setTimeout(r, WRITE_MS)), target.batch(queries));
      return Reflect.get(target, prop, receiver);
    },
  }) as Db;
  const app = createApp({ ...h.deps, db: slowDb, defer: options.deferWrites ? (p) => pending.push(p) : undefined });
  const post = async (path: string, body: unknown) => {
    const started = performance.now();
    const res = await app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const ms = performance.now() - started;
    return { res, ms, text: await res.text() };
  };
  return { post, settle: async () => void (await Promise.all(pending.splice(0))) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const headersOf = (res: Response) => JSON.stringify([...res.headers.entries()].sort());

/** Alternates known and unknown addresses so drift in the machine's speed hits both alike. */
async function measure(app: ReturnType<typeof appWith>, path: string, bodyFor: (email: string) => unknown) {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const a = await app.post(path, bodyFor(KNOWN));
    await app.settle();
    const b = await app.post(path, bodyFor(`nobody-${i}-${Math.random()}@example.com`));
    await app.settle();
    expect(a.res.status).toBe(b.res.status);
    expect(a.text).toBe(b.text);
    expect(headersOf(a.res)).toBe(headersOf(b.res));
    known.push(a.ms);
    unknown.push(b.ms);
  }
  return { known: median(known), unknown: median(unknown) };
}

const ROUTES: [string, (email: string) => unknown][] = [
  ["/api/v1/auth/magic-links", (email) => ({ email })],
  ["/api/v1/young-people", (email) => ({ email, displayName: "Sam", dateOfBirth: "2009-01-01" })],
];

describe("enumeration", () => {
  it.each(ROUTES)("%s answers known and unknown addresses identically, in the same time", async (path, bodyFor) => {
    const { known, unknown } = await measure(appWith({ deferWrites: true }), path, bodyFor);
    expect(Math.abs(known - unknown), `median known ${known.toFixed(2)} ms, unknown ${unknown.toFixed(2)} ms`).toBeLessThan(BOUND_MS);
  });

  it("control: when the link's write is awaited before answering, the same measurement tells them apart", async () => {
    const { known, unknown } = await measure(appWith({ deferWrites: false }), "/api/v1/auth/magic-links", (email) => ({ email }));
    expect(known - unknown).toBeGreaterThan(BOUND_MS);
  });
});
