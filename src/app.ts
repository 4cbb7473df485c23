import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { resolveActor } from "./lib/auth";
import { crossSiteCheck } from "./lib/same-origin";
import type { Deps } from "./lib/deps";
import type { Api, AppEnv } from "./lib/env";
import { idempotency } from "./lib/idempotency";
import { fieldErrors, ProblemError } from "./lib/problem";
import { problemResponse } from "./lib/problem-response";
import { refuse } from "./lib/refusal";
import { jsonBodies } from "./lib/request-body";
import { logFault } from "./lib/log";
import { registerOps } from "./features/ops/api";
import { registerAuth } from "./features/auth/api";
import { registerOrganisations } from "./features/organisations/api";
import { registerWebhooks } from "./features/webhooks/api";
import { registerDocs } from "./features/docs/api";
import { registerAudit } from "./features/audit/api";
import { registerPrivacy } from "./features/privacy/api";
import { registerCatalogue } from "./features/catalogue/api";
import { registerSessions } from "./features/sessions/api";
import { registerMentoring } from "./features/mentoring/api";
import { registerAttendance } from "./features/attendance/api";
import { registerFeedback } from "./features/feedback/api";
import { registerTimebank } from "./features/timebank/api";
import { registerReports } from "./features/reports/api";
import { registerBookings } from "./features/bookings/api";
import { registerGroups } from "./features/groups/api";
import { registerCarousels } from "./features/carousels/api";
import { registerCalendar } from "./features/calendar/api";
import { registerNotifications } from "./features/notifications/api";
import { registerDirectory } from "./features/directory/api";
import { registerSiteFeedback } from "./features/site-feedback/api";
import { registerWeb } from "./web/routes";
import { errorPage, wantsPage } from "./web/errors";
import { REVALIDATED_PATHS, revalidatedByEtag } from "./lib/http-cache";
import { keptWhileUnchanged } from "./lib/answer-cache";

export const API_BASE = "/api/v1";

/** Invalid input becomes one problem+json listing every bad field. */
export function newApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = fieldErrors(result.error.issues);
        // zod's own messages stay as they are, per field; the sentence around them is worded.
        throw refuse("validation_fields", { fields: errors.map((e) => e.path).join(", ") }, { errors });
      }
    },
  });
}

/** The dependencies, or how to build them for a request (the Worker, from its bindings). */
export type DepsSource = Deps | ((c: Context<AppEnv>) => Deps);

/** The whole application, built once per entry point (Worker isolate, Node server, tests). */
export function createApp(deps: DepsSource) {
  const app = newApi();
  const depsFor = typeof deps === "function" ? deps : () => deps;

  app.use("*", async (c, next) => {
    c.set("deps", depsFor(c));
    await next();
  });
  // secureHeaders (next) overwrites the CSP on the way out; a page that runs a script file of
  // ours (the check-in camera) asks for its own policy with c.set("pageCsp"), put back here.
  app.use("*", async (c, next) => {
    await next();
    const own = c.get("pageCsp");
    if (own) c.res.headers.set("content-security-policy", own);
  });
  // Pages and API alike: no framing, no third-party anything, no inline scripts.
  app.use(
    "*",
    secureHeaders({
      // Nothing is allowed unless named: our own stylesheet, images (QR codes are inline data),
      // forms posting to ourselves. No script at all, inline or not.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      // Pages carry one-time tokens in their URLs (sign-in, consent, calendar feeds): never leak them.
      referrerPolicy: "no-referrer",
      xFrameOptions: "DENY",
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { geolocation: [], microphone: [], camera: ["self"] },
    }),
  );
  app.use("*", crossSiteCheck());
  app.use("*", resolveActor());
  app.use(`${API_BASE}/events`, keptWhileUnchanged());
  for (const path of REVALIDATED_PATHS) app.use(path, revalidatedByEtag());
  app.use(`${API_BASE}/*`, jsonBodies());
  app.use(`${API_BASE}/*`, idempotency());

  const api = newApi();
  registerAuth(api);
  registerOrganisations(api);
  registerWebhooks(api);
  registerCatalogue(api);
  registerSessions(api);
  registerMentoring(api);
  registerOps(api);
  registerAudit(api);
  registerPrivacy(api);
  registerAttendance(api);
  registerFeedback(api);
  registerTimebank(api);
  registerReports(api);
  registerBookings(api);
  registerGroups(api);
  registerCarousels(api);
  registerCalendar(api);
  registerNotifications(api);
  registerDirectory(api);
  registerSiteFeedback(api);
  app.route(API_BASE, api);

  registerOps(app);
  registerDocs(app, api);
  registerWeb(app);

  // A person's browser gets a page in their language with a way back; the API and every other
  // client keep problem+json (src/web/errors.tsx decides which is which).
  const answer = (c: Context<AppEnv>, err: ProblemError) => (wantsPage(c) ? errorPage(c, err) : problemResponse(c, err));
  app.notFound((c) => answer(c, refuse("nothing_at_path", { path: new URL(c.req.url).pathname })));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return answer(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? "payload_too_large" : err.status === 415 ? "unsupported_media_type" : err.status === 401 ? "unauthenticated" : err.status === 404 ? "not_found" : "validation";
      // Hono's own refusals (rare: our middleware answers first) arrive with an English message.
      return answer(c, err.message ? new ProblemError(code, err.message) : refuse("request_not_understood"));
    }
    // Log the fault for operators without leaking it (or any token in the URL) to the caller.
    logFault(`${c.req.method} ${new URL(c.req.url).pathname.replace(/[A-Za-z0-9_-]{24,}/g, "…")}`, err);
    return answer(c, refuse("internal_fault"));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
