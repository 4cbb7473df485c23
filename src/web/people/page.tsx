// What every people page handler shares: the site's responses (../respond.tsx) made private,
// and coming back after signing in.
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import { notFound as notFoundPage, PRIVATE, refuseCrossSite as refuseCrossSitePage, render as renderPage, type C, type Status } from "../respond";
import { isHttps, viewFor, type View } from "../view";

export type { C };

/** People pages show one person's bookings: never cached anywhere. */
export const render = (c: C, view: View, page: JSX.Element, status: Status = 200, headers: Record<string, string> = {}) =>
  renderPage(c, view, page, status, { headers: { ...PRIVATE, ...headers } });
export const notFound = (c: C, view: View) => notFoundPage(c, view, PRIVATE);
export const refuseCrossSite = (c: C, view: View) => refuseCrossSitePage(c, view, PRIVATE);

type SignedInView = View & { actor: NonNullable<View["actor"]> };

/**
 * Every signed-in form post starts here: another site's post is refused (CSRF), then someone
 * signed out is sent to sign in and brought back.
 */
export async function signedInPost(c: C): Promise<{ view: SignedInView } | { response: Response }> {
  const view = viewFor(c);
  const refused = refuseCrossSite(c, view);
  if (refused) return { response: await refused };
  if (!view.actor) return { response: signInFirst(c) };
  return { view: view as SignedInView };
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

/** Where to go after signing in: the remembered page (once), else the person's own landing (their staff area or My bookings). */
export async function afterSignIn(c: C, landing: () => Promise<string>): Promise<string> {
  const saved = getCookie(c, RETURN_COOKIE);
  if (saved === undefined) return landing();
  deleteCookie(c, RETURN_COOKIE, { path: "/", secure: isHttps(c) });
  return LOCAL_PATH.test(saved) ? saved : landing();
}
