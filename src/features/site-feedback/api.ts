// The site feedback API: anyone sends (rate-limited per address, as the website's form);
// coordinators read the inbox, move items along, reply and publish; everyone reads the
// programme's "you said, we did". The website's pages call the same verbs (web/site-feedback).
import { createRoute, z } from "@hono/zod-openapi";
import { requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problems, problemsFor } from "../../lib/openapi";
import { clientIp, enforceRateLimit } from "../../lib/rate-limit";
import { iso } from "../../lib/time";
import { auditRead } from "../audit/record";
import { publishProgrammeNote, replyToSiteFeedback, setSiteFeedbackStatus } from "./inbox";
import { findSiteFeedback, listSiteFeedback, programmeYouSaidWeDid } from "./read";
import { ProgrammeNote, ProgrammeNoteBody, SiteFeedbackBody, SiteFeedbackItem, SiteFeedbackPatch, SiteFeedbackQuery, SiteFeedbackReceipt, SiteFeedbackReply, siteFeedbackOut } from "./schemas";
import { sendSiteFeedback } from "./send";
import { refuse } from "../../lib/refusal";

const tags = ["site feedback"];
const noteOut = (n: Awaited<ReturnType<typeof programmeYouSaidWeDid>>[number]) => ({ ...n, createdAt: iso(n.createdAt) });

export function registerSiteFeedback(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/site-feedback",
      tags,
      summary: "Send feedback about the website or the programme (anyone, no sign-in)",
      description:
        "Anonymous unless `email` is given (for a reply). Only the page's path (without private ids or query) and the language are recorded with the words. Limited per address, as the website's form is.",
      request: { body: jsonBody(SiteFeedbackBody) },
      responses: { 201: json(SiteFeedbackReceipt, "Received"), ...problemsFor(400, 429) },
    }),
    async (c) => {
      await enforceRateLimit(c, "site_feedback_ip", clientIp(c));
      const row = await sendSiteFeedback(c.var.deps, c.req.valid("json"));
      return c.json({ id: row.id, anonymous: row.replyEmail === null }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/site-feedback",
      tags,
      summary: "The feedback inbox, newest first (coordinators)",
      security: bearer,
      request: { query: SiteFeedbackQuery },
      responses: { 200: json(z.object({ items: z.array(SiteFeedbackItem) }), "Feedback"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const rows = await listSiteFeedback(c.var.deps.db, c.req.valid("query"));
      await auditRead(c.var.deps.db, actor, { action: "site_feedback.read", subjectType: "site_feedback", detail: { count: rows.length } }, c.var.deps.clock.now());
      return c.json({ items: rows.map(siteFeedbackOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/site-feedback/{id}",
      tags,
      summary: "One feedback item (coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(SiteFeedbackItem, "Feedback"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const id = c.req.valid("param").id;
      const row = await findSiteFeedback(c.var.deps.db, id);
      if (!row) throw refuse("sf_no_feedback");
      await auditRead(c.var.deps.db, actor, { action: "site_feedback.read", subjectType: "site_feedback", subjectId: id }, c.var.deps.clock.now());
      return c.json(siteFeedbackOut(row), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/site-feedback/{id}",
      tags,
      summary: "Move an item to new, in hand or done (coordinators)",
      security: bearer,
      request: { params: IdParam, body: jsonBody(SiteFeedbackPatch) },
      responses: { 200: json(SiteFeedbackItem, "Moved"), ...problemsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const row = await setSiteFeedbackStatus(c.var.deps, requireCoordinator(c), c.req.valid("param").id, c.req.valid("json").status);
      return c.json(siteFeedbackOut(row), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/site-feedback/{id}/reply",
      tags,
      summary: "Reply by email to someone who left an address (coordinators)",
      description: "Queued in the outbox with the change (rule 9); a new item moves to in hand. 422 when the feedback was anonymous.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(SiteFeedbackReply) },
      responses: { 202: json(SiteFeedbackItem, "Reply queued"), ...problemsFor(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const row = await replyToSiteFeedback(c.var.deps, requireCoordinator(c), c.req.valid("param").id, c.req.valid("json").message);
      return c.json(siteFeedbackOut(row), 202);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/site-feedback/{id}/publish",
      tags,
      summary: "Publish an item as a \"you said, we did\" line (coordinators); the item is then done",
      security: bearer,
      request: { params: IdParam, body: jsonBody(ProgrammeNoteBody) },
      responses: { 201: json(ProgrammeNote, "Published"), ...problemsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const note = await publishProgrammeNote(c.var.deps, requireCoordinator(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(noteOut({ ...note, eventId: null, eventTitle: null }), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/you-said-we-did",
      tags,
      summary: "Publish a \"you said, we did\" line about the whole programme (coordinators)",
      security: bearer,
      request: { body: jsonBody(ProgrammeNoteBody) },
      responses: { 201: json(ProgrammeNote, "Published"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const note = await publishProgrammeNote(c.var.deps, requireCoordinator(c), null, c.req.valid("json"));
      return c.json(noteOut({ ...note, eventId: null, eventTitle: null }), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/you-said-we-did",
      tags,
      summary: "\"You said, we did\" for the whole programme (public)",
      description: "The programme's own lines and every event's notes, newest first.",
      responses: { 200: json(z.object({ items: z.array(ProgrammeNote) }), "Lines, newest first"), 400: problems[400] },
    }),
    async (c) => c.json({ items: (await programmeYouSaidWeDid(c.var.deps.db)).map(noteOut) }, 200),
  );
}
