// What every people page handler shares: rendering with the site's headers, the not-found
// page, the cross-site refusal, and coming back after signing in.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "../../lib/env";
import { isSameOrigin } from "../../lib/same-origin";
import { MessagePage } from "../pages/info";
import { isHttps, type View } from "../view";

export type C = Context<AppEnv>;

/** The same policy as the site's other pages (src/web/routes.tsx): nothing from elsewhere, no script. */
const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};

/** Pages about one person's bookings are never cached anywhere. */
export const PRIVATE = { "cache-control": "private, no-store" };

export async function render(c: C, view: View, page: JSX.Element, status: 200 | 400 | 403 | 404 | 409 | 422 = 200, headers: Record<string, string> = {}) {
  const html = await page.toString();
  return c.html(html, status, { ...SECURITY_HEADERS, "content-language": view.t.locale, vary: "Cookie, Accept-Language", ...PRIVATE, ...headers });
}

export const notFound = (c: C, view: View) => render(c, view, <MessagePage view={view} title={view.t.t("notFoundTitle")} body={view.t.t("notFoundBody")} />, 404);

/** Every form posts to the site itself: anything from another site is refused (CSRF). */
export function refuseCrossSite(c: C, view: View) {
  return isSameOrigin(c) ? null : render(c, view, <MessagePage view={view} title={view.t.t("csrfTitle")} body={view.t.t("csrfBody")} />, 403);
}

/** Our own pages only: "/x", never "//elsewhere" or "/\elsewhere" (an open redirect). */
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9/_\-.?=&%]*$/;
const RETURN_COOKIE = "od_return";

/**
 * Sends someone who is not signed in to sign in, remembering where they were so the sign-in
 * link (opened in the same browser) brings them back. A cookie, because the emailed link
 * cannot carry it without changing the sign-in service.
 */
export function signInFirst(c: C) {
  const url = new URL(c.req.url);
  const here = url.pathname + url.search;
  if (LOCAL_PATH.test(here)) setCookie(c, RETURN_COOKIE, here, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c), maxAge: 3600 });
  return c.redirect("/sign-in", 303);
}

/** Where to go after signing in: the remembered page (once), else My bookings. */
export function afterSignIn(c: C): string {
  const saved = getCookie(c, RETURN_COOKIE);
  if (saved === undefined) return "/my";
  deleteCookie(c, RETURN_COOKIE, { path: "/", secure: isHttps(c) });
  return LOCAL_PATH.test(saved) ? saved : "/my";
}
