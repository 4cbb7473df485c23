// How every page answers: one place for the page's headers, the not-found page and the
// cross-site refusal, used by the public pages, the people pages and the staff areas.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "../lib/env";
import { refuse } from "../lib/refusal";
import { isSameOrigin } from "../lib/same-origin";
import { MessagePage } from "./pages/info";
import type { View } from "./view";

export type C = Context<AppEnv>;
export type Status = 200 | 400 | 403 | 404 | 409 | 422;

/**
 * Pages load nothing from elsewhere and run no script: the policy says so, so an injected tag
 * could do nothing either. (src/app.ts sends the same policy on every response.)
 */
const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** The check-in page runs one script file of ours (the camera scanner), and nothing else. */
export const SCRIPT_CSP = `${PAGE_CSP}; script-src 'self'`;
/** Pages about people (their bookings, a school's groups) are never cached anywhere. */
export const PRIVATE = { "cache-control": "private, no-store" };
/** A page whose address carries a token (sign-in, guardian consent): no Referer carries it anywhere, and nothing caches it. */
export const TOKEN_HEADERS = { "referrer-policy": "no-referrer", "cache-control": "no-store" };

export async function render(c: C, view: View, page: JSX.Element, status: Status | 429 = 200, options: { headers?: Record<string, string>; csp?: string } = {}) {
  // A page-specific policy must survive the global security-headers middleware (src/app.ts).
  if (options.csp) c.set("pageCsp", options.csp);
  const html = await page.toString();
  return c.html(html, status, {
    "content-security-policy": options.csp ?? PAGE_CSP,
    "x-content-type-options": "nosniff",
    "content-language": view.t.locale,
    vary: "Cookie, Accept-Language",
    ...options.headers,
  });
}

export const notFound = (c: C, view: View, headers?: Record<string, string>) =>
  render(c, view, <MessagePage view={view} title={view.t.t("notFoundTitle")} body={view.t.t("notFoundBody")} />, 404, { headers });

/** Every form on the site posts to itself: anything from another site is refused (CSRF). */
export function refuseCrossSite(c: C, view: View, headers?: Record<string, string>) {
  return isSameOrigin(c) ? null : render(c, view, <MessagePage view={view} title={view.t.t("csrfTitle")} body={view.t.t("csrfBody")} />, 403, { headers });
}

/** A form post bigger than any the page sends is refused before it is read, as the API's are. */
export const formLimit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw refuse("body_too_large", { bytes: maxSize });
    },
  });
