import { createRoute, z } from "@hono/zod-openapi";
import { requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, json, problemsFor } from "../../lib/openapi";
import { startOfLondonDay } from "../../lib/time";
import { listAudit } from "./read";
import { auditRead } from "./record";
import { AuditRow } from "./schemas";

export function registerAudit(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit-log",
      tags: ["privacy"],
      summary: "Who read or changed personal data, newest first (coordinators)",
      security: bearer,
      request: {
        query: z.object({
          subjectType: z.string().max(40).optional(),
          subjectId: z.string().max(64).optional(),
          before: z.iso.datetime().max(40).optional().describe("Page back: entries before this instant"),
          personId: z.string().max(64).optional().describe("What this person did, and what was done to them"),
          organisationId: z.string().max(64).optional().describe("What the organisation's staff and API keys did, and what was done to it"),
          from: z.iso.date().max(10).optional().describe("From this London date (included)"),
          to: z.iso.date().max(10).optional().describe("To this London date (included)"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(AuditRow) }), "Entries"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const q = c.req.valid("query");
      const { db, clock } = c.var.deps;
      const { from, to, ...rest } = q;
      const rows = await listAudit(db, {
        ...rest,
        before: q.before ? Date.parse(q.before) : undefined,
        fromMs: from ? startOfLondonDay(from) : undefined,
        toMs: to ? startOfLondonDay(to, 1) : undefined,
      });
      // Reading the audit log is itself a read of personal data (ids of people).
      await auditRead(db, actor, { action: "audit_log.read", subjectType: "audit_log", detail: { count: rows.length } }, clock.now());
      return c.json({ items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) }, 200);
    },
  );
}
