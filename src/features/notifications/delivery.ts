// The email provider as a whole: a circuit that stops sending to it while it is failing, and a
// rate window that keeps every dispatcher together within its requests per second. Both live
// in one row of delivery_state, so a Worker isolate, another isolate and the Node timer agree.
import { and, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { deliveryState } from "../../db/schema";
import type { Clock } from "../../lib/time";

const CHANNEL = "email";
const row = eq(deliveryState.channel, CHANNEL);

/** Consecutive provider faults (time-outs, network errors, 5xx, 429) before the circuit opens. */
export const CIRCUIT_THRESHOLD = 3;
/** First pause once open; it doubles with every failed probe, up to CIRCUIT_MAX_OPEN_MS. */
export const CIRCUIT_BASE_OPEN_MS = 10_000;
/**
 * Never longer: a probe a minute costs one request, and a provider that is back gets its first
 * message within a minute (the dispatcher runs every minute and after every write).
 */
export const CIRCUIT_MAX_OPEN_MS = 60_000;

/**
 * "closed": send. "probe": the circuit was open and its pause is over; this dispatcher (and no
 * other) sends one message to see whether the provider is back. "open": send nothing.
 */
export type Gate = "closed" | "probe" | "open";

/**
 * Where this dispatcher stands. Taking the probe is one conditional UPDATE that pushes
 * open_until on by `probeHoldMs`, so two dispatchers never both probe; if the prober dies, the
 * hold lapses and another one probes.
 */
export async function passGate(db: Db, now: number, probeHoldMs: number): Promise<Gate> {
  const [, probe, state] = await db.batch([
    db.insert(deliveryState).values({ channel: CHANNEL }).onConflictDoNothing(),
    db
      .update(deliveryState)
      .set({ openUntil: now + probeHoldMs })
      .where(and(row, isNotNull(deliveryState.openUntil), lte(deliveryState.openUntil, now)))
      .returning({ channel: deliveryState.channel }),
    db.select({ openUntil: deliveryState.openUntil }).from(deliveryState).where(row),
  ]);
  if (probe.length > 0) return "probe";
  return state[0]?.openUntil == null ? "closed" : "open";
}

/** A probe that found nothing to send: the next dispatcher may probe at once. */
export async function returnProbe(db: Db, now: number): Promise<void> {
  await db.update(deliveryState).set({ openUntil: now }).where(and(row, isNotNull(deliveryState.openUntil)));
}

/**
 * What one wave of sends taught about the provider. Any accepted send closes the circuit. Only
 * faults with nothing accepted count: past the threshold the circuit opens for a pause that
 * doubles with each further fault (capped), or for the provider's Retry-After if longer.
 * Returns whether the circuit is now open.
 */
export async function recordWave(db: Db, now: number, wave: { accepted: number; faults: number; retryAfterMs: number }): Promise<boolean> {
  if (wave.accepted > 0) {
    await db
      .update(deliveryState)
      .set({ failures: 0, openUntil: null })
      .where(and(row, or(sql`${deliveryState.failures} > 0`, isNotNull(deliveryState.openUntil))));
    return false;
  }
  if (wave.faults === 0) return false;
  const failures = sql`${deliveryState.failures} + ${wave.faults}`;
  // 10 s, 20 s, 40 s, then 60 s: the shift is capped so the number stays small.
  const pause = sql`min(${CIRCUIT_MAX_OPEN_MS}, ${CIRCUIT_BASE_OPEN_MS} * (1 << min(6, ${failures} - ${CIRCUIT_THRESHOLD})))`;
  const [state] = await db
    .update(deliveryState)
    .set({
      failures,
      // Every SET expression reads the row as it was, so `failures` here is the new count.
      openUntil: sql`case
        when ${failures} >= ${CIRCUIT_THRESHOLD} then max(coalesce(${deliveryState.openUntil}, 0), ${now} + max(${pause}, ${wave.retryAfterMs}))
        when ${wave.retryAfterMs} > 0 then max(coalesce(${deliveryState.openUntil}, 0), ${now} + ${wave.retryAfterMs})
        else ${deliveryState.openUntil} end`,
    })
    .where(row)
    .returning({ openUntil: deliveryState.openUntil });
  return state?.openUntil != null && state.openUntil > now;
}

const WINDOW_MS = 1000;

/**
 * Reserves up to `want` sends in the current one-second window, shared by every dispatcher, and
 * waits (on the clock) for the next window when this one is full. One UPDATE per reservation:
 * a window that has passed starts again at `now`; otherwise it grants what is left of `rate`.
 */
export async function reserveSends(db: Db, clock: Clock, want: number, rate: number): Promise<number> {
  for (;;) {
    const now = clock.now();
    const fresh = sql`${deliveryState.windowStart} + ${WINDOW_MS} <= ${now}`;
    const left = sql`(case when ${fresh} then ${rate} else ${rate} - ${deliveryState.windowCount} end)`;
    const grant = sql`min(${want}, ${left})`;
    const [granted] = await db
      .update(deliveryState)
      .set({
        windowStart: sql`case when ${fresh} then ${now} else ${deliveryState.windowStart} end`,
        windowCount: sql`(case when ${fresh} then 0 else ${deliveryState.windowCount} end) + ${grant}`,
        lastGrant: grant,
      })
      .where(and(row, sql`${left} > 0`))
      .returning({ lastGrant: deliveryState.lastGrant });
    if (granted && granted.lastGrant > 0) return granted.lastGrant;
    const [state] = await db.select({ windowStart: deliveryState.windowStart }).from(deliveryState).where(row);
    await clock.sleep(Math.max(1, (state?.windowStart ?? now) + WINDOW_MS - now));
  }
}
