// Every /sessions/{id} route and adding sessions to an event: the session as one feature.
// Bookings and attendance nested under a session (/sessions/{id}/bookings …) stay with them.
import { createRoute, z } from "@hono/zod-openapi";
import { actsFor, requireActor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { Lang, SessionSummary, sessionSummaryOut, venueOut } from "../catalogue/schemas";
import { resolveText } from "../catalogue/shared";
import { cancelSession } from "./cancel";
import { changeSession } from "./change";
import { addSessions, type SessionInput } from "./create";
import { getSessionDetail } from "./read";
import { SessionCancelBody, SessionChangeBody, SessionCreate, SessionDetail, SessionState } from "./schemas";

export function registerSessions(api: Api) {
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

  api.openapi(
    createRoute({
      method: "patch",
      path: "/sessions/{id}",
      tags: ["sessions"],
      summary: "Change a session's capacity, time or place (coordinators)",
      description:
        "More capacity offers seats to the waiting list at once; less than is taken is refused (409 capacity_below_taken). A new time or place sends everyone holding a seat an updated invite. Refused once the session has started (409 session_started), a new time once anyone is checked in (409 check_in_begun: check-in opens 2 h before the start), and a new time that overlaps another booking of someone booked here (409 booking_clash, with peopleClashing).",
      security: bearer,
      request: {
        params: IdParam,
        body: jsonBody(SessionChangeBody),
      },
      responses: { 200: json(SessionState, "Changed"), ...problemsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      return c.json(await changeSession(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json")), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/cancel",
      tags: ["sessions"],
      summary: "Cancel a session and every booking on it (coordinators)",
      description: "Everyone booked is emailed the reason, if given, and the event's other upcoming dates with seats left.",
      security: bearer,
      request: { params: IdParam, body: { required: false, content: { "application/json": { schema: SessionCancelBody } } } },
      responses: {
        200: json(SessionState.extend({ bookingsCancelled: z.number().int() }).openapi("CancelledSession"), "Cancelled; everyone is told"),
        ...problemsFor(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      return c.json(await cancelSession(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json") ?? {}), 200);
    },
  );
}
