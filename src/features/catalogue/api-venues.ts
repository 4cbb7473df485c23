import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problems, problemsFor } from "../../lib/openapi";
import { Page, VenueCreate, venueOut, VenuePatchBody, VenueSchema } from "./schemas";
import { createVenue, getVenue, listVenues, updateVenue } from "./venues";

export function registerVenueRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/venues",
      tags: ["catalogue"],
      summary: "Add a venue",
      description: "Coordinators add any venue; an organisation's staff or API key add venues owned by their own organisation (`organisationId`).",
      security: bearer,
      request: { body: jsonBody(VenueCreate) },
      responses: { 201: json(VenueSchema, "Created"), ...problemsFor(400, 401, 403, 422) },
    }),
    async (c) => {
      const venue = await createVenue(c.var.deps, requireActor(c), c.req.valid("json"));
      return c.json(venueOut(venue), 201, { location: `/api/v1/venues/${venue.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/venues",
      tags: ["catalogue"],
      summary: "List venues with their access facts",
      request: { query: Page },
      responses: { 200: json(z.object({ items: z.array(VenueSchema), nextCursor: z.string().nullable() }).openapi("VenuePage"), "Venues"), 400: problems[400] },
    }),
    async (c) => {
      const page = await listVenues(c.var.deps, c.req.valid("query"));
      return c.json({ items: page.items.map(venueOut), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/venues/{id}",
      tags: ["catalogue"],
      summary: "One venue",
      request: { params: IdParam },
      responses: { 200: json(VenueSchema, "The venue"), 404: problems[404] },
    }),
    async (c) => c.json(venueOut(await getVenue(c.var.deps, c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/venues/{id}",
      tags: ["catalogue"],
      summary: "Change a venue's address or access facts",
      description: "Coordinators change any venue; an organisation's staff or API key only venues their organisation owns.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(VenuePatchBody) },
      responses: { 200: json(VenueSchema, "The venue as it now is"), ...problemsFor(400, 401, 403, 404) },
    }),
    async (c) => c.json(venueOut(await updateVenue(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );
}
