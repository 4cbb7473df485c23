// The directory's API routes: thin handlers over the verb files and read.ts.
import { createRoute, z } from "@hono/zod-openapi";
import { isCoordinator, requireActor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { bearer, IdParam, json, jsonBody, problems, problemsFor } from "../../lib/openapi";
import { createService } from "./create-service";
import { registerOpenReferral } from "./oruk-api";
import { decideChange } from "./decide-change";
import { editService } from "./edit-service";
import { addCategory, markChecked } from "./manage";
import { findChange, findService, listCategories, listChanges, listServices, posterCounts, publishedService, staleServices } from "./read";
import { CategoryCreate, CategorySchema, ChangeSchema, changeOut, ServiceCreate, ServiceFilters, ServicePatch, ServiceSchema, serviceOut } from "./schemas";

const tags = ["directory"];
const ServiceList = z.object({ items: z.array(ServiceSchema) }).openapi("DirectoryServiceList");
const ChangeList = z.object({ items: z.array(ChangeSchema) }).openapi("DirectoryChangeList");

export function registerDirectory(api: Api) {
  registerOpenReferral(api);
  api.openapi(
    createRoute({ method: "get", path: "/directory/categories", tags, summary: "Categories of local support", responses: { 200: json(z.object({ items: z.array(CategorySchema) }), "Categories") } }),
    async (c) => c.json({ items: await listCategories(c.var.deps.db) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/directory/categories",
      tags,
      summary: "Add a category (coordinators)",
      security: bearer,
      request: { body: jsonBody(CategoryCreate) },
      responses: { 201: json(CategorySchema, "Added"), ...problemsFor(400, 401, 403, 409) },
    }),
    async (c) => {
      const row = await addCategory(c.var.deps, requireCoordinator(c), c.req.valid("json"));
      return c.json({ id: row.id, name: row.name, pictogram: row.pictogram, builtIn: false }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/directory/services",
      tags,
      summary: "Find local support",
      description: "Public services only: a partner's proposal appears here once a coordinator approves it. `openNow` reads London time.",
      request: { query: ServiceFilters },
      responses: { 200: json(ServiceList, "Services by name"), 400: problems[400] },
    }),
    async (c) => {
      const now = c.var.deps.clock.now();
      const rows = await listServices(c.var.deps.db, c.req.valid("query"), now);
      return c.json({ items: rows.map((r) => serviceOut(r, now)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/directory/services",
      tags,
      summary: "Add a service",
      description: "A coordinator's service is public at once (201). Staff or an API key of the organisation that runs it propose it instead (202): it is public once a coordinator approves it.",
      security: bearer,
      request: { body: jsonBody(ServiceCreate) },
      responses: { 201: json(ServiceSchema, "Published"), 202: json(ChangeSchema, "Proposed, awaiting a coordinator"), ...problemsFor(400, 401, 403, 422) },
    }),
    async (c) => {
      const outcome = await createService(c.var.deps, requireActor(c), c.req.valid("json"));
      if ("proposed" in outcome) return c.json(changeOut(outcome.proposed), 202);
      const row = (await findService(c.var.deps.db, outcome.published.id))!;
      return c.json(serviceOut(row, c.var.deps.clock.now()), 201, { location: `/api/v1/directory/services/${row.service.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/directory/services/{id}",
      tags,
      summary: "One service",
      request: { params: IdParam },
      responses: { 200: json(ServiceSchema, "The service as the public sees it"), 404: problems[404] },
    }),
    async (c) => {
      const row = await publishedService(c.var.deps.db, c.req.valid("param").id);
      if (!row) throw refuse("dir_no_service");
      return c.json(serviceOut(row, c.var.deps.clock.now()), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/directory/services/{id}",
      tags,
      summary: "Change a service",
      description: "Coordinators' changes apply at once (200). The running organisation's staff or API key propose the change (202), applied when a coordinator approves it.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(ServicePatch) },
      responses: { 200: json(ServiceSchema, "Changed"), 202: json(ChangeSchema, "Proposed, awaiting a coordinator"), ...problemsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const outcome = await editService(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json"));
      if ("proposed" in outcome) return c.json(changeOut(outcome.proposed), 202);
      const row = (await findService(c.var.deps.db, outcome.published.id))!;
      return c.json(serviceOut(row, c.var.deps.clock.now()), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/directory/services/{id}/checked",
      tags,
      summary: "Confirm a service's details are still right today (coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ id: z.string(), lastCheckedOn: z.string() }), "Checked"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const row = await markChecked(c.var.deps, requireCoordinator(c), c.req.valid("param").id);
      return c.json({ id: row.id, lastCheckedOn: row.lastCheckedOn }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/directory/changes",
      tags,
      summary: "Proposed changes",
      description: "Coordinators see every proposal; partner staff and API keys see their own organisation's.",
      security: bearer,
      request: { query: z.object({ status: z.enum(["pending", "approved", "rejected"]).optional() }) },
      responses: { 200: json(ChangeList, "Newest first"), ...problemsFor(401) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const organisationIds = isCoordinator(actor) ? ("all" as const) : actor.kind === "api_key" ? [actor.organisationId] : actor.organisationIds;
      const rows = await listChanges(c.var.deps.db, { organisationIds, status: c.req.valid("query").status });
      return c.json({ items: rows.map(changeOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/directory/changes/{id}",
      tags,
      summary: "One proposed change",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(ChangeSchema, "The change"), ...problemsFor(401, 404) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const change = await findChange(c.var.deps.db, c.req.valid("param").id);
      const mine = change && (isCoordinator(actor) || (actor.kind === "api_key" ? actor.organisationId === change.organisationId : actor.organisationIds.includes(change.organisationId)));
      // Someone else's proposal is "not found", so ids of other organisations' drafts leak nothing.
      if (!change || !mine) throw refuse("dir_no_change");
      return c.json(changeOut(change), 200);
    },
  );

  for (const decision of ["approve", "reject"] as const) {
    api.openapi(
      createRoute({
        method: "post",
        path: `/directory/changes/{id}/${decision}`,
        tags,
        summary: decision === "approve" ? "Approve a proposed change: it becomes public (coordinators)" : "Reject a proposed change (coordinators)",
        security: bearer,
        request: { params: IdParam },
        responses: { 200: json(ChangeSchema, "Decided"), ...problemsFor(401, 403, 404, 409, 422) },
      }),
      async (c) => c.json(changeOut(await decideChange(c.var.deps, requireCoordinator(c), c.req.valid("param").id, decision)), 200),
    );
  }

  api.openapi(
    createRoute({
      method: "get",
      path: "/directory/stale",
      tags,
      summary: "Services not checked for over six months (coordinators)",
      security: bearer,
      responses: { 200: json(ServiceList, "Oldest check first"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      requireCoordinator(c);
      const now = c.var.deps.clock.now();
      return c.json({ items: (await staleServices(c.var.deps.db, now)).map((r) => serviceOut(r, now)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/directory/poster-scans",
      tags,
      summary: "How many people each QR poster brought (coordinators)",
      description: "Counts only: nothing about who scanned, no cookie.",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(z.object({ poster: z.string(), scans: z.number().int() })) }), "Most first"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      requireCoordinator(c);
      return c.json({ items: (await posterCounts(c.var.deps.db)).map((p) => ({ poster: p.poster, scans: p.scans })) }, 200);
    },
  );
}
