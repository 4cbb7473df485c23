import { createRoute } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import { enforceBookingLimit } from "../../lib/rate-limit";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { cancelBooking } from "../bookings/cancel";
import { BookingSchema } from "../bookings/view";
import { GroupChange, GroupRequest } from "./schemas";
import { createGroupBooking } from "./book";
import { changeGroupBooking } from "./change";
import { loadGroupBooking } from "./read";

export function registerGroups(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/group-bookings",
      tags: ["groups"],
      summary: "Book a school group (staff or API key of that school)",
      description: "Takes pupils + staff seats, or 409 session_full (groups have no waiting list). 422 group_ratio when there are not enough staff for the event's ratio.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(GroupRequest) },
      responses: {
        201: json(BookingSchema, "Group booked"),
        ...problemsFor(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      await enforceBookingLimit(c, actor);
      const booking = await createGroupBooking(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(booking, 201, { location: `/api/v1/bookings/${booking.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/group-bookings/{id}",
      tags: ["groups"],
      summary: "Change a group's size, access needs or roster",
      description: "Growing needs free seats (409 session_full otherwise); shrinking frees seats, which are offered to the waiting list at once.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(GroupChange) },
      responses: { 200: json(BookingSchema, "Changed"), ...problemsFor(400, 401, 404, 409, 422) },
    }),
    async (c) => c.json(await changeGroupBooking(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/group-bookings/{id}/cancel",
      tags: ["groups"],
      summary: "Cancel a group booking",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(BookingSchema, "Cancelled"), ...problemsFor(401, 404, 409) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const b = await loadGroupBooking(c.var.deps, actor, c.req.valid("param").id);
      return c.json(await cancelBooking(c.var.deps, actor, b.id), 200);
    },
  );
}
