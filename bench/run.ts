// `npm run bench`: the figures issues #3 and #19 ask for, all from one run, one `name=value` per line.
// Starts the Node server (as `npm start` does) on a libSQL file in a temporary folder, and
// drives it from this process with autocannon over 127.0.0.1. A bench reports; tests assert.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import autocannon from "autocannon";
import { applyMigrations, openLibsqlFile } from "../src/db/libsql-node";
import { createEvents, createHostAndVenue, createPeople, fillBookings, tokensForFillPeople } from "./fixtures";
import { serviceRps } from "./service";
import { rawBookingRps } from "./raw";
import { workerSize } from "./worker-size";
import { d1RowsPerBooking } from "./d1-cost";
import { carouselFigures } from "./carousel";

const QUICK = process.env.BENCH_QUICK === "1";
const DURATION_S = QUICK ? 3 : 8;
const now = Date.now();

function print(name: string, value: number) {
  console.log(`${name}=${Number.isInteger(value) ? value : value.toFixed(3)}`);
}

/** The server as `npm start` runs it; PROCESSES=n runs n processes on one port (src/server.ts). */
async function startChild(dbPath: string): Promise<{ url: string; child: ChildProcess; processes: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "server.ts")], {
    env: { ...process.env, BENCH_DB: dbPath, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const ready = await new Promise<{ url: string; processes: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 60 s")), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /ready (\S+) processes=(\d+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, processes: Number(m[2]) });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { ...ready, child };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  // The whole group: a cluster's workers too.
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {}
}

type Result = autocannon.Result;

function load(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

/**
 * Each request from a fresh person: the token list is walked once, in order. A fixed number of
 * requests ends between autocannon's one-second samples, so its average (whole seconds) would
 * round the rate down; the rate is the requests over the time from the first sent to the last
 * answered.
 */
async function bookingLoad(url: string, sessionId: string, tokens: string[], connections = 16): Promise<Result & { rps: number }> {
  let next = 0;
  let first = 0;
  let last = 0;
  const result = await load({
    url: `${url}/api/v1/sessions/${sessionId}/bookings`,
    connections,
    amount: tokens.length,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    requests: [
      {
        setupRequest: (req) => {
          if (next === 0) first = performance.now();
          const token = tokens[next++ % tokens.length];
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
        },
        onResponse: () => {
          last = performance.now();
        },
      },
    ],
  });
  return { ...result, rps: result.requests.total / ((last - first) / 1000) };
}

const non2xx = (r: Result) => r.non2xx + r.errors + r.timeouts;

/**
 * Service time, not queueing: one request at a time from people who already hold bookings,
 * each timed on its own. Returns the 50th and 99th percentiles in ms.
 */
async function serviceTimes(url: string, sessionId: string, tokens: string[]): Promise<{ p50: number; p99: number; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  for (const token of tokens) {
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/sessions/${sessionId}/bookings`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 201) failed++;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), failed };
}

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
    const [growthSession] = await createEvents(db, now, 1, 1_000_000, "p99");
    const [warmSession] = await createEvents(db, now, 1, 1_000_000, "warm");
    const [serviceSession] = await createEvents(db, now, 1, 1_000_000, "svc");
    const [rawSession] = await createEvents(db, now, 1, 1_000_000, "raw");
    const [rawGroupedSession] = await createEvents(db, now, 1, 1_000_000, "rawg");
    const warmTokens = await createPeople(db, now, 1000, "warm");
    const bookingTokens = await createPeople(db, now, QUICK ? 1500 : 4000, "rps");
    const contentionTokens = await createPeople(db, now, 2000, "hot");
    const servicePeople = await createPeople(db, now, QUICK ? 1500 : 4000, "svc");
    const rawPeople = await createPeople(db, now, QUICK ? 1500 : 4000, "raw");
    await fillBookings(db, now, 10_000);
    const growthN = QUICK ? 300 : 1000;
    const growthTokens = await tokensForFillPeople(db, now, 0, 2 * growthN);

    // In this process, before any server exists, on the same file and driver settings: the
    // raw batch (the ceiling) and the booking service without HTTP.
    const raw = await rawBookingRps(client, rawSession!, rawPeople.map((_, i) => `per_raw_${i}`));
    const rawGrouped = await rawBookingRps(client, rawGroupedSession!, rawPeople.map((_, i) => `per_raw_${i}`), 16);
    const service = await serviceRps(db, serviceSession!, servicePeople.map((_, i) => `per_svc_${i}`));
    client.close();

    let { url, child, processes } = await startChild(dbPath);
    try {
      const health = await load({ url: `${url}/healthz`, connections: 100, duration: DURATION_S });
      const catalogue = await load({ url: `${url}/api/v1/events?limit=20`, connections: 100, duration: DURATION_S });
      const whatsOn = await load({ url: `${url}/`, connections: 100, duration: DURATION_S });
      const booking = await bookingLoad(url, bookingSession!, bookingTokens);
      print("server_processes", processes);
      print("healthz_rps", health.requests.average);
      print("catalogue_rps", catalogue.requests.average);
      print("catalogue_p99_ms", catalogue.latency.p99);
      print("events_vs_healthz", catalogue.requests.average / health.requests.average);
      print("whatson_page_rps", whatsOn.requests.average);
      print("whatson_vs_healthz", whatsOn.requests.average / health.requests.average);
      print("raw_booking_rps", raw);
      print("raw_grouped_rps", rawGrouped);
      print("service_rps", service);
      print("booking_rps", booking.rps);
      print("booking_vs_raw", booking.rps / raw);
      print("service_vs_raw", service / raw);
      // With group commit, concurrent writers can pass the sequential ceiling (service_vs_raw
      // above 1 says so); beside the same batch at the same concurrency they cannot.
      print("booking_vs_raw_grouped", booking.rps / rawGrouped);
      print("service_vs_raw_grouped", service / rawGrouped);
      print("booking_vs_healthz", booking.rps / health.requests.average);
      print("booking_non2xx", non2xx(booking));

      // 2,000 attempts on 50 seats, all in flight at once, each on its own connection.
      const statuses = await Promise.all(
        contentionTokens.map((token) =>
          fetch(`${url}/api/v1/sessions/${contentionSession}/bookings`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: "{}",
          })
            .then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string } }))
            .catch(() => ({ status: 0, body: {} as { status?: string } })),
        ),
      );
      const confirmedHttp = statuses.filter((s) => s.status === 201 && s.body.status === "confirmed").length;
      const check = await openLibsqlFile(dbPath);
      const [row] = (await check.db.all(
        sql`select count(*) as n from bookings where session_id = ${contentionSession} and status in ('confirmed','pending_consent','offered')`,
      )) as [{ n: number }];
      check.client.close();
      print("contention_attempts", statuses.length);
      print("contention_confirmed", Number(row.n));
      print("contention_confirmed_http", confirmedHttp);
      print("contention_overbooked", Math.max(0, Number(row.n) - 50));
      print("contention_5xx", statuses.filter((s) => s.status >= 500).length);
      print("contention_network_errors", statuses.filter((s) => s.status === 0).length);

      // Service time against table size, by people who already hold bookings: each
      // measurement on a freshly started server, warmed up on another session first.
      const warmUp = (base: string, tokens: string[]) => bookingLoad(base, warmSession!, tokens, 8);
      await stopChild(child);
      const settle = await openLibsqlFile(dbPath);
      await settle.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      settle.client.close();
      ({ url, child } = await startChild(dbPath));
      await warmUp(url, warmTokens.slice(0, warmTokens.length / 2));
      const at10k = await serviceTimes(url, growthSession!, growthTokens.slice(0, growthN));
      await stopChild(child);

      const fill = await openLibsqlFile(dbPath);
      await fillBookings(fill.db, now, QUICK ? 200_000 : 1_000_000);
      // Fold the bulk load into the database file so the server starts as it would on a
      // long-running programme's database, not with hundreds of MB of WAL to checkpoint.
      await fill.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      fill.client.close();
      ({ url, child } = await startChild(dbPath));
      await warmUp(url, warmTokens.slice(warmTokens.length / 2));
      const atMax = await serviceTimes(url, growthSession!, growthTokens.slice(growthN));
      const big = QUICK ? "200k" : "1m";
      print("service_p50_ms_10k", at10k.p50);
      print("service_p99_ms_10k", at10k.p99);
      print(`service_p50_ms_${big}`, atMax.p50);
      print(`service_p99_ms_${big}`, atMax.p99);
      print("growth", atMax.p99 / at10k.p99);
      print("growth_failed", at10k.failed + atMax.failed);
    } finally {
      await stopChild(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The Worker as deployed: its size and its start-up in workerd.
  const worker = await workerSize();
  print("worker_gzip_kib", worker.gzipKib);
  print("worker_raw_kib", worker.rawKib);
  print("worker_startup_ms", worker.startupMs);
  // The booking on D1, in workerd: rows read and written (what D1 bills) and statements.
  for (const [name, value] of Object.entries(await d1RowsPerBooking())) print(name, value);
}

await main();
