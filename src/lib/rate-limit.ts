import type { Context } from "hono";
import { actorId } from "./auth";
import type { Actor, AppEnv } from "./env";
import { refuse } from "./refusal";
import type { Clock } from "./time";

/**
 * Abuse throttling only: never used for capacity (the Workers binding is per location and
 * eventually consistent). Each bucket is a fixed limit per minute.
 */
export const RATE_LIMITS = {
  sign_in_email: { limit: 5, periodSeconds: 60 },
  sign_in_ip: { limit: 30, periodSeconds: 60 },
  booking_person: { limit: 60, periodSeconds: 60 },
} as const;

export type RateBucket = keyof typeof RATE_LIMITS;

export interface RateLimiter {
  hit(bucket: RateBucket, key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** Node: fixed windows in this process's memory. One instance per server, not per module. */
export function memoryRateLimiter(clock: Clock): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(bucket, key) {
      const { limit, periodSeconds } = RATE_LIMITS[bucket];
      const now = clock.now();
      const id = `${bucket}:${key}`;
      let w = windows.get(id);
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + periodSeconds * 1000 };
        windows.set(id, w);
        if (windows.size > 50_000) for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k);
      }
      w.count += 1;
      return { allowed: w.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
    },
  };
}

/** The shape of a Workers rate-limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** Workers: one binding per bucket, configured with the same limits in wrangler.toml. */
export function bindingRateLimiter(bindings: Partial<Record<RateBucket, RateLimitBinding>>): RateLimiter {
  return {
    async hit(bucket, key) {
      const binding = bindings[bucket];
      if (!binding) return { allowed: true, retryAfterSeconds: 0 };
      const { success } = await binding.limit({ key });
      return { allowed: success, retryAfterSeconds: RATE_LIMITS[bucket].periodSeconds };
    },
  };
}

export async function enforceRateLimit(c: Context<AppEnv>, bucket: RateBucket, key: string): Promise<void> {
  const limiter = c.var.deps.rateLimiter;
  if (!limiter) return;
  const { allowed, retryAfterSeconds } = await limiter.hit(bucket, key);
  if (!allowed) {
    throw refuse("too_many_tries", { seconds: retryAfterSeconds }, {
      headers: { "retry-after": String(retryAfterSeconds) },
    });
  }
}

/** The caller's address: the Workers header, or what the Node entry put in `deps.clientIp`. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("cf-connecting-ip") ?? c.var.deps.clientIp?.(c) ?? "unknown";
}

/** Booking throttle (per person, or per API key for school integrations): every kind of booking. */
export function enforceBookingLimit(c: Context<AppEnv>, actor: Actor): Promise<void> {
  return enforceRateLimit(c, "booking_person", actorId(actor));
}
