import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requirePerson } from "../../lib/auth";
import { auditRead } from "../audit/record";
import { enforceBookingLimit } from "../../lib/rate-limit";
import type { Api } from "../../lib/env";
import { bearer, Email, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { bookSlot, cancelMentoringBooking, getMentoringBooking } from "./booking";
import { MentoringBooking, mentoringBookingOut } from "./schemas";

export function registerMentoringBookingRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/mentoring-slots/{id}/bookings",
      tags: ["mentoring"],
      summary: "Book a mentoring slot (young people)",
      description:
        "One young person per slot. Under-18s only with a mentor whose DBS check is valid on the day. Under-16s give a parent's or carer's email, who is copied in. At most a set number of future mentoring bookings each (default 2).",
      security: bearer,
      request: { params: IdParam, body: { required: false, content: { "application/json": { schema: z.object({ guardianEmail: Email.optional() }) } } } },
      responses: {
        201: json(MentoringBooking, "Booked"),
        ...problemsFor(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const actor = requirePerson(c);
      await enforceBookingLimit(c, actor);
      const body = c.req.valid("json") ?? {};
      const booking = await bookSlot(c.var.deps, actor.person, c.req.valid("param").id, body);
      const view = await getMentoringBooking(c.var.deps, actor, booking.id);
      return c.json(mentoringBookingOut(view), 201, { location: `/api/v1/mentoring-bookings/${booking.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/mentoring-bookings/{id}",
      tags: ["mentoring"],
      summary: "A mentoring booking, with its meeting link (the booked young person, the mentor's side, coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(MentoringBooking, "The booking"), ...problemsFor(401, 404) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const view = await getMentoringBooking(c.var.deps, actor, c.req.valid("param").id);
      if (!(actor.kind === "person" && actor.person.id === view.booking.personId)) {
        await auditRead(c.var.deps.db, actor, { action: "mentoring_booking.read", subjectType: "booking", subjectId: view.booking.id }, c.var.deps.clock.now());
      }
      return c.json(mentoringBookingOut(view), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/mentoring-bookings/{id}/cancel",
      tags: ["mentoring"],
      summary: "Cancel a mentoring booking (the young person, the mentor's side, or a coordinator)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(MentoringBooking, "Cancelled"), ...problemsFor(401, 404, 409) },
    }),
    async (c) => {
      const view = await cancelMentoringBooking(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json(mentoringBookingOut(view), 200);
    },
  );
}
