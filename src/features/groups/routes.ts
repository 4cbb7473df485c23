import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import { enforceBookingLimit } from "../../lib/rate-limit";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { cancelBooking } from "../bookings/service";
import { BookingSchema } from "../bookings/view";
import { changeGroupBooking, createGroupBooking, loadGroupBooking } from "./service";

/**
 * Letters of the scripts names arrive in, spelt as ranges because the published `pattern` must
 * work as an ECMAScript regular expression without flags (JSON Schema has none): `\p{L}` needs
 * the `u` flag, and leaked it into the document as a trailing "/u" that refused every name.
 * Latin with its extensions, Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts,
 * Thai, Georgian, Hangul, kana and CJK ideographs.
 */
const LETTER =
  "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u0400-\\u052F\\u0531-\\u0587\\u05D0-\\u05EA\\u0620-\\u06D3\\u0900-\\u0DFF\\u0E00-\\u0E7F\\u10A0-\\u10FF\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7A3";

/** First name and an initial only ("Amira K"): the least a school needs to share (rule 14). */
export const ROSTER_NAME = new RegExp(`^[${LETTER}][${LETTER}'\u2019-]{0,29} [${LETTER}]\\.?$`);

const RosterName = z
  .string()
  .max(40)
  .trim()
  .regex(ROSTER_NAME, { message: "Use a first name and the first letter of the surname, like 'Amira K'" })
  .openapi({ example: "Amira K" });
const Roster = z.array(RosterName).max(500);

export const GroupRequest = z
  .object({
    schoolId: z.string().min(1).max(64),
    pupils: z.number().int().min(1).max(500),
    staff: z.number().int().min(1).max(100),
    accessNeeds: Text(1000).optional(),
    roster: Roster.optional(),
  })
  .openapi("GroupBookingRequest");

export const GroupChange = z
  .object({
    pupils: z.number().int().min(1).max(500).optional(),
    staff: z.number().int().min(1).max(100).optional(),
    accessNeeds: Text(1000).optional(),
    roster: Roster.nullable().optional(),
  })
  .openapi("GroupBookingChange");

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
