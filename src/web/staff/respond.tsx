// How staff pages answer: the site's responses (../respond.tsx) made private, and the refusals
// and sign-in checks every staff area shares.
import type { JSX } from "hono/jsx/jsx-runtime";
import { notFound as notFoundPage, PRIVATE, refuseCrossSite as refuseCrossSitePage, render as renderPage, SCRIPT_CSP, type C, type Status } from "../respond";
import { MessagePage } from "../pages/info";
import { viewFor } from "../view";
import type { View } from "../view";

export type { C, Status };
export type SignedIn = View & { actor: NonNullable<View["actor"]> };
export { SCRIPT_CSP };

/** Staff pages show personal data (names, access needs): never cached anywhere. */
export const render = (c: C, view: View, page: JSX.Element, status: Status = 200, options: { csp?: string } = {}) =>
  renderPage(c, view, page, status, { csp: options.csp, headers: PRIVATE });
export const notFound = (c: C, view: View) => notFoundPage(c, view, PRIVATE);
export const refuseCrossSite = (c: C, view: View) => refuseCrossSitePage(c, view, PRIVATE);

export const forbidden = (c: C, view: View) => {
  const s = view.t;
  return render(c, view, <MessagePage view={view} title={s.t("staffForbiddenTitle")} body={s.t("staffForbiddenBody")} />, 403);
};


export const signedIn = (view: View): view is SignedIn => view.actor !== null;

/** The page's view when someone is signed in, else null (the caller sends them to sign in). */
export function staffView(c: C): SignedIn | null {
  const view = viewFor(c);
  return signedIn(view) ? view : null;
}

/** Every staff form post: another site's post is refused first, then a signed-out one. */
export async function guardPost(c: C): Promise<{ view: SignedIn; refusal?: undefined } | { refusal: Response }> {
  const view = viewFor(c);
  const refused = refuseCrossSite(c, view);
  if (refused) return { refusal: await refused };
  if (!signedIn(view)) return { refusal: c.redirect("/sign-in", 303) };
  return { view };
}
