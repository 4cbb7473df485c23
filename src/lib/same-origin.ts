import type { Context } from "hono";
import type { AppEnv } from "./env";

export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * True when the browser says the request came from one of our own pages. Browsers send
 * Sec-Fetch-Site (and Origin) on every form POST and fetch, and a page on another site cannot
 * forge them; a request with neither is refused, since only a browser carries our cookie.
 * Origin is compared with both the URL we received and the public URL, for proxies in front.
 */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = c.req.header("origin");
  if (!origin) return false;
  return origin === new URL(c.req.url).origin || origin === new URL(c.var.deps.config.publicUrl).origin;
}
