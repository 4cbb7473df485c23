import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, problemsFor } from "../../lib/openapi";
import { csvResponseHeaders } from "./csv";
import { programmeReportCsv } from "./programme-report";
import { sessionReportCsv } from "./session-report";
import { csv, LondonDate } from "./schemas";

export function registerReports(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions/{id}/report.csv",
      tags: ["reports"],
      summary: "Attendance register for a session as CSV (hosts and coordinators)",
      description: "One row per booking: first name (the school for a group), kind, seats, status and check-in time in London time.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: csv("The register"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { csv: body, filename } = await sessionReportCsv(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.body(body, 200, csvResponseHeaders(filename));
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/reports/programme.csv",
      tags: ["reports"],
      summary: "Programme figures by event type for a date range, as CSV (coordinators)",
      description:
        "Sessions starting between `from` and `to` (London dates, both included). Bookings, attendance and no-show rates, groups versus individuals, feedback averages, plus an `all` row. Counts only: no personal data.",
      security: bearer,
      request: { query: z.object({ from: LondonDate("from"), to: LondonDate("to") }) },
      responses: { 200: csv("The report"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      requireCoordinator(c);
      const { from, to } = c.req.valid("query");
      const { csv: body, filename } = await programmeReportCsv(c.var.deps, from, to);
      return c.body(body, 200, csvResponseHeaders(filename));
    },
  );
}
