import { createRoute, z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../../db/schema";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problems, problemsFor } from "../../lib/openapi";
import { field as fieldRefusal, refuse } from "../../lib/refusal";
import { parseLondonLocal, startOfLondonDay } from "../../lib/time";
import { createEvent, getEvent, listEvents, updateEvent, upcomingSessions } from "./events";
import { EventCreate, eventOut, EventPatch, EventSchema, Lang, Page, SessionSummary, sessionSummaryOut } from "./schemas";

const Many = z
  .union([z.string().max(400), z.array(z.string().max(400)).max(20)])
  .optional()
  .openapi({ description: "Repeat the parameter or separate values with commas" });

const EventQuery = Page.extend(Lang.shape).extend({
  type: z.enum(EVENT_TYPES).optional(),
  from: z.string().max(40).optional().openapi({ description: "ISO date (London) or date-time; events with a scheduled session starting at or after this" }),
  to: z.string().max(40).optional().openapi({ description: "ISO date (inclusive, London) or date-time; events with a scheduled session starting before this" }),
  age: z.coerce.number().int().min(0).max(120).optional().openapi({ description: "Only events whose age range includes this age" }),
  tag: Many,
  accessFeature: Many.openapi({ description: "Events offering every one of these access features (repeat or comma-separate)" }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: "Words in the title or description, in any language" }),
});

const many = (v: string | string[] | undefined) =>
  [v ?? []].flat().flatMap((s) => s.split(",")).map((s) => s.trim().toLowerCase()).filter(Boolean);

/**
 * A date means the whole London day (so `to=2026-03-10` includes that evening); a date-time
 * with an offset is that instant; without an offset it is London wall time.
 */
function parseWhen(value: string | undefined, field: "from" | "to"): number | undefined {
  if (value === undefined) return undefined;
  const bad = () => refuse("validation_fields", { fields: field }, { fields: [fieldRefusal(field, "date_or_datetime")] });
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = parseLondonLocal(`${value}T00:00`);
    if (Number.isNaN(start) || !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) throw bad();
    return field === "from" ? start : startOfLondonDay(value, 1);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) {
    const t = parseLondonLocal(value.slice(0, 16));
    if (Number.isNaN(t)) throw bad();
    return field === "to" ? t + 1 : t;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw bad();
    return field === "to" ? t + 1 : t;
  }
  throw bad();
}

const EventListItem = EventSchema.extend({ nextSession: SessionSummary.nullable() }).openapi("EventListItem");
const EventDetail = EventSchema.extend({ sessions: z.array(SessionSummary) }).openapi("EventDetail");

export function registerEventRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/events",
      tags: ["catalogue"],
      summary: "Add an event",
      description: "Coordinators, or the staff / API key of the host organisation.",
      security: bearer,
      request: { body: jsonBody(EventCreate) },
      responses: { 201: json(EventSchema, "Created"), ...problemsFor(400, 401, 403, 422) },
    }),
    async (c) => {
      const event = await createEvent(c.var.deps, requireActor(c), c.req.valid("json"));
      return c.json(eventOut(event), 201, { location: `/api/v1/events/${event.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/events",
      tags: ["catalogue"],
      summary: "The event directory",
      description: "Filters combine with AND. Each event shows its next upcoming session. Pages follow a stable order; pass `nextCursor` back as `cursor`.",
      request: { query: EventQuery },
      responses: { 200: json(z.object({ items: z.array(EventListItem), nextCursor: z.string().nullable() }).openapi("EventPage"), "Events"), 400: problems[400] },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const from = parseWhen(query.from, "from");
      const to = parseWhen(query.to, "to");
      if (from !== undefined && to !== undefined && to <= from) {
        throw refuse("to_before_from", {}, { fields: [fieldRefusal("to", "after_from")] });
      }
      const page = await listEvents(c.var.deps, {
        type: query.type,
        from,
        to,
        age: query.age,
        tags: many(query.tag),
        accessFeatures: many(query.accessFeature),
        q: query.q,
        cursor: query.cursor,
        limit: query.limit,
      });
      // The same list may be reused until the data changes or an event's next session starts.
      c.set("freshUntil", Math.min(...page.items.map(({ nextSession }) => nextSession?.startsAt ?? Number.POSITIVE_INFINITY)));
      return c.json(
        {
          items: page.items.map(({ event, nextSession }) => ({ ...eventOut(event, query.lang), nextSession: nextSession ? sessionSummaryOut(nextSession) : null })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/events/{id}",
      tags: ["catalogue"],
      summary: "One event with its upcoming sessions",
      request: { params: IdParam, query: Lang },
      responses: { 200: json(EventDetail, "The event"), ...problemsFor(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const event = await getEvent(c.var.deps, id);
      const sessions = await upcomingSessions(c.var.deps, id);
      return c.json({ ...eventOut(event, c.req.valid("query").lang), sessions: sessions.map(sessionSummaryOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/events/{id}",
      tags: ["catalogue"],
      summary: "Change an event's details",
      description: "Coordinators, or the host organisation. Only the fields sent change.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(EventPatch) },
      responses: { 200: json(EventSchema, "Updated"), ...problemsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const event = await updateEvent(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(eventOut(event), 200);
    },
  );
}
