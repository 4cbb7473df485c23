// The limiters behind Deps.rateLimiter, knowing nothing of requests (rate-limit.ts applies them
// to one), so deps.ts can name their type without importing the request side.
import type { Clock } from "./time";

/**
 * Abuse throttling only: never used for capacity (the Workers binding is per location and
 * eventually consistent). Each bucket is a fixed limit per minute.
 */
export const RATE_LIMITS = {
  sign_in_email: { limit: 5, periodSeconds: 60 },
  sign_in_ip: { limit: 30, periodSeconds: 60 },
  booking_person: { limit: 60, periodSeconds: 60 },
  /** A consent link is the guardian's only credential: one address may not try many of them. */
  consent_ip: { limit: 30, periodSeconds: 60 },
  /** The feedback form and POST /site-feedback, per address: a person sends one or two. */
  site_feedback_ip: { limit: 5, periodSeconds: 60 },
  /** Poster QR scans counted per address: a whole event's wifi is well under this; a script is not. */
  poster_scan_ip: { limit: 30, periodSeconds: 60 },
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
