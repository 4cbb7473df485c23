// Answers to the public catalogue kept while the data they came from is unchanged (issue #19
// item 8). The what's-on list is the most requested answer and the same for every anonymous
// caller, yet building it (validation, two queries, localisation, JSON, digest) cost eight
// times a health check. On Node's embedded file the database says, for the price of one tiny
// statement, whether anything was written since (src/db/libsql-local.ts dataVersion), so an
// answer is reused exactly while it would come out the same:
// - any write at all, by this process or another, retires every kept answer;
// - an answer also says when time alone would change it (the list shows each event's next
//   session: once that starts, a later one is next) and is not reused from then;
// - signed-in callers and non-GET requests are never served from it.
// The version is read before the answer is built, so a write landing while it is built leaves
// an answer filed under the older version, which the next request no longer matches.
// D1 has no such version: on Workers there is no cache and every request is built.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

interface KeptAnswer {
  version: string;
  /** Epoch ms it was built at: a clock put back (or a test's) never reuses an answer from its future. */
  builtAt: number;
  /** Epoch ms from which time alone may change the answer. */
  freshUntil: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export interface AnswerCache {
  /** The database's data version now. */
  version(): string;
  /** The answer kept for `key` if it was built at this data version and time has not changed it. */
  reusable(key: string, version: string, now: number): KeptAnswer | undefined;
  set(key: string, answer: KeptAnswer): void;
  /** How many answers were reused, and how many built (tests and the bench read them). */
  readonly hits: number;
  readonly misses: number;
}

/** Distinct addresses kept (pages, filters, languages); oldest out first. */
const MAX_ANSWERS = 500;

/** However unchanged the data, an answer is rebuilt after this long (a bound on any time-dependence missed). */
export const LONGEST_KEPT_MS = 60_000;

export function answerCache(version: () => string): AnswerCache {
  const answers = new Map<string, KeptAnswer>();
  let hits = 0;
  let misses = 0;
  return {
    version,
    reusable(key, version, now) {
      const kept = answers.get(key);
      if (kept && kept.version === version && kept.builtAt <= now && now < kept.freshUntil) {
        hits++;
        return kept;
      }
      misses++;
      return undefined;
    },
    set(key, answer) {
      answers.delete(key);
      if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}

/**
 * Serves a GET from the cache while the data is unchanged. The route marks its answer as
 * cacheable with `c.set("freshUntil", epochMs)`; answers not so marked are never kept.
 * Registered outside the ETag middleware, so a kept answer keeps its ETag and a matching
 * If-None-Match still gets a 304.
 */
export function keptWhileUnchanged(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.var.deps.answers;
    if (!cache || c.req.method !== "GET" || c.req.header("authorization") || c.req.header("cookie")) return next();
    const key = `${c.req.url}\n${c.req.header("accept-language") ?? ""}`;
    const version = cache.version();
    const now = c.var.deps.clock.now();
    const kept = cache.reusable(key, version, now);
    if (kept) {
      const headers = new Headers(kept.headers);
      const tag = headers.get("etag");
      if (
        tag &&
        c.req
          .header("if-none-match")
          ?.split(/\s*,\s*/)
          .includes(tag)
      ) {
        headers.delete("content-type");
        headers.delete("content-length");
        return new Response(null, { status: 304, headers });
      }
      return new Response(kept.body, { status: kept.status, headers });
    }
    await next();
    const freshUntil = c.get("freshUntil");
    if (freshUntil === undefined || c.res.status !== 200) return;
    const body = await c.res.clone().arrayBuffer();
    cache.set(key, { version, builtAt: now, freshUntil: Math.min(freshUntil, now + LONGEST_KEPT_MS), status: 200, headers: [...c.res.headers], body });
  };
}
