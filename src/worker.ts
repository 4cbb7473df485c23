import { createClient } from "@libsql/client/web";
import { createApp } from "./app";
import { d1Db, libsqlDb, type Db } from "./db/client";
import { seedDemoData } from "./db/seed";
import { mailerFor } from "./features/notifications/mailer";
import { configFromEnv, type EnvVars } from "./lib/config";
import type { Deps } from "./lib/deps";
import { bindingRateLimiter, type RateLimitBinding } from "./lib/rate-limiter";
import { workerClientIp } from "./lib/client-address";
import { systemClock } from "./lib/time";
import { runScheduledJobs } from "./jobs";
import { AFTER_RESPONSE_BUDGET_MS, dispatchOutbox } from "./features/notifications/outbox";
import { logFault } from "./lib/log";
import { loadCatalogues, withCatalogues } from "./i18n/catalogues-worker";
import type { Catalogues } from "./i18n";

/** Bindings: the D1 database and plain-text vars/secrets (see wrangler.toml and the README). */
export type Env = {
  DB?: D1Database;
  /** The static assets (wrangler.toml's [assets]): the message catalogues. */
  ASSETS: Fetcher;
  SIGN_IN_EMAIL_LIMITER?: RateLimitBinding;
  SIGN_IN_IP_LIMITER?: RateLimitBinding;
  CONSENT_LIMITER?: RateLimitBinding;
  BOOKING_LIMITER?: RateLimitBinding;
  SITE_FEEDBACK_LIMITER?: RateLimitBinding;
  POSTER_SCAN_LIMITER?: RateLimitBinding;
} & { [name: string]: unknown };

const vars = (env: Env): EnvVars =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as EnvVars;

function database({ TURSO_DATABASE_URL: url, TURSO_AUTH_TOKEN: authToken }: EnvVars, d1: D1Database | undefined): Db {
  if (url) {
    return libsqlDb(createClient({ url, authToken }));
  }
  if (!d1) throw new Error("No database: bind a D1 database as DB or set TURSO_DATABASE_URL.");
  return d1Db(d1);
}

/**
 * Development only: `npm run dev` sets SEED_DEMO=1 so a fresh local D1 gets the demo programme,
 * as `npm start` does on Node. It costs one count query per request, so it is never set on a
 * deployed Worker (nor would demo accounts belong there).
 */
async function seedForDevelopment(env: Env, deps: Deps): Promise<void> {
  if (env.SEED_DEMO !== "1") return;
  // Two first requests at once can both find the database empty: the later batch then fails on
  // the primary keys and changes nothing (the seed is one atomic batch), so serve the request.
  await seedDemoData(deps.db, deps.clock.now()).catch((err) => logFault("demo data not added", err));
}

/** Dependencies are built from the bindings on every invocation: no state between requests. */
function depsFor(env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }): Deps {
  const strings = vars(env);
  const config = configFromEnv(strings, "worker");
  const db = database(strings, env.DB);
  const deps: Deps = {
    db,
    config,
    clock: systemClock,
    mailer: mailerFor(db, config),
    defer: (p) => ctx.waitUntil(p.then(() => dispatchOutbox(deps, { budgetMs: AFTER_RESPONSE_BUDGET_MS })).catch((err) => logFault("deferred work failed", err))),
    rateLimiter: bindingRateLimiter({
      sign_in_email: env.SIGN_IN_EMAIL_LIMITER,
      sign_in_ip: env.SIGN_IN_IP_LIMITER,
      booking_person: env.BOOKING_LIMITER,
      consent_ip: env.CONSENT_LIMITER,
      site_feedback_ip: env.SITE_FEEDBACK_LIMITER,
      poster_scan_ip: env.POSTER_SCAN_LIMITER,
    }),
    clientIp: workerClientIp,
  };
  return deps;
}

// The route table is built once per isolate: registering every route with its schemas costs
// milliseconds of CPU (about 4 ms with auth and organisations alone), too much to repeat on each
// request. It holds no request state: each request's dependencies come in with its bindings.
const app = createApp((c) => (c.env as RequestEnv).deps);

/**
 * The message catalogues, fetched from the assets by the isolate's first request or cron tick and
 * kept, like the route table, for the isolate's life: they are the deployment's words, the same
 * for every request (src/i18n/catalogues-worker.ts). A failed fetch is not kept: the next
 * request tries again.
 */
function catalogueLoader(): (assets: Fetcher) => Promise<Catalogues> {
  let loading: Promise<Catalogues> | undefined;
  return (assets) =>
    (loading ??= loadCatalogues(assets).catch((err) => {
      loading = undefined;
      throw err;
    }));
}
const catalogues = catalogueLoader();

/** The bindings as the app sees them (`c.env`), with the dependencies built for this request. */
type RequestEnv = Env & { deps: Deps };

export default {
  async fetch(request, env, ctx) {
    return withCatalogues(await catalogues(env.ASSETS), async () => {
      // Built once per request and shared by the seed check, the app and the dispatch after it.
      const deps = depsFor(env, ctx);
      await seedForDevelopment(env, deps);
      const response = await app.fetch(request, { ...env, deps } satisfies RequestEnv, ctx);
      // Send what this request queued now rather than at the next cron tick.
      if (request.method !== "GET") {
        ctx.waitUntil(dispatchOutbox(deps, { budgetMs: AFTER_RESPONSE_BUDGET_MS }).catch((err) => logFault("dispatch failed", err)));
      }
      return response;
    });
  },
  async scheduled(_controller, env, ctx) {
    const words = await catalogues(env.ASSETS);
    ctx.waitUntil(withCatalogues(words, () => runScheduledJobs(depsFor(env, ctx))));
  },
} satisfies ExportedHandler<Env>;
