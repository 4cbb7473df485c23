// POST /sessions/{id}/household-bookings: a parent or carer books their household's places at
// a family event (issue #16 item 10). The website's form calls the same verb (web/people).
import { createRoute, z } from "@hono/zod-openapi";
import { requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { enforceBookingLimit } from "../../lib/rate-limit";
import { HOUSEHOLD_MAX_ADULTS, HOUSEHOLD_MAX_SEATS } from "../../rules/families";
import { bookHousehold } from "./household";
import { BookingSchema } from "./view";

export const HouseholdRequest = z
  .object({
    adults: z.number().int().min(1).max(HOUSEHOLD_MAX_ADULTS).describe("Adults coming, you included"),
    children: z.number().int().min(0).max(HOUSEHOLD_MAX_SEATS).describe("Children coming, of any age; no names or accounts"),
    accessNeeds: Text(500).optional(),
  })
  .refine((h) => h.adults + h.children <= HOUSEHOLD_MAX_SEATS, { message: `At most ${HOUSEHOLD_MAX_SEATS} places in one booking`, path: ["children"] })
  .openapi("HouseholdBookingRequest");

export function registerHouseholdBookings(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/household-bookings",
      tags: ["bookings"],
      summary: "Book places for your household at a family event",
      description:
        "For events tagged `families`: one seat per adult and per child, all taken in one write or none (409 when they do not all fit; no waiting list). One household booking per person per session. `seats`, `staff` (adults) and `pupils` (children) show what was taken.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(HouseholdRequest) },
      responses: { 201: json(BookingSchema, "Booked"), ...problemsFor(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      await enforceBookingLimit(c, actor);
      const booking = await bookHousehold(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(booking, 201, { location: `/api/v1/bookings/${booking.id}` });
    },
  );
}
