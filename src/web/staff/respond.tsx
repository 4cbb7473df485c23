// How staff pages answer: the site's headers, never cached (they show personal data), and the
// refusals every area shares. Mirrors render/refuseCrossSite in ../routes.tsx, which are not
// exported; the lead may fold the two together.
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppEnv } from "../../lib/env";
import { isSameOrigin } from "../../lib/same-origin";
import { MessagePage } from "../pages/info";
import { viewFor } from "../view";
import type { View } from "../view";
import { staffText } from "./i18n";

export type C = Context<AppEnv>;
export type Status = 200 | 400 | 403 | 404 | 409 | 422;
export type SignedIn = View & { actor: NonNullable<View["actor"]> };

const BASE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** The check-in page runs one script file of ours (the camera scanner), and nothing else. */
export const SCRIPT_CSP = `${BASE_CSP}; script-src 'self'`;

export async function render(c: C, view: View, page: JSX.Element, status: Status = 200, options: { csp?: string } = {}) {
  if (options.csp) c.set("pageCsp", options.csp);
  const html = await page.toString();
  return c.html(html, status, {
    "content-security-policy": options.csp ?? BASE_CSP,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "content-language": view.t.locale,
    vary: "Cookie, Accept-Language",
  });
}

/** Another organisation's area, or something that does not exist: the same answer (404). */
export const notFound = (c: C, view: View) => render(c, view, <MessagePage view={view} title={view.t.t("notFoundTitle")} body={view.t.t("notFoundBody")} />, 404);

export const forbidden = (c: C, view: View) => {
  const s = staffText(view);
  return render(c, view, <MessagePage view={view} title={s.t("staffForbiddenTitle")} body={s.t("staffForbiddenBody")} />, 403);
};

export function refuseCrossSite(c: C, view: View) {
  return isSameOrigin(c) ? null : render(c, view, <MessagePage view={view} title={view.t.t("csrfTitle")} body={view.t.t("csrfBody")} />, 403);
}

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
