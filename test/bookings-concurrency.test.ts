// Rule 1 under real concurrency: the Node server on a libSQL file, driven over HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { bookings, sessions } from "../src/db/schema";
import { checkSeatAccounting } from "../src/rules/capacity";
import { addMember, organisation, session, signedIn, youngPeopleWithTokens } from "./support/fixtures";
import { serveUnguarded } from "./support/unguarded-booking";
import { serve } from "@hono/node-server";
import { createApp } from "../src/app";
import { libsqlDb, type Db } from "../src/db/client";
import { openLibsqlFile } from "../src/db/libsql-node";
import { devMailboxMailer } from "../src/features/notifications/mailer";
import { testConfig } from "../src/lib/config";
import { systemClock } from "../src/lib/time";
import { withNetworkLatency } from "./support/latency";
import { freePort } from "./support/free-port";
import { COORDINATOR } from "./support/harness";
import { startSite, type Site } from "./support/site";

let site: Site;
const db = () => site.server.deps.db;
const now = () => Date.now();

beforeAll(async () => {
  site = await startSite("race", { seed: false, coordinatorEmail: COORDINATOR });
}, 60_000);
afterEach(async () => {
  expect(await checkSeatAccounting(db())).toEqual([]);
});
afterAll(() => site?.close());

async function post(path: string, token: string, body: unknown = {}, base = site.base, method = "POST") {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { status?: string; position?: number; type?: string; id?: string } };
}
/** Opens `n` keep-alive connections first, so a burst arrives together instead of trickling in while sockets connect. */
async function warmUp(base: string, n = 300) {
  await Promise.all(Array.from({ length: n }, async () => (await fetch(`${base}/healthz`)).text()));
}
const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;
const seatsTaken = async (id: string) => (await db().select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;

describe("booking races over HTTP", () => {
  it("gives exactly 20 seats to 300 people booking a 20-seat session at once, and queues the other 280 in order", async () => {
    const s = await session(db(), now(), { capacity: 20 });
    const yps = await youngPeopleWithTokens(db(), now(), 300);
    await warmUp(site.base);
    const started = performance.now();
    const results = await Promise.all(yps.map((yp) => post(`/sessions/${s.id}/bookings`, yp.token)));
    const ms = Math.round(performance.now() - started);
    console.log(`[race] 300 simultaneous bookings for 20 seats answered in ${ms} ms`);
    expect(count(results, (r) => r.status >= 500)).toBe(0);
    expect(count(results, (r) => r.status === 201 && r.body.status === "confirmed")).toBe(20);
    expect(count(results, (r) => r.status === 201 && r.body.status === "waitlisted")).toBe(280);
    expect(results.filter((r) => r.body.status === "waitlisted").map((r) => r.body.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 280 }, (_, i) => i + 1),
    );
    expect(await seatsTaken(s.id)).toBe(20);
  });

  it("gives one booking to one person sending 50 requests at once", async () => {
    const s = await session(db(), now(), { capacity: 20 });
    const [yp] = await youngPeopleWithTokens(db(), now(), 1);
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/sessions/${s.id}/bookings`, yp!.token)));
    expect(count(results, (r) => r.status >= 500)).toBe(0);
    expect(count(results, (r) => r.status === 201)).toBe(1);
    expect(count(results, (r) => r.status === 409 && r.body.type!.endsWith("already-booked"))).toBe(49);
    const rows = await db().select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(rows).toHaveLength(1);
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("keeps the seat count exact through a storm of cancellations and bookings", async () => {
    const s = await session(db(), now(), { capacity: 10 });
    const first = await youngPeopleWithTokens(db(), now(), 10);
    const held = await Promise.all(first.map((yp) => post(`/sessions/${s.id}/bookings`, yp.token)));
    expect(count(held, (r) => r.body.status === "confirmed")).toBe(10);
    const later = await youngPeopleWithTokens(db(), now(), 60);
    const storm = await Promise.all([
      ...held.map((r, i) => post(`/bookings/${r.body.id}/cancel`, first[i]!.token)),
      ...later.map((yp) => post(`/sessions/${s.id}/bookings`, yp.token)),
    ]);
    expect(count(storm, (r) => r.status >= 500)).toBe(0);
    expect(count(storm.slice(0, 10), (r) => r.status === 200)).toBe(10);
    const rows = await db().select().from(bookings).where(eq(bookings.sessionId, s.id));
    const holding = count(rows, (r) => ["confirmed", "offered", "pending_consent"].includes(r.status));
    expect(await seatsTaken(s.id)).toBe(holding);
    // With people still waiting, no freed seat may be left unoffered.
    expect(count(rows, (r) => r.status === "waitlisted")).toBeGreaterThan(0);
    expect(holding).toBe(10);
  });

  it("never overbooks when school groups race individuals for the last seats", async () => {
    const s = await session(db(), now(), { capacity: 30, event: { groupsAllowed: true } });
    const schools = await Promise.all([1, 2, 3, 4].map(() => organisation(db(), "school")));
    const teachers = await youngPeopleWithTokens(db(), now(), 4, { dateOfBirth: "1985-01-01", prefix: "teacher" });
    for (const [i, t] of teachers.entries()) await addMember(db(), schools[i]!.id, t.id);
    const yps = await youngPeopleWithTokens(db(), now(), 25);
    const results = await Promise.all([
      ...teachers.map((t, i) => post(`/sessions/${s.id}/group-bookings`, t.token, { schoolId: schools[i]!.id, pupils: 9, staff: 1 })),
      ...yps.map((yp) => post(`/sessions/${s.id}/bookings`, yp.token)),
    ]);
    expect(count(results, (r) => r.status >= 500)).toBe(0);
    const groups = results.slice(0, 4);
    const groupsIn = count(groups, (r) => r.status === 201);
    expect(count(groups, (r) => r.status === 409 && r.body.type!.endsWith("session-full"))).toBe(4 - groupsIn);
    const confirmed = count(results.slice(4), (r) => r.body.status === "confirmed");
    expect(groupsIn * 10 + confirmed).toBeLessThanOrEqual(30);
    expect(await seatsTaken(s.id)).toBe(groupsIn * 10 + confirmed);
    // Seats only ever get fewer here, so: a refused group means fewer than its 10 were left,
    // and anyone put on the waiting list means none were.
    const free = 30 - (groupsIn * 10 + confirmed);
    expect(free).toBeLessThan(10);
    if (count(results.slice(4), (r) => r.body.status === "waitlisted") > 0) expect(free).toBe(0);
  });
});

describe("the same races with a network round trip per statement (as on D1 and Turso)", () => {
  let slowDb: Db;
  let url: string;
  let stop: () => Promise<void>;
  let closeClient: () => void;
  beforeAll(async () => {
    const { client } = await openLibsqlFile(site.databaseUrl);
    slowDb = libsqlDb(withNetworkLatency(client));
    closeClient = () => client.close();
    const app = createApp({ db: slowDb, clock: systemClock, config: testConfig(), mailer: devMailboxMailer(slowDb) });
    const port = await freePort();
    const http = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => http.once("listening", () => resolve()));
    url = `http://127.0.0.1:${port}`;
    stop = () => new Promise<void>((resolve) => http.close(() => resolve()));
  });
  afterAll(async () => {
    await stop?.();
    closeClient?.();
  });

  it("still gives exactly 20 seats to 300 people at once", async () => {
    const s = await session(db(), now(), { capacity: 20 });
    const yps = await youngPeopleWithTokens(db(), now(), 300);
    await warmUp(url);
    const started = performance.now();
    const results = await Promise.all(
      yps.map(async (yp) => {
        const res = await fetch(`${url}/api/v1/sessions/${s.id}/bookings`, {
          method: "POST",
          headers: { authorization: `Bearer ${yp.token}`, "content-type": "application/json" },
          body: "{}",
        });
        return { status: res.status, body: (await res.json()) as { status?: string } };
      }),
    );
    console.log(`[race] with latency: 300 simultaneous bookings answered in ${Math.round(performance.now() - started)} ms`);
    expect(count(results, (r) => r.status >= 500)).toBe(0);
    expect(count(results, (r) => r.body.status === "confirmed")).toBe(20);
    expect(count(results, (r) => r.body.status === "waitlisted")).toBe(280);
    expect(await seatsTaken(s.id)).toBe(20);
  });

  it("gives one booking to one person sending 50 requests at once, the unique index answering 409 (never 500) to the racers", async () => {
    const s = await session(db(), now(), { capacity: 20 });
    const [yp] = await youngPeopleWithTokens(db(), now(), 1);
    const results = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await fetch(`${url}/api/v1/sessions/${s.id}/bookings`, {
          method: "POST",
          headers: { authorization: `Bearer ${yp!.token}`, "content-type": "application/json" },
          body: "{}",
        });
        return { status: res.status, body: (await res.json()) as { type?: string } };
      }),
    );
    expect(count(results, (r) => r.status >= 500)).toBe(0);
    expect(count(results, (r) => r.status === 201)).toBe(1);
    expect(count(results, (r) => r.status === 409 && r.body.type!.endsWith("already-booked"))).toBe(49);
    expect(await db().select().from(bookings).where(eq(bookings.sessionId, s.id))).toHaveLength(1);
  });

  it("keeps the ledger exact when cancellations, bookings and capacity cuts interleave", async () => {
    const s = await session(db(), now(), { capacity: 10 });
    const first = await youngPeopleWithTokens(db(), now(), 10);
    const held = await Promise.all(first.map((yp) => post(`/sessions/${s.id}/bookings`, yp.token, {}, url)));
    const later = await youngPeopleWithTokens(db(), now(), 40);
    const coordinator = await signedIn(db(), now(), COORDINATOR);
    const storm = await Promise.all([
      ...held.slice(0, 6).map((r, i) => post(`/bookings/${r.body.id}/cancel`, first[i]!.token, {}, url)),
      ...later.map((yp) => post(`/sessions/${s.id}/bookings`, yp.token, {}, url)),
      // A cut to 6 seats: allowed only at a moment when at most 6 are taken.
      post(`/sessions/${s.id}`, coordinator, { capacity: 6 }, url, "PATCH"),
    ]);
    expect(count(storm, (r) => r.status >= 500)).toBe(0);
    const cut = storm.at(-1)!;
    expect(cut.status === 200 || (cut.status === 409 && cut.body.type!.endsWith("capacity-below-taken"))).toBe(true);
    const capacity = cut.status === 200 ? 6 : 10;
    const rows = await db().select().from(bookings).where(eq(bookings.sessionId, s.id));
    const holding = count(rows, (r) => ["confirmed", "offered", "pending_consent"].includes(r.status));
    expect(holding).toBe(capacity);
    expect(await seatsTaken(s.id)).toBe(capacity);
    console.log(`[race] capacity cut during the storm: ${cut.status}`);
  });

  it("frees a seat once when the same booking is cancelled 20 times at once", async () => {
    const s = await session(db(), now(), { capacity: 1 });
    const [holder, waiting, third] = await youngPeopleWithTokens(db(), now(), 3);
    const held = await post(`/sessions/${s.id}/bookings`, holder!.token, {}, url);
    await post(`/sessions/${s.id}/bookings`, waiting!.token, {}, url);
    await post(`/sessions/${s.id}/bookings`, third!.token, {}, url);
    const results = await Promise.all(Array.from({ length: 20 }, () => post(`/bookings/${held.body.id}/cancel`, holder!.token, {}, url)));
    expect(count(results, (r) => r.status === 200)).toBe(1);
    expect(count(results, (r) => r.status === 409)).toBe(19);
    const rows = await db().select().from(bookings).where(eq(bookings.sessionId, s.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "offered", "waitlisted"]);
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it("CONTROL: the same race against a read-then-write booking without the guard overbooks", async () => {
    const s = await session(db(), now(), { capacity: 20 });
    const yps = await youngPeopleWithTokens(db(), now(), 300);
    const control = await serveUnguarded(slowDb, await freePort());
    try {
      await warmUp(control.url);
      const results = await Promise.all(
        yps.map(async (yp) => (await (await fetch(`${control.url}/unguarded/${s.id}/${yp.id}`, { method: "POST" })).json()) as { status: string }),
      );
      const confirmed = count(results, (r) => r.status === "confirmed");
      console.log(`[race] control without the guard confirmed ${confirmed} of 20 seats`);
      expect(confirmed).toBeGreaterThan(20);
      const overbooked = await checkSeatAccounting(db());
      expect(overbooked).toContainEqual(expect.objectContaining({ sessionId: s.id, problem: "over_capacity" }));
    } finally {
      await control.close();
      // Undo the damage so the after-each ledger check covers only the real engine.
      await db().delete(bookings).where(and(eq(bookings.sessionId, s.id), inArray(bookings.status, ["confirmed", "waitlisted"])));
      await db().update(sessions).set({ seatsTaken: 0 }).where(eq(sessions.id, s.id));
    }
  });
});
