import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requireCoordinator, requirePerson } from "../../lib/auth";
import { enforceBookingLimit } from "../../lib/rate-limit";
import type { Api } from "../../lib/env";
import { bearer, Email, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { decideConsent } from "./consent";
import { acceptOffer } from "./offers";
import { bookSession, cancelBooking, getBooking, listMyBookings } from "./service";
import { cancelSession, changeSession } from "./session-changes";
import { BookingSchema } from "./view";

const BookRequest = z
  .object({
    personId: z.string().max(64).optional().describe("Coordinators only: book on behalf of this young person"),
    accessNeeds: Text(500).optional().describe("Anything that would help you take part (e.g. a quiet space, step-free access)"),
    guardianEmail: Email.optional().describe("Needed when you are under the event's consent age: a parent or carer will be asked to say yes"),
  })
  .openapi("BookingRequest");

const SessionSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venueId: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    seatsLeft: z.number().int(),
    status: z.enum(["scheduled", "cancelled"]),
    sequence: z.number().int(),
  })
  .openapi("SessionState");

const Instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date-time like 2026-05-01T14:00:00Z" }).max(40).transform((v) => Date.parse(v));

/** Exported so the coordinator's web form accepts exactly what the API does. */
export const SessionChangeBody = z
  .object({
    capacity: z.number().int().min(1).max(100_000).optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    venueId: z.string().max(64).nullable().optional(),
    onlineUrl: z.url().max(500).nullable().optional(),
  })
  .openapi("SessionChange");

export function registerBookings(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/bookings",
      tags: ["bookings"],
      summary: "Book a place (or join the waiting list)",
      description:
        "Books one seat for the signed-in young person (coordinators may pass `personId`). Answers 201 with status `confirmed`, `pending_consent` (under the event's consent age: the seat is held 48 h while a parent or carer is asked) or `waitlisted` (with `position`). Refusals: 409 session_full (no waiting list), already_booked, booking_clash (names the other booking), session_started, session_cancelled; 422 not_eligible (says why).",
      security: bearer,
      request: { params: IdParam, body: jsonBody(BookRequest) },
      responses: {
        201: json(BookingSchema, "Booked, held for consent, or on the waiting list"),
        ...problemsFor(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      await enforceBookingLimit(c, actor);
      const booking = await bookSession(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(booking, 201, { location: `/api/v1/bookings/${booking.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/me/bookings",
      tags: ["bookings"],
      summary: "My bookings",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(BookingSchema) }), "Your bookings, soonest first"), ...problemsFor(401, 403) },
    }),
    async (c) => c.json({ items: await listMyBookings(c.var.deps, requirePerson(c).person.id) }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/bookings/{id}",
      tags: ["bookings"],
      summary: "One booking (its owner, the group's school, or a coordinator)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(BookingSchema, "The booking"), ...problemsFor(401, 404) },
    }),
    async (c) => c.json(await getBooking(c.var.deps, requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/bookings/{id}/cancel",
      tags: ["bookings"],
      summary: "Cancel a booking",
      description: "The young person (or the group's school) until the session starts; coordinators at any time. A freed seat is offered to the first person waiting.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(BookingSchema, "Cancelled"), ...problemsFor(401, 404, 409) },
    }),
    async (c) => c.json(await cancelBooking(c.var.deps, requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/bookings/{id}/accept-offer",
      tags: ["bookings"],
      summary: "Accept a seat offered from the waiting list",
      description: "Confirms the offered seat (or, under the consent age, holds it while a parent or carer is asked). 409 offer_expired once the offer has run out.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(BookingSchema, "Accepted"), ...problemsFor(401, 404, 409) },
    }),
    async (c) => c.json(await acceptOffer(c.var.deps, requireActor(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/consents/{token}",
      tags: ["bookings"],
      summary: "A parent or carer says yes or no (no sign-in: the emailed link is the permission)",
      request: {
        params: z.object({ token: z.string().min(10).max(200).openapi({ param: { name: "token", in: "path" } }) }),
        body: jsonBody(z.object({ decision: z.enum(["grant", "refuse"]) }).openapi("ConsentDecision")),
      },
      responses: {
        200: json(z.object({ bookingId: z.string(), status: z.enum(["confirmed", "cancelled"]) }).openapi("ConsentOutcome"), "Recorded"),
        ...problemsFor(400, 401),
      },
    }),
    async (c) => c.json(await decideConsent(c.var.deps, c.req.valid("param").token, c.req.valid("json").decision), 200),
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
      responses: { 200: json(SessionSchema, "Changed"), ...problemsFor(400, 401, 403, 404, 409) },
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
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(SessionSchema.extend({ bookingsCancelled: z.number().int() }).openapi("CancelledSession"), "Cancelled; everyone is told"),
        ...problemsFor(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      return c.json(await cancelSession(c.var.deps, actor, c.req.valid("param").id), 200);
    },
  );
}
