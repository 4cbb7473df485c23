/**
 * Cloudflare's rate-limiting binding, as miniflare simulates it, counts in windows aligned
 * to the wall clock (epoch = floor(now / period)). A burst that straddles a window's end is
 * split between two counters and may never reach the limit: CI saw exactly that once in
 * about sixty runs. Starting the burst early in a window makes the test mean what it says.
 */
export async function startOfFreshWindow(periodSeconds: number, burstSeconds: number): Promise<void> {
  const periodMs = periodSeconds * 1000;
  const left = periodMs - (Date.now() % periodMs);
  if (left < burstSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
