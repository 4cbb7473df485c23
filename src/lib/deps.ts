import type { Db } from "../db/client";
import type { Config } from "./config";
import type { Mailer } from "./mailer";
import type { Context } from "hono";
import type { RateLimiter } from "./rate-limiter";
import type { Clock } from "./time";
import type { ResolveHost } from "../features/webhooks/target";
import type { AnswerCache } from "./answer-cache";

/** Everything a request or a scheduled job needs, built once per entry point and passed in. */
export interface Deps {
  db: Db;
  mailer: Mailer;
  clock: Clock;
  config: Config;
  /** Runs work after the response (Workers `waitUntil`; on Node a fire-and-forget). */
  defer?: (work: Promise<unknown>) => void;
  /** Abuse throttling; absent in unit tests that are not about it. */
  rateLimiter?: RateLimiter;
  /** The caller's IP where the runtime knows it (Node: the socket). */
  clientIp?: (c: Context) => string | undefined;
  /** Resolves webhook hosts before each delivery (features/webhooks/target.ts); DNS over HTTPS when absent. */
  resolveHost?: ResolveHost;
  /** Public answers kept while the data is unchanged; only where the database can say so (Node's file). */
  answers?: AnswerCache;
}

/**
 * Runs `work` after the response where the entry point can (Deps.defer), else before it. For
 * work whose duration would tell the caller something, such as whether an email is registered.
 */
export async function afterResponse(deps: Deps, work: () => Promise<unknown>): Promise<void> {
  if (deps.defer) deps.defer(work());
  else await work();
}
