// `npm run bench`: the figures issue #3 asks for, all from one run, one `name=value` per line.
// Starts the Node server (as `npm start` does) on a libSQL file in a temporary folder, and
// drives it from this process with autocannon over 127.0.0.1. A bench reports; tests assert.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import autocannon from "autocannon";
import { applyMigrations, openLibsqlFile } from "../src/db/libsql-node";
import { createEvents, createHostAndVenue, createPeople, fillBookings } from "./fixtures";
import { dbCeilingRps } from "./db-ceiling";
import { carouselFigures } from "./carousel";

const QUICK = process.env.BENCH_QUICK === "1";
const DURATION_S = QUICK ? 3 : 8;
const now = Date.now();

function print(name: string, value: number) {
  console.log(`${name}=${Number.isInteger(value) ? value : value.toFixed(3)}`);
}

async function startChild(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "server.ts")], {
    env: { ...process.env, BENCH_DB: dbPath, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 30 s")), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /ready (\S+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

async function stopChild(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  child.kill("SIGKILL");
}

type Result = autocannon.Result;

function load(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

/** Each request from a fresh person: the token list is walked once, in order. */
function bookingLoad(url: string, sessionId: string, tokens: string[], connections = 16): Promise<Result> {
  let next = 0;
  return load({
    url: `${url}/api/v1/sessions/${sessionId}/bookings`,
    connections,
    amount: tokens.length,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    requests: [
      {
        setupRequest: (req) => {
          const token = tokens[next++ % tokens.length];
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
        },
      },
    ],
  });
}

const non2xx = (r: Result) => r.non2xx + r.errors + r.timeouts;

async function main() {
  carouselFigures(print);
  const dir = mkdtempSync(join(tmpdir(), "open-door-bench-"));
  const dbPath = join(dir, "bench.db");
  try {
    const { db, client } = await openLibsqlFile(dbPath);
    await applyMigrations(db);
    await createHostAndVenue(db, now);
    await createEvents(db, now, 500, 1_000_000, "cat");
    const [bookingSession] = await createEvents(db, now, 1, 1_000_000, "big");
    const [contentionSession] = await createEvents(db, now, 1, 50, "hot");
    const [p99Session] = await createEvents(db, now, 1, 1_000_000, "p99");
    const [warmSession] = await createEvents(db, now, 1, 1_000_000, "warm");
    const warmTokens = await createPeople(db, now, 1000, "warm");
    const bookingTokens = await createPeople(db, now, QUICK ? 1500 : 4000, "rps");
    const contentionTokens = await createPeople(db, now, 2000, "hot");
    const p99Tokens = await createPeople(db, now, QUICK ? 1000 : 4000, "p99");
    const ceilingPeople = await createPeople(db, now, QUICK ? 1500 : 4000, "ceil");
    await fillBookings(db, now, 10_000);

    // The in-process ceiling runs first, on its own session, before any server exists.
    const [ceilingSession] = await createEvents(db, now, 1, 1_000_000, "ceil");
    const ceiling = await dbCeilingRps(db, ceilingSession!, ceilingPeople.map((_, i) => `per_ceil_${i}`));
    client.close();

    let { url, child } = await startChild(dbPath);
    try {
      const health = await load({ url: `${url}/healthz`, connections: 16, duration: DURATION_S });
      const catalogue = await load({ url: `${url}/api/v1/events?limit=20`, connections: 16, duration: DURATION_S });
      const booking = await bookingLoad(url, bookingSession!, bookingTokens);
      print("healthz_rps", health.requests.average);
      print("catalogue_rps", catalogue.requests.average);
      print("booking_rps", booking.requests.average);
      print("db_ceiling_rps", ceiling);
      print("booking_vs_healthz", booking.requests.average / health.requests.average);
      print("booking_vs_db_ceiling", booking.requests.average / ceiling);
      print("booking_non2xx", non2xx(booking));

      // 2,000 attempts on 50 seats, all in flight at once.
      const statuses = await Promise.all(
        contentionTokens.map((token) =>
          fetch(`${url}/api/v1/sessions/${contentionSession}/bookings`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: "{}",
          })
            .then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string } }))
            .catch(() => ({ status: 599, body: {} as { status?: string } })),
        ),
      );
      const confirmedHttp = statuses.filter((s) => s.status === 201 && s.body.status === "confirmed").length;
      const check = await openLibsqlFile(dbPath);
      const [row] = (await check.db.all(
        sql`select count(*) as n from bookings where session_id = ${contentionSession} and status in ('confirmed','pending_consent','offered')`,
      )) as [{ n: number }];
      check.client.close();
      print("contention_confirmed", Number(row.n));
      print("contention_confirmed_http", confirmedHttp);
      print("contention_overbooked", Math.max(0, Number(row.n) - 50));
      print("contention_5xx", statuses.filter((s) => s.status >= 500).length);

      // Latency against table size: each measurement on a freshly started server, warmed up
      // on a different session first, so both sides see the same (warm) cache state.
      const warmUp = (base: string, tokens: string[]) => bookingLoad(base, warmSession!, tokens, 8);
      await stopChild(child);
      const settle = await openLibsqlFile(dbPath);
      await settle.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      settle.client.close();
      ({ url, child } = await startChild(dbPath));
      await warmUp(url, warmTokens.slice(0, warmTokens.length / 2));
      const p99At10k = await bookingLoad(url, p99Session!, p99Tokens.slice(0, p99Tokens.length / 2), 8);
      await stopChild(child);

      const fill = await openLibsqlFile(dbPath);
      await fillBookings(fill.db, now, QUICK ? 200_000 : 1_000_000);
      // Fold the bulk load into the database file so the server starts as it would on a
      // long-running programme's database, not with hundreds of MB of WAL to checkpoint.
      await fill.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      fill.client.close();
      ({ url, child } = await startChild(dbPath));
      await warmUp(url, warmTokens.slice(warmTokens.length / 2));
      const p99At1m = await bookingLoad(url, p99Session!, p99Tokens.slice(p99Tokens.length / 2), 8);
      print("p99_booking_ms_10k", p99At10k.latency.p99);
      print(QUICK ? "p99_booking_ms_200k" : "p99_booking_ms_1m", p99At1m.latency.p99);
      print("growth", p99At1m.latency.p99 / Math.max(1, p99At10k.latency.p99));
    } finally {
      await stopChild(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
