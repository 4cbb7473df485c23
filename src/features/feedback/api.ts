import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requireCoordinator, requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { IdParam, bearer, json, jsonBody, problems, problemsFor } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { Feedback, FeedbackBody, FeedbackSummary, YouSaidWeDid, YouSaidWeDidBody, noteOut } from "./schemas";
import { giveFeedback } from "./give";
import { feedbackSummary, listYouSaidWeDid } from "./read";
import { addYouSaidWeDid } from "./you-said-we-did";

export function registerFeedback(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/bookings/{id}/feedback",
      tags: ["feedback"],
      summary: "Give feedback on a session you went to (once per booking)",
      security: bearer,
      request: { params: IdParam, body: jsonBody(FeedbackBody) },
      responses: { 201: json(Feedback, "Thank you"), ...problemsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const f = await giveFeedback(c.var.deps, requirePerson(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ ...f, createdAt: iso(f.createdAt) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/events/{id}/feedback-summary",
      tags: ["feedback"],
      summary: "Feedback for an event (the host organisation and coordinators)",
      description: "Anonymous feedback is counted and its words shown, with no name, booking or time.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(FeedbackSummary, "Summary"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const s = await feedbackSummary(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json({ ...s, comments: s.comments.map((x) => ({ ...x, givenAt: isoOrNull(x.givenAt) })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/you-said-we-did",
      tags: ["feedback"],
      summary: "Publish a \"you said, we did\" note on an event (coordinators)",
      security: bearer,
      request: { params: IdParam, body: jsonBody(YouSaidWeDidBody) },
      responses: { 201: json(YouSaidWeDid, "Published"), ...problemsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const note = await addYouSaidWeDid(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(noteOut(note), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/events/{id}/you-said-we-did",
      tags: ["feedback"],
      summary: "\"You said, we did\" notes for an event (public)",
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(YouSaidWeDid) }), "Notes, newest first"), 404: problems[404] },
    }),
    async (c) => {
      const notes = await listYouSaidWeDid(c.var.deps, c.req.valid("param").id);
      return c.json({ items: notes.map(noteOut) }, 200);
    },
  );
}
