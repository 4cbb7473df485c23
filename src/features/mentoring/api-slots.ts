import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { iso } from "../../lib/time";
import { refuse } from "../../lib/refusal";
import { bookableSlots } from "./finder";
import { updateSlot, withdrawSlot } from "./slot-changes";
import { createSlots, listMentorSlots } from "./slots";
import { Instant, LanguageCode, ManagedSlot, managedSlot, mentorPublic, NewSlots, SlotChange, SlotListing, slotTimes, venueOut } from "./schemas";

export function registerSlotRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/mentors/{id}/slots",
      tags: ["mentoring"],
      summary: "Offer one slot, or a series from an RRULE in London time",
      description: "The mentor's employer (staff or API key), the mentor, or coordinators. In-person slots only at a registered venue.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(NewSlots) },
      responses: {
        201: json(z.object({ items: z.array(ManagedSlot) }), "Created"),
        ...problemsFor(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const body = c.req.valid("json");
      const slots = await createSlots(c.var.deps, actor, c.req.valid("param").id, { ...slotTimes(body), mode: body.mode, meetingUrl: body.meetingUrl, venueId: body.venueId });
      return c.json({ items: slots.map((s) => managedSlot(s)) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/mentors/{id}/slots",
      tags: ["mentoring"],
      summary: "A mentor's slots, with links and bookings (their organisation, the mentor, coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(ManagedSlot) }), "Slots"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const rows = await listMentorSlots(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json({ items: rows.map((r) => managedSlot(r.slot, r.bookingId)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/mentoring-slots/{id}",
      tags: ["mentoring"],
      summary: "Change a slot; a booked slot is rescheduled and both sides get an updated invite",
      security: bearer,
      request: { params: IdParam, body: jsonBody(SlotChange) },
      responses: {
        200: json(ManagedSlot, "Changed"),
        ...problemsFor(400, 401, 404, 409, 422),
      },
    }),
    async (c) => {
      const slot = await updateSlot(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(managedSlot(slot), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/mentoring-slots/{id}/withdraw",
      tags: ["mentoring"],
      summary: "Withdraw a slot; a booking on it is cancelled and the young person offered alternatives",
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(ManagedSlot.extend({ cancelledBookingId: z.string().nullable(), alternatives: z.array(z.string()) }), "Withdrawn"),
        ...problemsFor(401, 404, 409),
      },
    }),
    async (c) => {
      const r = await withdrawSlot(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json({ ...managedSlot(r.slot), cancelledBookingId: r.cancelledBookingId, alternatives: r.alternatives }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/mentoring-slots",
      tags: ["mentoring"],
      summary: "Mentoring slots you can book now",
      description:
        "For a signed-in young person: open future slots that do not clash with your bookings, and (if you are under 18 on the day) only with mentors whose DBS check is valid that day. Empty once you hold the maximum of future mentoring bookings. Meeting links are never listed.",
      security: bearer,
      request: {
        query: z.object({
          from: Instant.optional(),
          to: Instant.optional(),
          sector: Text(60).optional(),
          mode: z.enum(["online", "in_person"]).optional(),
          organisationId: z.string().max(64).optional(),
          language: LanguageCode.optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(SlotListing) }), "Slots"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      if (!actor.person.isYoungPerson) throw refuse("slots_for_young_people");
      const q = c.req.valid("query");
      const rows = await bookableSlots(c.var.deps, actor.person, {
        ...q,
        from: q.from ? Date.parse(q.from) : undefined,
        to: q.to ? Date.parse(q.to) : undefined,
      });
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.slot.id,
            startsAt: iso(r.slot.startsAt),
            endsAt: iso(r.slot.endsAt),
            mode: r.slot.mode,
            mentor: { ...mentorPublic(r.mentor), organisationName: r.organisationName },
            venue: venueOut(r.venue),
          })),
        },
        200,
      );
    },
  );
}
