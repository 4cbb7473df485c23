import type { Context } from "hono";

/**
 * Workers: Cloudflare's edge sets CF-Connecting-IP and overwrites any value the client sent, so
 * there (and only there) the header is the platform's word.
 */
export function workerClientIp(c: Context): string | undefined {
  return c.req.header("cf-connecting-ip");
}

/**
 * Node: the socket's address, or, behind `trustedHops` reverse proxies, the address the
 * outermost of them saw. Each proxy appends the address it received from to X-Forwarded-For,
 * so only the last `trustedHops` entries were written by proxies we run; anything to their
 * left was sent by the client and proves nothing. Counted from the right, like Express's
 * `trust proxy` with a number: with fewer entries than hops, the leftmost one there is.
 */
export function nodeClientIp(trustedHops: number): (c: Context) => string | undefined {
  return (c) => {
    const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
    if (trustedHops <= 0) return socket;
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // Nearest first: the socket (our last proxy), then what each proxy saw, right to left.
    const chain = [socket, ...forwarded.reverse()];
    return chain[Math.min(trustedHops, chain.length - 1)];
  };
}
