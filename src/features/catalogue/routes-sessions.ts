import { createRoute, z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../../db/schema";
import { actsFor, requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { LocalisedTextSchema, Lang, SessionSummary, sessionSummaryOut, venueOut, VenueSchema } from "./schemas";
import { addSessions, getSessionDetail, MAX_CAPACITY, type SessionInput } from "./sessions";
import { resolveText } from "./shared";

export const SessionCreate = z
  .object({
    startsAt: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: "Single session: start instant with offset", example: "2026-03-10T16:00:00Z" }),
    endsAt: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: "Single session: end instant with offset" }),
    start: z
      .string()
      .max(16)
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "Use London local time like 2026-03-02T10:00 (no offset)" })
      .optional()
      .openapi({ description: "Series: first start in London local time", example: "2026-03-02T10:00" }),
    durationMinutes: z.number().int().min(5).max(24 * 60).optional().openapi({ description: "Series: length of each session" }),
    rrule: Text(500, 1).optional().openapi({ description: "Series: RFC 5545 RRULE with COUNT or UNTIL (at most 100 sessions)", example: "FREQ=WEEKLY;COUNT=8" }),
    venueId: z.string().min(1).max(64).optional(),
    onlineUrl: z.url({ protocol: /^https$/, message: "Use an https:// link" }).max(500).optional(),
    capacity: z.number().int().min(1).max(MAX_CAPACITY),
  })
  .superRefine((b, ctx) => {
    const series = b.start !== undefined || b.rrule !== undefined || b.durationMinutes !== undefined;
    const need = series ? (["start", "durationMinutes", "rrule"] as const) : (["startsAt", "endsAt"] as const);
    for (const key of need) if (b[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: series ? "required for a repeating series" : "required for a single session" });
    if (series) for (const key of ["startsAt", "endsAt"] as const) if (b[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "not used with a repeating series (use start and durationMinutes)" });
  })
  .openapi("SessionCreate", { description: "Either { startsAt, endsAt } for one session, or { start, durationMinutes, rrule } for a series; and exactly one of venueId / onlineUrl." });

const SessionDetail = SessionSummary.extend({
  seatsTaken: z.number().int(),
  sequence: z.number().int(),
  onlineUrl: z.string().nullable().optional().openapi({ description: "Shown only to coordinators and the host organisation" }),
  event: z.object({
    id: z.string(),
    type: z.enum(EVENT_TYPES),
    title: LocalisedTextSchema,
    titleText: z.string().optional(),
    hostOrganisationId: z.string(),
    minAge: z.number().int(),
    maxAge: z.number().int(),
    consentAge: z.number().int(),
    waitlistEnabled: z.boolean(),
    groupsAllowed: z.boolean(),
  }),
  venue: VenueSchema.nullable(),
}).openapi("SessionDetail");

export function registerSessionRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/sessions",
      tags: ["catalogue"],
      summary: "Add a session or a repeating series",
      description: "Coordinators or the host organisation. A series is expanded in London wall time, so 10:00 stays 10:00 across clock changes.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(SessionCreate) },
      responses: {
        201: json(z.object({ seriesId: z.string().nullable(), items: z.array(SessionSummary) }).openapi("SessionsCreated"), "Created"),
        ...problemsFor(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const place = { venueId: b.venueId, onlineUrl: b.onlineUrl, capacity: b.capacity };
      const input: SessionInput =
        b.rrule !== undefined
          ? { kind: "series", start: b.start!, durationMinutes: b.durationMinutes!, rrule: b.rrule, ...place }
          : { kind: "single", startsAt: b.startsAt!, endsAt: b.endsAt!, ...place };
      const rows = await addSessions(c.var.deps, requireActor(c), c.req.valid("param").id, input);
      return c.json({ seriesId: rows[0]!.seriesId, items: rows.map(sessionSummaryOut) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions/{id}",
      tags: ["catalogue"],
      summary: "One session: times, place, access facts and seats left",
      request: { params: IdParam, query: Lang },
      responses: { 200: json(SessionDetail, "The session"), ...problemsFor(400, 404) },
    }),
    async (c) => {
      const { session, venue, event } = await getSessionDetail(c.var.deps, c.req.valid("param").id);
      const lang = c.req.valid("query").lang;
      return c.json(
        {
          ...sessionSummaryOut(session),
          seatsTaken: session.seatsTaken,
          sequence: session.sequence,
          ...(actsFor(c.var.actor, event.hostOrganisationId) ? { onlineUrl: session.onlineUrl } : {}),
          event: {
            id: event.id,
            type: event.type,
            title: event.title,
            ...(lang ? { titleText: resolveText(event.title, lang) } : {}),
            hostOrganisationId: event.hostOrganisationId,
            minAge: event.minAge,
            maxAge: event.maxAge,
            consentAge: event.consentAge,
            waitlistEnabled: event.waitlistEnabled,
            groupsAllowed: event.groupsAllowed,
          },
          venue: venue ? venueOut(venue) : null,
        },
        200,
      );
    },
  );
}
