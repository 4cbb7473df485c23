import type { Context, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env";

export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * hono/csrf decides whether an unsafe request came from one of our own pages: Sec-Fetch-Site
 * `same-origin`, or (for browsers that send no Sec-Fetch-Site) an Origin that is the URL we
 * received or the public URL, for proxies in front. A page on another site can forge neither,
 * and a request with neither is refused, since only a browser carries our cookie. Origin is
 * only asked when Sec-Fetch-Site is absent: a browser that says `cross-site` is believed over
 * an Origin header. hono/csrf checks only the bodies another site's page can send without a
 * CORS preflight (forms, text/plain, and no content type at all); anything else (JSON) needs
 * a preflight, which this app never answers, so another site cannot send it with our cookie.
 */
const csrfCheck = csrf({
  secFetchSite: "same-origin",
  origin: (origin, c: Context<AppEnv>) =>
    !c.req.header("sec-fetch-site") && (origin === new URL(c.req.url).origin || origin === new URL(c.var.deps.config.publicUrl).origin),
});

/**
 * Runs hono/csrf on every request and keeps its verdict in `c.var.crossSite` instead of its
 * bare "Forbidden": the website answers a cross-site form with a page in the reader's language
 * (web/respond.tsx refuseCrossSite) and the API with problem+json (auth.ts resolveActor), and
 * an anonymous API call from a server (no cookie, no browser headers) is no CSRF at all.
 */
export function crossSiteCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let crossSite = false;
    try {
      await csrfCheck(c, async () => {});
    } catch (err) {
      if (!(err instanceof HTTPException) || err.status !== 403) throw err;
      crossSite = true;
    }
    c.set("crossSite", crossSite);
    await next();
  };
}

/** True only when hono/csrf passed the request (crossSiteCheck, registered in src/app.ts before resolveActor); unchecked counts as refused. */
export const isSameOrigin = (c: Context<AppEnv>): boolean => c.var.crossSite === false;
