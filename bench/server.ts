// The app as `npm start` runs it, on the bench's database file, in its own process so the
// load generator never shares an event loop with the server it measures. PROCESSES=n (or
// auto) runs n processes on one port, as `npm start` does (src/cluster.ts); the bench prints
// which it measured (server_processes).
import { startProcesses } from "../src/server";
import { processesFromEnv } from "../src/cluster";

const handle = await startProcesses(
  {
    databaseUrl: process.env.BENCH_DB!,
    port: Number(process.env.PORT ?? 0),
    hostname: "127.0.0.1",
    seed: false,
    jobsEveryMs: 0,
    dispatchAfterRequest: false,
    env: { NODE_ENV: "production", COORDINATOR_EMAILS: "coordinator@bench.test", PUBLIC_URL: "http://127.0.0.1" },
  },
  processesFromEnv(process.env.PROCESSES),
);
if (handle) {
  process.stdout.write(`ready ${handle.url} processes=${handle.processes}\n`);
  process.on("SIGTERM", async () => {
    await handle.close();
    process.exit(0);
  });
}
