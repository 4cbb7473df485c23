// Profiling aid (not part of `npm run bench`): the booking route and the public list through the
// whole app (middleware, auth, validation, service, response) in-process, without sockets, so
// `node --cpu-prof --import tsx bench/profile-http.ts 3000 [book|events|page]` shows where a
// request's CPU goes beside bench/profile-service.ts (the service alone).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app";
import { applyMigrations, openLibsqlFile } from "../src/db/libsql-node";
import { configFromEnv } from "../src/lib/config";
import type { Deps } from "../src/lib/deps";
import { memoryRateLimiter } from "../src/lib/rate-limiter";
import { systemClock } from "../src/lib/time";
import { devMailboxMailer } from "../src/features/notifications/mailer";
import { createEvents, createHostAndVenue, createPeople, fillBookings } from "./fixtures";
import { inFlight } from "./in-flight";

const n = Number(process.argv[2] ?? 2000);
const what = process.argv[3] ?? "book";
const dir = mkdtempSync(join(tmpdir(), "open-door-profile-"));
const now = Date.now();
try {
  const { db, client } = await openLibsqlFile(join(dir, "p.db"));
  await applyMigrations(db);
  await createHostAndVenue(db, now);
  await createEvents(db, now, 500, 1_000_000, "cat");
  const [s] = await createEvents(db, now, 1, 1_000_000, "svc");
  const tokens = await createPeople(db, now, n, "svc");
  await fillBookings(db, now, 10_000);
  const config = configFromEnv({ NODE_ENV: "production", PUBLIC_URL: "http://127.0.0.1", COORDINATOR_EMAILS: "c@bench.test" }, "node");
  const deps: Deps = { db, config, clock: systemClock, mailer: devMailboxMailer(db), rateLimiter: memoryRateLimiter(systemClock), clientIp: () => "127.0.0.1" };
  const app = createApp(deps);
  const request = (k: number) =>
    what === "book"
      ? app.request(`/api/v1/sessions/${s}/bookings`, { method: "POST", headers: { authorization: `Bearer ${tokens[k]}`, "content-type": "application/json" }, body: "{}" })
      : app.request(what === "events" ? "/api/v1/events?limit=20" : "/");
  const started = performance.now();
  const cpu = process.cpuUsage();
  let failed = 0;
  await inFlight(n, 16, async (k) => {
    const res = await request(k);
    await res.arrayBuffer();
    if (res.status >= 300) failed++;
  });
  const used = process.cpuUsage(cpu);
  // CPU per request holds still on a shared machine where requests per second do not.
  console.log(`${what}_rps=${(n / ((performance.now() - started) / 1000)).toFixed(1)} cpu_ms_per_request=${((used.user + used.system) / 1000 / n).toFixed(3)} failed=${failed}`);
  client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
