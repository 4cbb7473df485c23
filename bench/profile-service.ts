// Profiling aid (not part of `npm run bench`): books N people through the service in-process
// so `node --cpu-prof --import tsx bench/profile-service.ts` shows where a booking's CPU goes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, openLibsqlFile } from "../src/db/libsql-node";
import { createEvents, createHostAndVenue, createPeople, fillBookings } from "./fixtures";
import { serviceRps } from "./service";
import { rawBookingRps } from "./raw";

const n = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), "open-door-profile-"));
const now = Date.now();
try {
  const { db, client } = await openLibsqlFile(join(dir, "p.db"));
  await applyMigrations(db);
  await createHostAndVenue(db, now);
  const [s] = await createEvents(db, now, 1, 1_000_000, "svc");
  const [r] = await createEvents(db, now, 1, 1_000_000, "raw");
  await createPeople(db, now, n, "svc");
  await createPeople(db, now, n, "raw");
  await fillBookings(db, now, 10_000);
  // CPU per booking beside the rate: it holds still on a shared machine where the rate does not.
  let cpu = process.cpuUsage();
  const raw = await rawBookingRps(client, r!, Array.from({ length: n }, (_, i) => `per_raw_${i}`));
  let used = process.cpuUsage(cpu);
  console.log(`raw_booking_rps=${raw.toFixed(1)} cpu_ms=${((used.user + used.system) / 1000 / n).toFixed(3)}`);
  cpu = process.cpuUsage();
  const service = await serviceRps(db, s!, Array.from({ length: n }, (_, i) => `per_svc_${i}`));
  used = process.cpuUsage(cpu);
  console.log(`service_rps=${service.toFixed(1)} cpu_ms=${((used.user + used.system) / 1000 / n).toFixed(3)}`);
  client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
