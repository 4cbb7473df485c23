import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import { createApp } from "./app";
import { applyMigrations, openLibsqlFile } from "./db/libsql-node";
import { seedDemoData } from "./db/seed";
import { mailerFor } from "./features/notifications/mailer";
import { configFromEnv } from "./lib/config";
import type { Deps } from "./lib/deps";
import { memoryRateLimiter, type RateLimiter } from "./lib/rate-limiter";
import { answerCache } from "./lib/answer-cache";
import { isClusterWorker, primaryBackedRateLimiter, processesFromEnv, reportReady, runsScheduledJobs, startWorkers } from "./cluster";
import { nodeClientIp } from "./lib/client-address";
import { systemClock, type Clock } from "./lib/time";
import { runScheduledJobs } from "./jobs";
import { dispatchOutbox } from "./features/notifications/outbox";
import { logFault } from "./lib/log";

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  hostname?: string;
  seed?: boolean;
  /** Run the scheduled jobs every this many ms (0 = never, for benchmarks and tests). */
  jobsEveryMs?: number;
  /** Send queued email right after each write request (default). The bench turns it off to
   * measure the booking write alone; the outbox rows are still written in the same batch. */
  dispatchAfterRequest?: boolean;
  env?: Record<string, string | undefined>;
  /** Apply migrations at start (default). A cluster's primary has applied them already. */
  migrate?: boolean;
  /** The abuse limiter; this process's memory unless given (a cluster worker asks the primary). */
  rateLimiter?: RateLimiter;
  /** The clock; the system's unless given (a browser test moves it on while a person types). */
  clock?: Clock;
}

/** Pending connections the kernel may queue for us: a ticket release's burst, all at once. */
export const LISTEN_BACKLOG = 4096;

/** Starts the app on an embedded libSQL file. Returns a handle to stop it. */
export async function startServer(options: ServerOptions) {
  const env = options.env ?? process.env;
  const config = configFromEnv({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${options.port}` }, "node");
  const { db, client, dataVersion } = await openLibsqlFile(options.databaseUrl);
  if (options.migrate !== false) await applyMigrations(db);
  const clock = options.clock ?? systemClock;
  if (options.seed) await seedDemoData(db, clock.now());
  const deps: Deps = {
    db,
    config,
    clock,
    mailer: mailerFor(db, config),
    // Deferred work may queue email (a sign-in link): send it once the work is done.
    defer: (p) => void p.then(() => drainSoon()).catch((err) => logFault("deferred work failed", err)),
    rateLimiter: options.rateLimiter ?? memoryRateLimiter(clock),
    clientIp: nodeClientIp(config.trustedProxyHops),
    answers: dataVersion ? answerCache(dataVersion) : undefined,
  };
  const app = createApp(deps);
  let draining = false;
  const drainSoon = () => {
    if (draining) return;
    draining = true;
    setTimeout(() => {
      dispatchOutbox(deps)
        .catch((err) => logFault("dispatch failed", err))
        .finally(() => (draining = false));
    }, 50);
  };
  const server = createAdaptorServer({
    fetch: async (req, bindings) => {
      const res = await app.fetch(req, bindings);
      if (req.method !== "GET" && options.dispatchAfterRequest !== false) drainSoon();
      return res;
    },
    serverOptions: {
      // Keep idle connections open longer than clients and proxies do (undici: 4 s, most load
      // balancers: 60 s), so the client, not the server, closes an idle socket. Otherwise a
      // request can be written onto a socket the server is closing ("other side closed").
      keepAliveTimeout: 65_000,
      headersTimeout: 66_000,
    },
  });
  // Node's default backlog (511) overflowed when 2,000 people pressed "book" at once: the
  // kernel refused the connections it had no room for (issue #19). The kernel caps this at
  // net.core.somaxconn (4096 on current Linux). Loopback unless told otherwise: `npm start`
  // runs the development mailbox, which shows everyone's sign-in links to whoever can reach
  // the port.
  server.listen({ port: options.port, host: options.hostname ?? "127.0.0.1", backlog: LISTEN_BACKLOG });
  const every = options.jobsEveryMs ?? 60_000;
  const timer = every > 0 ? setInterval(() => void runScheduledJobs(deps), every) : undefined;
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    deps,
    /** The address the socket listens on (127.0.0.1 unless a hostname was given). */
    address: (server.address() as { address: string }).address,
    url: `http://${options.hostname === "0.0.0.0" || !options.hostname ? "localhost" : options.hostname}:${(server.address() as { port: number }).port}`,
    async close() {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.close();
    },
  };
}

/**
 * `processes` servers on one port and one database file (src/cluster.ts says why that keeps
 * every guarantee). In the primary: migrations and demo data once, then the workers; answers
 * with the address once all listen. In a worker (this module runs again there): starts its
 * server and answers null.
 */
export async function startProcesses(options: ServerOptions, processes: number): Promise<{ url: string; processes: number; close(): Promise<void> } | null> {
  if (processes <= 1 && !isClusterWorker()) return { ...(await startServer(options)), processes: 1 };
  if (isClusterWorker()) {
    const handle = await startServer({
      ...options,
      migrate: false,
      seed: false,
      jobsEveryMs: runsScheduledJobs() ? options.jobsEveryMs : 0,
      rateLimiter: primaryBackedRateLimiter(),
    });
    reportReady(handle.url);
    process.on("SIGTERM", async () => {
      await handle.close();
      process.exit(0);
    });
    return null;
  }
  const { db, client } = await openLibsqlFile(options.databaseUrl);
  await applyMigrations(db);
  if (options.seed) await seedDemoData(db, systemClock.now());
  client.close();
  return { ...(await startWorkers(processes)), processes };
}

/** The coordinator in the demo data (src/db/seed.ts), so a first `npm start` can sign in. */
export const DEMO_COORDINATOR_EMAIL = "coordinator@opendoor.example";

// Only when run as the entry (`npm start`), not when imported (tests, bench/server.ts).
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const started = Date.now();
  const demoCoordinator = !process.env.COORDINATOR_EMAILS && process.env.NODE_ENV !== "production";
  const handle = await startProcesses(
    {
      env: demoCoordinator ? { ...process.env, COORDINATOR_EMAILS: DEMO_COORDINATOR_EMAIL } : process.env,
      databaseUrl: process.env.DATABASE_URL ?? "./data/open-door.db",
      port: Number(process.env.PORT ?? 8787),
      // HOST=0.0.0.0 to serve the network (with a real mailer: the development mailbox is open to all).
      hostname: process.env.HOST || undefined,
      seed: process.env.SEED !== "0",
      jobsEveryMs: 60_000,
    },
    // PROCESSES=auto: one per core (src/cluster.ts).
    processesFromEnv(process.env.PROCESSES),
  );
  // A cluster worker (handle null) serves until the primary stops it.
  if (handle) {
    console.log(`Open Door is running at ${handle.url} (ready in ${Date.now() - started} ms, ${handle.processes} process${handle.processes > 1 ? "es" : ""})`);
    console.log(`API docs: ${handle.url}/api/docs   Demo emails: ${handle.url}/dev/mailbox`);
    if (demoCoordinator) console.log(`COORDINATOR_EMAILS is not set: ${DEMO_COORDINATOR_EMAIL} is the coordinator for this run.`);
    const stop = async () => {
      await handle.close();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  }
}
