import { createClient } from "@libsql/client/web";
import { createApp } from "./app";
import { d1Db, libsqlDb, type Db } from "./db/client";
import { mailerFor } from "./lib/build-deps";
import { configFromEnv, type EnvVars } from "./lib/config";
import type { Deps } from "./lib/deps";
import { bindingRateLimiter, type RateLimitBinding } from "./lib/rate-limit";
import { systemClock } from "./lib/time";
import { runScheduledJobs } from "./jobs";
import { dispatchOutbox } from "./features/notifications/outbox";

/** Bindings: the D1 database and plain-text vars/secrets (see wrangler.toml and the README). */
export type Env = {
  DB?: D1Database;
  SIGN_IN_EMAIL_LIMITER?: RateLimitBinding;
  SIGN_IN_IP_LIMITER?: RateLimitBinding;
  BOOKING_LIMITER?: RateLimitBinding;
} & { [name: string]: unknown };

const vars = (env: Env): EnvVars =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as EnvVars;

function database(env: Env): Db {
  const { TURSO_DATABASE_URL: url, TURSO_AUTH_TOKEN: authToken } = vars(env);
  if (url) {
    return libsqlDb(createClient({ url, authToken }));
  }
  if (!env.DB) throw new Error("No database: bind a D1 database as DB or set TURSO_DATABASE_URL.");
  return d1Db(env.DB);
}

/** Dependencies are built from the bindings on every invocation: no state between requests. */
function depsFor(env: Env, ctx: ExecutionContext): Deps {
  const config = configFromEnv(vars(env), "worker");
  const db = database(env);
  return {
    db,
    config,
    clock: systemClock,
    mailer: mailerFor(db, config),
    defer: (p) => ctx.waitUntil(p),
    rateLimiter: bindingRateLimiter({
      sign_in_email: env.SIGN_IN_EMAIL_LIMITER,
      sign_in_ip: env.SIGN_IN_IP_LIMITER,
      booking_person: env.BOOKING_LIMITER,
    }),
  };
}

export default {
  async fetch(request, env, ctx) {
    const deps = depsFor(env, ctx);
    const response = await createApp(deps).fetch(request, env, ctx);
    // Send what this request queued now rather than at the next cron tick.
    if (request.method !== "GET") ctx.waitUntil(dispatchOutbox(deps).catch((err) => console.error("[open-door] dispatch failed", err)));
    return response;
  },
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduledJobs(depsFor(env, ctx)));
  },
} satisfies ExportedHandler<Env>;
