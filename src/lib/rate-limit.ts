// Throttling a request: the limiters themselves (memory, Workers binding) are in rate-limiter.ts.
import type { Context } from "hono";
import { actorId } from "./auth";
import type { Actor, AppEnv } from "./env";
import { refuse } from "./refusal";
import type { RateBucket } from "./rate-limiter";

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

/**
 * The caller's address as the platform knows it (`deps.clientIp`, set by the entry point): never
 * a header the client chose. On Node a client-sent CF-Connecting-IP header would give every
 * request a fresh address and so a fresh sign-in allowance.
 */
export function clientIp(c: Context<AppEnv>): string {
  return c.var.deps.clientIp?.(c) ?? "unknown";
}

/** Guardian consent (API and website): per address, since the link itself is the credential. */
export function enforceConsentLimit(c: Context<AppEnv>): Promise<void> {
  return enforceRateLimit(c, "consent_ip", clientIp(c));
}

/** Sign-in and sign-up (API and website): per address and per email, the same two buckets. */
export async function enforceSignInLimit(c: Context<AppEnv>, email: string): Promise<void> {
  await enforceRateLimit(c, "sign_in_ip", clientIp(c));
  await enforceRateLimit(c, "sign_in_email", email);
}

/** Booking throttle (per person, or per API key for school integrations): every kind of booking. */
export function enforceBookingLimit(c: Context<AppEnv>, actor: Actor): Promise<void> {
  return enforceRateLimit(c, "booking_person", actorId(actor));
}
