// Sends queued webhook deliveries: claimed with a lease in one UPDATE (two runs never hold the
// same row; a dead run's lease lapses), signed per Standard Webhooks with every live secret,
// retried with backoff until the receiver answers 2xx. The schedule reaches past a day, so a
// receiver that is down for an hour, or a night, gets every event once it is back.
import { and, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { backoffMs } from "../notifications/outbox";
import { webhookHeaders } from "./sign";
import { refusedTarget, resolveOverHttps } from "./target";

/** 30 s, 1, 2, 4 … 32 min, then hourly: about 17 hours of trying before a delivery is failed. */
export const MAX_WEBHOOK_ATTEMPTS = 24;
/** A receiver gets this long to answer (the spec asks receivers to answer quickly and work later). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
const LEASE_MS = 30_000;
/** Deliveries in flight at once, per run: different receivers, so no shared rate to keep. */
const CONCURRENCY = 8;

const due = (now: number) =>
  or(
    and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)),
    and(eq(webhookDeliveries.status, "sending"), lt(webhookDeliveries.leaseUntil, now)),
  );

async function claim(db: Db, owner: string, now: number, limit: number) {
  const ids = db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(due(now)).orderBy(webhookDeliveries.createdAt, webhookDeliveries.id).limit(limit);
  return db
    .update(webhookDeliveries)
    .set({ status: "sending", leaseOwner: owner, leaseUntil: now + LEASE_MS, attempts: sql`${webhookDeliveries.attempts} + 1` })
    // Re-checked inside the UPDATE: another run may have claimed between the select and the write.
    .where(and(inArray(webhookDeliveries.id, ids), due(now)))
    .returning();
}

type Claimed = Awaited<ReturnType<typeof claim>>[number];
type Endpoint = typeof webhookEndpoints.$inferSelect;

/** The secrets that sign now: the current one, and the previous one until its overlap ends. */
export const liveSecrets = (e: Endpoint, now: number) => [e.secret, ...(e.previousSecret && (e.previousSecretUntil ?? 0) > now ? [e.previousSecret] : [])];

async function attempt(deps: Deps, d: Claimed, endpoint: Endpoint | undefined): Promise<{ ok: boolean; status: number | null; error: string | null; permanent: boolean }> {
  if (!endpoint || endpoint.disabledAt !== null) return { ok: false, status: null, error: "endpoint removed", permanent: true };
  const refused = await refusedTarget(endpoint.url, { allowPrivate: deps.config.devMailbox, resolveHost: deps.resolveHost ?? resolveOverHttps });
  if (refused) return { ok: false, status: null, error: `address refused: ${refused}`, permanent: false };
  const body = JSON.stringify(d.payload);
  const now = deps.clock.now();
  const headers = await webhookHeaders(liveSecrets(endpoint, now), d.id, Math.floor(now / 1000), body);
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "OpenDoor-Webhooks/1", ...headers },
      body,
      // A redirect could lead anywhere, a private address included: it counts as a failure.
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await res.body?.cancel();
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `answered ${res.status}`, permanent: false };
  } catch (err) {
    return { ok: false, status: null, error: err instanceof Error ? err.message : String(err), permanent: false };
  }
}

/** Delivers what is due; safe to run from several places at once. Returns what happened. */
export async function dispatchWebhooks(deps: Deps, options: { limit?: number } = {}) {
  const { db, clock } = deps;
  const owner = newId("whd");
  const claimed = await claim(db, owner, clock.now(), options.limit ?? 50);
  const tally = { delivered: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return tally;
  const endpointIds = [...new Set(claimed.map((d) => d.endpointId))];
  const endpoints = new Map((await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds))).map((e) => [e.id, e]));
  for (let i = 0; i < claimed.length; i += CONCURRENCY) {
    await Promise.all(
      claimed.slice(i, i + CONCURRENCY).map(async (d) => {
        const r = await attempt(deps, d, endpoints.get(d.endpointId));
        const mine = and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.leaseOwner, owner), eq(webhookDeliveries.status, "sending"));
        const now = clock.now();
        if (r.ok) {
          await db.update(webhookDeliveries).set({ status: "delivered", deliveredAt: now, leaseUntil: null, lastStatus: r.status, lastError: null }).where(mine);
          tally.delivered++;
        } else if (!r.permanent && d.attempts < MAX_WEBHOOK_ATTEMPTS) {
          await db.update(webhookDeliveries).set({ status: "pending", nextAttemptAt: now + backoffMs(d.attempts), leaseUntil: null, lastStatus: r.status, lastError: r.error }).where(mine);
          tally.retried++;
        } else {
          await db.update(webhookDeliveries).set({ status: "failed", leaseUntil: null, lastStatus: r.status, lastError: r.error }).where(mine);
          tally.failed++;
        }
      }),
    );
  }
  return tally;
}
