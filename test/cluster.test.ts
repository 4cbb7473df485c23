// PROCESSES=2 (src/cluster.ts): two server processes on one port and one database file keep
// every guarantee one process gives. Seats: the write lock orders the two processes' batches
// as it orders one process's. The abuse limiter: counted once by the primary, so two
// processes do not double a person's limit (a control shows what a limiter per process does).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openLibsqlFile } from "../src/db/libsql-node";
import { checkSeatAccounting } from "../src/rules/capacity";
import { RATE_LIMITS } from "../src/lib/rate-limiter";
import { createEvents, createHostAndVenue, createPeople } from "../bench/fixtures";
import { freePort } from "./support/free-port";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "open-door-cluster-"));
const dbPath = join(dir, "cluster.db");
const now = Date.now();
let base: string;
let stop: () => void;
let sessionId: string;
let spareSessionId: string;
let tokens: string[];

beforeAll(async () => {
  const { db, client } = await openLibsqlFile(dbPath);
  await applyMigrations(db);
  await createHostAndVenue(db, now);
  sessionId = (await createEvents(db, now, 1, 20, "race"))[0]!;
  spareSessionId = (await createEvents(db, now, 1, 1000, "spare"))[0]!;
  tokens = await createPeople(db, now, 301, "race");
  client.close();
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench/server.ts")], {
    cwd: root,
    env: { ...process.env, BENCH_DB: dbPath, PORT: String(port), PROCESSES: "2" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  stop = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  };
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the cluster did not start in 60 s")), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /ready (\S+) processes=2/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
}, 90_000);

afterAll(() => {
  stop?.();
  rmSync(dir, { recursive: true, force: true });
});

const book = (session: string, token: string) =>
  fetch(`${base}/api/v1/sessions/${session}/bookings`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: "{}",
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string } }));

describe("two server processes on one database file (PROCESSES=2)", () => {
  it("give exactly 20 seats to 300 people at once, queue the rest, and keep the ledger exact", async () => {
    const results = await Promise.all(tokens.slice(0, 300).map((t) => book(sessionId, t)));
    expect(results.filter((r) => r.status >= 500 || r.status === 0)).toEqual([]);
    expect(results.filter((r) => r.body.status === "confirmed")).toHaveLength(20);
    expect(results.filter((r) => r.body.status === "waitlisted")).toHaveLength(280);
    const { db, client } = await openLibsqlFile(dbPath);
    try {
      expect(await checkSeatAccounting(db)).toEqual([]);
    } finally {
      client.close();
    }
  }, 60_000);

  it("count one person's booking attempts once across both processes: the limit is not doubled", async () => {
    const { limit } = RATE_LIMITS.booking_person;
    // Someone who has not booked yet: one place, then refusals (already booked), then 429s.
    const results = await Promise.all(Array.from({ length: limit + 40 }, () => book(spareSessionId, tokens[300]!)));
    // With a limiter in each process's memory, up to 2 × limit would get through.
    expect(results.filter((r) => r.status === 429)).toHaveLength(40);
  }, 60_000);
});
