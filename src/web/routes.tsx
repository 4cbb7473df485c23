// The website: server-rendered pages on the root app, working without JavaScript.
import { deleteCookie, setCookie } from "hono/cookie";
import { createSession, requestMagicLink, revokeSession, SESSION_TTL_MS } from "../features/auth/sign-in";
import { actorForToken, SESSION_COOKIE } from "../lib/auth";
import type { Api } from "../lib/env";
import { ProblemError } from "../lib/problem";
import { Email } from "../lib/openapi";
import { afterResponse } from "../lib/deps";
import { enforceSignInLimit } from "../lib/rate-limit";
import { EventPage } from "./pages/event";
import { EVENTS_PER_PAGE, EventsPage, parseFilters, SESSIONS_PER_CARD } from "./pages/events";
import { AccessibilityPage } from "./pages/info";
import { GetInvolvedPage } from "./pages/get-involved";
import { MyPage } from "./pages/my";
import { PosterPage } from "./pages/poster";
import { CheckEmailPage, LinkInvalidPage, SignInLinkPage, SignInPage } from "./pages/sign-in";
import { signInLinkUsable } from "../features/auth/read";
import { eventPage, upcomingEvents } from "../features/catalogue/read";
import { bookingsOf } from "../features/bookings/read";
import { registerStaffPages } from "./staff/routes";
import { landingFor, ownOrganisations, staffAreas } from "./staff/areas";
import { schoolGroups } from "../features/groups/read";
import { registerCarouselPages } from "./carousels/routes";
import { registerRecordPages } from "./record/routes";
import { registerTimebankPages } from "./timebank/routes";
import { registerDirectoryPages } from "./directory/routes";
import { registerSiteFeedbackPages } from "./site-feedback/routes";
import { registerHouseholdPages } from "./families/household";
import { CSS_TYPE, IMMUTABLE } from "./assets";
import { CSS_PATH, STYLESHEET } from "#site-stylesheet";
import { afterSignIn } from "./people/page";
import { registerPeoplePages } from "./people/routes";
import { registerJoinPages } from "./people/join/routes";
import { isHttps, viewFor } from "./view";
import { formLimit, notFound, PRIVATE, refuseCrossSite, render, TOKEN_HEADERS, type C } from "./respond";

/** The site's forms carry an email address at most; nothing bigger is read. */
const FORM_LIMIT_BYTES = 8 * 1024;
/** Co-production opportunities listed on /get-involved; more link through to the filtered events list. */
const GET_INVOLVED_LIMIT = 20;

export function registerWeb(app: Api) {
  app.on("POST", ["/sign-in", "/sign-in/*", "/sign-out"], formLimit(FORM_LIMIT_BYTES));
  // The Worker: its static assets answer this path (src/worker-assets.ts).
  const css = STYLESHEET;
  if (css !== null) app.get(CSS_PATH, (c) => c.body(css, 200, { "content-type": CSS_TYPE, "cache-control": IMMUTABLE }));

  const whatsOn = (home: boolean) => async (c: C) => {
    const view = viewFor(c);
    const { form, filters, errors } = parseFilters(view.url.searchParams);
    const page = { number: form.page, size: EVENTS_PER_PAGE, sessionsEach: SESSIONS_PER_CARD };
    const { total, listings } = await upcomingEvents(c.var.deps.db, filters, view.now, page);
    return render(c, view, <EventsPage view={view} form={form} errors={errors} listings={listings} total={total} home={home} />, errors.length ? 400 : 200);
  };
  app.get("/", whatsOn(true));
  app.get("/events", whatsOn(false));

  app.get("/events/:id", async (c) => {
    const view = viewFor(c);
    const data = await eventPage(c.var.deps.db, c.req.param("id"), view.now);
    return data ? render(c, view, <EventPage view={view} data={data} />) : notFound(c, view);
  });

  app.get("/events/:id/poster", async (c) => {
    const view = viewFor(c);
    const data = await eventPage(c.var.deps.db, c.req.param("id"), view.now);
    return data ? render(c, view, <PosterPage view={view} data={data} />) : notFound(c, view);
  });

  app.get("/accessibility", (c) => {
    const view = viewFor(c);
    return render(c, view, <AccessibilityPage view={view} email={c.var.deps.config.accessibilityEmail} />);
  });

  // Co-production opportunities: every upcoming co_production event, through the same query
  // as the events list (so a cancelled or past session never shows).
  app.get("/get-involved", async (c) => {
    const view = viewFor(c);
    const page = { number: 1, size: GET_INVOLVED_LIMIT, sessionsEach: SESSIONS_PER_CARD };
    const { total, listings } = await upcomingEvents(c.var.deps.db, { type: "co_production" }, view.now, page);
    return render(c, view, <GetInvolvedPage view={view} listings={listings} total={total} />);
  });

  app.get("/sign-in", (c) => {
    const view = viewFor(c);
    return render(c, view, <SignInPage view={view} />);
  });

  app.post("/sign-in", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view);
    if (refused) return refused;
    const typed = String((await c.req.parseBody()).email ?? "").trim();
    // The same rule as the API's, so the page and the API accept the same addresses.
    const email = Email.safeParse(typed);
    if (!email.success) return render(c, view, <SignInPage view={view} email={typed} error />, 400);
    // The API's limits (per address, per email): past them the person gets a page saying when
    // to try again (src/web/errors.tsx), and no more links are sent.
    await enforceSignInLimit(c, email.data);
    // After the response, as the API does: a known address costs a write, an unknown one not.
    await afterResponse(c.var.deps, () => requestMagicLink(c.var.deps, email.data));
    return render(c, view, <CheckEmailPage view={view} email={email.data} />, 200, { headers: PRIVATE });
  });

  const tokenHeaders = { headers: TOKEN_HEADERS };
  app.get("/sign-in/:token", async (c) => {
    const view = viewFor(c);
    const token = c.req.param("token");
    const usable = await signInLinkUsable(c.var.deps.db, token, view.now);
    return usable ? render(c, view, <SignInLinkPage view={view} token={token} />, 200, tokenHeaders) : render(c, view, <LinkInvalidPage view={view} />, 400, tokenHeaders);
  });

  app.post("/sign-in/:token", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view);
    if (refused) return refused;
    try {
      const { accessToken } = await createSession(c.var.deps, c.req.param("token"));
      setCookie(c, SESSION_COOKIE, accessToken, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c), maxAge: SESSION_TTL_MS / 1000 });
      // Everyone lands where their work is: a coordinator, school, employer or host partner in
      // their area (staff/areas.ts), a young person on their bookings.
      const landing = async () => {
        const actor = await actorForToken(c, accessToken);
        return actor.kind === "person" ? landingFor(c.var.deps, actor, view.t) : "/my";
      };
      return c.redirect(await afterSignIn(c, landing), 303);
    } catch (err) {
      if (err instanceof ProblemError && err.code === "token_invalid") return render(c, view, <LinkInvalidPage view={view} />, 400, tokenHeaders);
      throw err;
    }
  });

  app.post("/sign-out", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view);
    if (refused) return refused;
    if (view.actor) await revokeSession(c.var.deps, view.actor.authSessionId);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
    return c.redirect("/", 303);
  });

  registerPeoplePages(app);
  registerJoinPages(app);

  app.get("/my", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return c.redirect("/sign-in", 303);
    const { deps } = c.var;
    const [rows, areas, orgs] = await Promise.all([bookingsOf(deps.db, view.actor.person.id), staffAreas(deps, view.actor, view.t), ownOrganisations(deps, view.actor)]);
    // A school's staff look for their bookings here too: their school's groups are shown.
    const schools = await Promise.all(orgs.filter((o) => o.type === "school").map(async (org) => ({ org, groups: await schoolGroups(deps.db, org.id, view.now) })));
    return render(c, view, <MyPage view={view} rows={rows} areas={areas} schools={schools} />, 200, { headers: PRIVATE });
  });

  registerDirectoryPages(app);
  registerSiteFeedbackPages(app);
  registerHouseholdPages(app);
  registerStaffPages(app);
  registerCarouselPages(app);
  registerRecordPages(app);
  registerTimebankPages(app);
}
