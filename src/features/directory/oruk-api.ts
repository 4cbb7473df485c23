// Read-only Open Referral UK endpoints (HSDS 3.0 UK profile) under /api/v1/oruk: public, no
// key, CORS open to every origin as the profile's compliance rules ask. Only published
// services appear, exactly as on the public directory.
import { createRoute, z } from "@hono/zod-openapi";
import { inArray } from "drizzle-orm";
import { organisations } from "../../db/schema";
import { translator } from "../../i18n";
import type { Api } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { json, problems } from "../../lib/openapi";
import { ORUK_TAXONOMY, orukId, orukLocation, orukOrganization, orukPage, orukService, orukServiceSummary, orukTaxonomyTerm } from "./open-referral";
import { allPublished, listCategories, type Category } from "./read";
import type { Deps } from "../../lib/deps";

const tags = ["open referral uk"];
const Any = z.record(z.string(), z.unknown());
const OrukPage = z.object({ total_items: z.number(), total_pages: z.number(), page_number: z.number(), size: z.number(), first_page: z.boolean(), last_page: z.boolean(), empty: z.boolean(), contents: z.array(Any) }).openapi("OrukPage");
const Paging = z.object({ page: z.coerce.number().int().min(1).default(1), per_page: z.coerce.number().int().min(1).max(100).default(50) });
const OrukIdParam = z.object({ id: z.string().max(64).openapi({ param: { name: "id", in: "path" }, description: "The UUID from the feed" }) });
const CORS = { "access-control-allow-origin": "*" };

const english = translator("en");
const nameOf = (c: Category) => c.name?.en ?? english.raw("dirCategories")[c.id] ?? c.id;

async function published(deps: Deps) {
  const rows = await allPublished(deps.db, deps.clock.now());
  const orgIds = [...new Set(rows.map((r) => r.service.organisationId))];
  const orgs = orgIds.length ? await deps.db.select().from(organisations).where(inArray(organisations.id, orgIds)) : [];
  return { rows, orgs, categories: await listCategories(deps.db) };
}

export function registerOpenReferral(api: Api) {
  api.openapi(
    createRoute({ method: "get", path: "/oruk", tags, summary: "Open Referral UK: about this feed", responses: { 200: json(Any, "HSDS version, profile and OpenAPI address") } }),
    (c) =>
      c.json({ version: "HSDS 3.0", profile: "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md", openapi_url: `${c.var.deps.config.publicUrl}/api/v1/openapi.json` }, 200, CORS),
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/services", tags, summary: "Open Referral UK: services", request: { query: Paging }, responses: { 200: json(OrukPage, "A page of services"), 400: problems[400] } }),
    async (c) => {
      const { page, per_page } = c.req.valid("query");
      const { rows } = await published(c.var.deps);
      const items = await Promise.all(rows.map((r) => orukServiceSummary(r, { id: r.service.organisationId, name: r.organisationName })));
      return c.json(orukPage(items, page, per_page), 200, CORS);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/services/{id}", tags, summary: "Open Referral UK: one service in full", request: { params: OrukIdParam }, responses: { 200: json(Any, "The service"), 404: problems[404] } }),
    async (c) => {
      const { rows, categories } = await published(c.var.deps);
      const wanted = c.req.valid("param").id.toLowerCase();
      for (const row of rows) {
        if ((await orukId("service", row.service.id)) !== wanted) continue;
        const category = categories.find((cat) => cat.id === row.service.categoryId) ?? { id: row.service.categoryId, name: null, pictogram: "other" as const, builtIn: false };
        return c.json(await orukService(row, category, nameOf), 200, CORS);
      }
      throw refuse("dir_no_service");
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/organizations", tags, summary: "Open Referral UK: organisations running services", request: { query: Paging }, responses: { 200: json(OrukPage, "A page of organisations"), 400: problems[400] } }),
    async (c) => {
      const { page, per_page } = c.req.valid("query");
      const { orgs } = await published(c.var.deps);
      const items = await Promise.all(orgs.map((o) => orukOrganization(o, o.name)));
      return c.json(orukPage(items, page, per_page), 200, CORS);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/organizations/{id}", tags, summary: "Open Referral UK: one organisation", request: { params: OrukIdParam }, responses: { 200: json(Any, "The organisation"), 404: problems[404] } }),
    async (c) => {
      const { orgs } = await published(c.var.deps);
      const wanted = c.req.valid("param").id.toLowerCase();
      for (const org of orgs) if ((await orukId("organisation", org.id)) === wanted) return c.json(await orukOrganization(org, org.name), 200, CORS);
      throw refuse("unknown_organisation");
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/service_at_locations", tags, summary: "Open Referral UK: where each service is (locations)", request: { query: Paging }, responses: { 200: json(OrukPage, "A page of services at locations"), 400: problems[400] } }),
    async (c) => {
      const { page, per_page } = c.req.valid("query");
      const { rows } = await published(c.var.deps);
      const items = await Promise.all(
        rows.map(async (r) => {
          const location = await orukLocation(r);
          return { id: await orukId("service-at-location", r.service.id), service_id: await orukId("service", r.service.id), location_id: location.id, location };
        }),
      );
      return c.json(orukPage(items, page, per_page), 200, CORS);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/taxonomies", tags, summary: "Open Referral UK: the category taxonomy", request: { query: Paging }, responses: { 200: json(OrukPage, "Taxonomies"), 400: problems[400] } }),
    async (c) => {
      const { page, per_page } = c.req.valid("query");
      const taxonomy = { id: await orukId("taxonomy", ORUK_TAXONOMY), name: ORUK_TAXONOMY, description: "Open Door's categories of local support" };
      return c.json(orukPage([taxonomy], page, per_page), 200, CORS);
    },
  );

  api.openapi(
    createRoute({ method: "get", path: "/oruk/taxonomy_terms", tags, summary: "Open Referral UK: categories as taxonomy terms", request: { query: Paging }, responses: { 200: json(OrukPage, "Taxonomy terms"), 400: problems[400] } }),
    async (c) => {
      const { page, per_page } = c.req.valid("query");
      const categories = await listCategories(c.var.deps.db);
      return c.json(orukPage(await Promise.all(categories.map((cat) => orukTaxonomyTerm(cat, nameOf))), page, per_page), 200, CORS);
    },
  );
}
