import { createRoute, z } from "@hono/zod-openapi";
import { LOCALES, type Locale } from "../../db/schema";
import { requireActor, requireCoordinator, requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { IdParam, bearer, json, jsonBody, problems, problemsFor, Text } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { addYouSaidWeDid, feedbackSummary, giveFeedback, listYouSaidWeDid } from "./service";

const FeedbackBody = z
  .object({
    rating: z.number().int().min(1, "Choose 1 to 5").max(5, "Choose 1 to 5"),
    whatWorked: Text(1000).default(""),
    couldBeBetter: Text(1000).default(""),
    anonymous: z.boolean().default(false).describe("Hide your name from the organisers"),
  })
  .openapi("FeedbackRequest");

const Feedback = z
  .object({ id: z.string(), bookingId: z.string(), eventId: z.string(), rating: z.number().int(), whatWorked: z.string(), couldBeBetter: z.string(), anonymous: z.boolean(), createdAt: z.string() })
  .openapi("Feedback");

const FeedbackSummary = z
  .object({
    eventId: z.string(),
    count: z.number().int(),
    anonymousCount: z.number().int(),
    averageRating: z.number().nullable(),
    distribution: z.object({ "1": z.number().int(), "2": z.number().int(), "3": z.number().int(), "4": z.number().int(), "5": z.number().int() }),
    comments: z.array(
      z.object({
        rating: z.number().int(),
        whatWorked: z.string(),
        couldBeBetter: z.string(),
        anonymous: z.boolean(),
        from: z.object({ name: z.string(), bookingId: z.string() }).nullable().describe("null for anonymous feedback"),
        givenAt: z.string().nullable().describe("null for anonymous feedback"),
      }),
    ),
  })
  .openapi("FeedbackSummary");

const NoteLocale = z.enum(LOCALES).describe("The language the note is written in, so pages in other languages can mark it for screen readers");
export const YouSaidWeDidBody = z.object({ youSaid: Text(1000, 1), weDid: Text(1000, 1), locale: NoteLocale.default("en") }).openapi("YouSaidWeDidRequest");
const YouSaidWeDid = z.object({ id: z.string(), eventId: z.string(), youSaid: z.string(), weDid: z.string(), locale: NoteLocale, createdAt: z.string() }).openapi("YouSaidWeDid");

const noteOut = (n: { id: string; eventId: string; youSaid: string; weDid: string; locale: Locale; createdAt: number }) => ({
  id: n.id,
  eventId: n.eventId,
  youSaid: n.youSaid,
  weDid: n.weDid,
  locale: n.locale,
  createdAt: iso(n.createdAt),
});

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
