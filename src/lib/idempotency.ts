import { and, eq, lte, or } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { rowsAffected } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { actorId } from "./auth";
import { sha256Hex } from "./crypto";
import type { Deps } from "./deps";
import type { AppEnv } from "./env";
import { field, refuse } from "./refusal";
import { DAY } from "./time";

const KEEP_MS = DAY;
/**
 * A request still "in flight" after this long died without answering (a Worker past its CPU
 * limit, a restarted server): its key is released rather than answering 409 for a day.
 */
export const IN_FLIGHT_ABANDONED_MS = 60_000;
const REPLAYED_HEADERS = ["content-type", "location"];

/**
 * Idempotency-Key on creating POSTs: the first response is stored and replayed for the same
 * key and body; another body under the same key is refused (422); a duplicate that arrives
 * while the first is still running gets 409. Keys are scoped to the caller and kept 24 h.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || !key) return next();
    if (key.length > 255) throw refuse("idempotency_key_too_long", { max: 255 }, { fields: [field("Idempotency-Key", "too_long")] });
    const { db, clock } = c.var.deps;
    const scope = actorId(c.var.actor);
    const path = new URL(c.req.url).pathname;
    const requestHash = await sha256Hex(`${c.req.method} ${path}\n${await c.req.text()}`);
    const now = clock.now();
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

    const claim = () =>
      db
        .insert(idempotencyKeys)
        .values({ key, scope, method: c.req.method, path, requestHash, status: "in_flight", expiresAt: now + KEEP_MS, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });

    let claimed = await claim();
    let [existing] = claimed.length ? [] : await db.select().from(idempotencyKeys).where(where).limit(1);
    const abandonedBefore = now - IN_FLIGHT_ABANDONED_MS;
    if (existing && (existing.expiresAt <= now || (existing.status === "in_flight" && existing.createdAt <= abandonedBefore))) {
      // An expired or abandoned key is as good as new. The delete is guarded on that state, so
      // of two retries racing here only one claims the key; the other sees it in flight.
      const stale = or(lte(idempotencyKeys.expiresAt, now), and(eq(idempotencyKeys.status, "in_flight"), lte(idempotencyKeys.createdAt, abandonedBefore)));
      await db.delete(idempotencyKeys).where(and(where, stale));
      claimed = await claim();
      [existing] = claimed.length ? [] : await db.select().from(idempotencyKeys).where(where).limit(1);
    }

    if (claimed.length === 0) {
      if (!existing) throw refuse("idempotency_send_again", {}, { headers: { "retry-after": "1" } });
      if (existing.requestHash !== requestHash) {
        throw refuse("idempotency_key_reused");
      }
      if (existing.status === "in_flight") {
        throw refuse("idempotency_still_processing", {}, { headers: { "retry-after": "1" } });
      }
      return new Response(existing.responseBody, {
        status: existing.responseStatus ?? 200,
        headers: { ...existing.responseHeaders, "idempotent-replayed": "true" },
      });
    }

    try {
      await next();
    } catch (err) {
      await db.delete(idempotencyKeys).where(where);
      throw err;
    }
    // Errors from onError arrive here as responses; only keep answers worth replaying. A
    // response marked no-store carries a secret (an access token, a new API key): keeping it
    // would put the secret in the database in clear, so a retry with that key runs afresh.
    if (c.res.status >= 500 || /no-store/i.test(c.res.headers.get("cache-control") ?? "")) {
      await db.delete(idempotencyKeys).where(where);
      return;
    }
    const body = await c.res.clone().text();
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = c.res.headers.get(name);
      if (value) headers[name] = value;
    }
    await db
      .update(idempotencyKeys)
      .set({ status: "done", responseStatus: c.res.status, responseBody: body, responseHeaders: headers })
      .where(where);
  };
}

/** Scheduled: keys are promised for 24 h; after that they only take space. */
export async function purgeExpiredIdempotencyKeys(deps: Deps): Promise<{ purged: number }> {
  const result = await deps.db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, deps.clock.now()));
  return { purged: rowsAffected(result) };
}
