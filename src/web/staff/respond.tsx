// How staff pages answer: the site's responses (../respond.tsx) made private, and the refusals
// and sign-in checks every staff area shares.
import type { JSX } from "hono/jsx/jsx-runtime";
import { notFound as notFoundPage, PRIVATE, refuseCrossSite as refuseCrossSitePage, render as renderPage, SCRIPT_CSP, type C, type Status } from "../respond";
import { MessagePage } from "../pages/info";
import { viewFor } from "../view";
import type { View } from "../view";
import { ProblemError } from "../../lib/problem";
import { actsFor } from "../../lib/auth";
import { getOrganisation } from "../../features/organisations/read";
import type { ORGANISATION_TYPES } from "../../db/schema";
import { staffAreas } from "./areas";

export type { C, Status };
export type SignedIn = View & { actor: NonNullable<View["actor"]> };
export { SCRIPT_CSP };

/**
 * Staff pages show personal data (names, access needs): never cached anywhere. Each carries
 * the person's areas, so someone with several roles can switch (the layout shows the links;
 * pages render lazily, when toString runs, so the areas arrive before the layout reads them).
 */
export const render = async (c: C, view: View, page: JSX.Element, status: Status = 200, options: { csp?: string } = {}) => {
  if (view.actor && !view.areas) view.areas = await staffAreas(c.var.deps, view.actor, view.t);
  return renderPage(c, view, page, status, { csp: options.csp, headers: PRIVATE });
};
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

/** Signed-in coordinators only: everyone else gets a plain "not for you" page (403). */
export function coordinatorView(c: C): { view: SignedIn; refusal?: undefined } | { refusal: Promise<Response> | Response } {
  const view = staffView(c);
  if (!view) return { refusal: c.redirect("/sign-in", 303) };
  if (!view.actor.isCoordinator) return { refusal: forbidden(c, view) };
  return { view };
}

/** A coordinator's form post: the cross-site and sign-in checks, then the 403 for everyone else. */
export async function coordinatorPost(c: C): Promise<{ view: SignedIn; refusal?: undefined } | { refusal: Response }> {
  const guard = await guardPost(c);
  if (guard.refusal) return guard;
  if (!guard.view.actor.isCoordinator) return { refusal: await forbidden(c, guard.view) };
  return guard;
}

/** The organisation if it is of this kind and the person acts for it (its staff, or a coordinator), as the API decides; null is the page's 404. */
export async function organisationFor(c: C, view: SignedIn, orgId: string, type: (typeof ORGANISATION_TYPES)[number]) {
  if (!actsFor(view.actor, orgId)) return null;
  const org = await notFoundIfMissing(getOrganisation(c.var.deps, orgId));
  return org?.type === type ? org : null;
}

/** The service's own "not found" as null, so the page can answer with its 404. */
export const notFoundIfMissing = async <T,>(work: Promise<T>): Promise<T | null> =>
  work.catch((err) => {
    if (err instanceof ProblemError && err.code === "not_found") return null;
    throw err;
  });

/** A refusal's status on the page that shows it again; anything unusual reads as a bad form. */
export const statusOf = (err: ProblemError): Status => ([400, 403, 404, 409, 422].includes(err.status) ? (err.status as Status) : 400);
