// The carousel API (issue #18): thin handlers; the rules live in the verb files and in
// src/rules/carousel.ts.
import { refuse } from "../../lib/refusal";
import { createRoute, z } from "@hono/zod-openapi";
import { inArray } from "drizzle-orm";
import { carouselGroups } from "../../db/schema";
import { actsFor, isCoordinator, requireActor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { enforceBookingLimit } from "../../lib/rate-limit";
import { bookCarouselGroup } from "./book";
import { cancelCarouselGroup } from "./cancel";
import { checkInCarouselGroup } from "./check-in";
import { createCarousel } from "./create";
import { makePlan } from "./plan";
import { sendTimetables } from "./send-timetables";
import { carouselView, groupOut, groupTimetable, listCarousels, loadCarousel, loadVisibleGroup, loadVisibleStation, planFor, stationTimetable } from "./read";
import {
  CarouselCheckInRequest,
  CarouselGroupRequest,
  CarouselGroupSchema,
  CarouselRequest,
  CarouselSchema,
  PlanSchema,
  TimetableSchema,
} from "./schemas";

const tags = ["carousels"];

export function registerCarousels(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/carousels",
      tags,
      summary: "Set up a taster carousel (coordinators)",
      description: "Stations (host organisation, people per round, optional age range), round length, changeover and number of rounds.",
      security: bearer,
      request: { body: jsonBody(CarouselRequest) },
      responses: { 201: json(CarouselSchema, "Created"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const row = await createCarousel(c.var.deps, actor, c.req.valid("json"));
      return c.json(await carouselView(c.var.deps.db, row), 201, { location: `/api/v1/carousels/${row.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/carousels",
      tags,
      summary: "Carousels, soonest first, with places left",
      responses: { 200: json(z.object({ items: z.array(CarouselSchema) }), "Carousels") },
    }),
    async (c) => c.json({ items: await listCarousels(c.var.deps.db) }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/carousels/{id}",
      tags,
      summary: "One carousel: stations, rounds (times in UTC; shown in London time), places left",
      request: { params: IdParam },
      responses: { 200: json(CarouselSchema, "The carousel"), ...problemsFor(404) },
    }),
    async (c) => c.json(await carouselView(c.var.deps.db, await loadCarousel(c.var.deps.db, c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/carousels/{id}/group-bookings",
      tags,
      summary: "Book a school group onto a carousel (staff or API key of that school)",
      description: "Takes pupils + staff places in every round, up to the stations' total capacity per round (409 session_full); 422 group_ratio when there are not enough staff.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(CarouselGroupRequest) },
      responses: { 201: json(CarouselGroupSchema, "Group booked"), ...problemsFor(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const actor = requireActor(c);
      await enforceBookingLimit(c, actor);
      const row = await bookCarouselGroup(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(groupOut(row), 201, { location: `/api/v1/carousel-groups/${row.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/carousel-groups/{id}",
      tags,
      summary: "A group booked on a carousel (its school's staff, coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(CarouselGroupSchema, "The group"), ...problemsFor(401, 404) },
    }),
    async (c) => c.json(groupOut(await loadVisibleGroup(c.var.deps.db, requireActor(c), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/carousel-groups/{id}/cancel",
      tags,
      summary: "Cancel a group's carousel booking (until the start)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(CarouselGroupSchema, "Cancelled"), ...problemsFor(401, 404, 409) },
    }),
    async (c) => c.json(groupOut(await cancelCarouselGroup(c.var.deps, requireActor(c), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/carousel-groups/{id}/check-in",
      tags,
      summary: "Check a group in at the door by head count (coordinators)",
      description: "Records the pupils and staff who came; each of the group's planned station rounds records the pupils as attending.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(CarouselCheckInRequest) },
      responses: { 200: json(CarouselGroupSchema, "Checked in"), ...problemsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(groupOut(await checkInCarouselGroup(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/carousels/{id}/plan",
      tags,
      summary: "Make the rotation plan now (coordinators)",
      description: "Made automatically once bookings close; again whenever a coordinator asks. Deterministic for the same bookings. Lists the stations each group misses, and why, when a full rotation is impossible.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(PlanSchema, "The plan"), ...problemsFor(401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const { db } = c.var.deps;
      await makePlan(c.var.deps, actor, c.req.valid("param").id);
      const row = await loadCarousel(db, c.req.valid("param").id);
      return c.json(planFor(actor, row, new Map())!, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/carousels/{id}/plan",
      tags,
      summary: "The current plan: all of it for coordinators, its own groups for a school",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(PlanSchema, "The plan"), ...problemsFor(401, 404) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.var.deps;
      const row = await loadCarousel(db, c.req.valid("param").id);
      const groups = await db.select({ id: carouselGroups.id, schoolId: carouselGroups.schoolId }).from(carouselGroups).where(inArray(carouselGroups.carouselId, [row.id]));
      const plan = planFor(actor, row, new Map(groups.map((g) => [g.id, g.schoolId])));
      if (!plan) throw refuse("carousel_no_plan_yet");
      if (!isCoordinator(actor) && plan.groups.length === 0) throw refuse("carousel_no_group_of_yours");
      return c.json(plan, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/carousel-groups/{id}/timetable",
      tags,
      summary: "A group's timetable: its station in each round (the teacher's sheet)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(TimetableSchema, "Timetable"), ...problemsFor(401, 404) },
    }),
    async (c) => {
      const g = await loadVisibleGroup(c.var.deps.db, requireActor(c), c.req.valid("param").id);
      const { rows, carousel } = await groupTimetable(c.var.deps.db, g);
      return c.json({ rows, carousel }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/carousel-stations/{id}/timetable",
      tags,
      summary: "A station's timetable: which groups come each round, with access needs (the host's sheet)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(TimetableSchema, "Timetable"), ...problemsFor(401, 404) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const s = await loadVisibleStation(c.var.deps.db, actor, c.req.valid("param").id);
      if (!actsFor(actor, s.hostOrganisationId)) throw refuse("no_such_carousel_station");
      const { rows, carousel } = await stationTimetable(c.var.deps.db, s.id);
      return c.json({ rows, carousel }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/carousels/{id}/timetables/send",
      tags,
      summary: "Send each school its groups' timetables with one calendar invite for the morning (coordinators)",
      description: "One email per recipient (the school's contact and the staff who booked), in their language, through the outbox. 409 before a plan exists.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ messages: z.number().int() }), "Queued"), ...problemsFor(401, 403, 404, 409) },
    }),
    async (c) => c.json(await sendTimetables(c.var.deps, requireCoordinator(c), c.req.valid("param").id), 200),
  );
}
