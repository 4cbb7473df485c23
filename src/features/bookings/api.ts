import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requirePerson } from "../../lib/auth";
import { enforceBookingLimit, enforceConsentLimit } from "../../lib/rate-limit";
import type { Api } from "../../lib/env";
import { bearer, Email, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { decideConsent } from "./consent";
import { acceptOffer } from "./offers";
import { bookSession } from "./book";
import { cancelBooking } from "./cancel";
import { getBooking, listMyBookings } from "./read";
import { BookingSchema } from "./view";
import { registerHouseholdBookings } from "./api-household";
import { registerSeriesBookings } from "./api-series";

const BookRequest = z
  .object({
    personId: z.string().max(64).optional().describe("Coordinators only: book on behalf of this young person"),
    accessNeeds: Text(500).optional().describe("Anything that would help you take part (e.g. a quiet space, step-free access)"),
    guardianEmail: Email.optional().describe("Needed when you are under the event's consent age: a parent or carer will be asked to say yes"),
  })
  .openapi("BookingRequest");

export function registerBookings(api: Api) {
  registerHouseholdBookings(api);
  registerSeriesBookings(api);
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
      summary: "A parent or carer says yes or no, or withdraws a yes (no sign-in: the emailed link is the permission)",
      request: {
        params: z.object({ token: z.string().min(10).max(200).openapi({ param: { name: "token", in: "path" } }) }),
        body: jsonBody(z.object({ decision: z.enum(["grant", "refuse", "withdraw"]).describe("`withdraw` takes back a yes, through the same link, until the session starts (the place is cancelled and offered to the waiting list)") }).openapi("ConsentDecision")),
      },
      responses: {
        200: json(z.object({ bookingId: z.string(), status: z.enum(["confirmed", "cancelled"]) }).openapi("ConsentOutcome"), "Recorded"),
        ...problemsFor(400, 401, 409, 429),
      },
    }),
    async (c) => {
      await enforceConsentLimit(c);
      return c.json(await decideConsent(c.var.deps, c.req.valid("param").token, c.req.valid("json").decision), 200);
    },
  );
}
