import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { resolveActor } from "./lib/auth";
import type { Deps } from "./lib/deps";
import type { Api, AppEnv } from "./lib/env";
import { idempotency } from "./lib/idempotency";
import { fieldErrors, ProblemError, problemResponse } from "./lib/problem";
import { jsonBodies } from "./lib/request-body";
import { registerOps } from "./features/ops/routes";
import { registerAuth } from "./features/auth/routes";
import { registerOrganisations } from "./features/organisations/routes";
import { registerDocs } from "./features/docs/routes";
import { registerWeb } from "./web/routes";

export const API_BASE = "/api/v1";

/** Invalid input becomes one problem+json listing every bad field. */
export function newApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = fieldErrors(result.error.issues);
        throw new ProblemError("validation", `Please check ${errors.map((e) => e.path).join(", ")}.`, { errors });
      }
    },
  });
}

/** The whole application, built once per entry point (Worker, Node server, tests). */
export function createApp(deps: Deps) {
  const app = newApi();

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", resolveActor());
  app.use(`${API_BASE}/*`, jsonBodies());
  app.use(`${API_BASE}/*`, idempotency());

  const api = newApi();
  registerAuth(api);
  registerOrganisations(api);
  registerOps(api);
  app.route(API_BASE, api);

  registerOps(app);
  registerDocs(app, api);
  registerWeb(app);

  app.notFound((c) => problemResponse(c, new ProblemError("not_found", `There is nothing at ${new URL(c.req.url).pathname}.`)));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? "payload_too_large" : err.status === 415 ? "unsupported_media_type" : err.status === 401 ? "unauthenticated" : err.status === 404 ? "not_found" : "validation";
      return problemResponse(c, new ProblemError(code, err.message || "The request could not be understood."));
    }
    // Log the fault for operators without leaking it (or any token in the URL) to the caller.
    console.error(`[open-door] ${c.req.method} ${new URL(c.req.url).pathname.replace(/[A-Za-z0-9_-]{24,}/g, "…")}:`, err);
    return problemResponse(c, new ProblemError("internal", "Something went wrong on our side. Please try again in a moment."));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
