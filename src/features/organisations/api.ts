import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requireActsFor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, NO_STORE, problems, problemsFor } from "../../lib/openapi";
import { refuse } from "../../lib/refusal";
import { iso, isoOrNull } from "../../lib/time";
import { createOrganisation } from "./create";
import { createApiKey, listApiKeys, revokeApiKey } from "./keys";
import { addMember } from "./members";
import { listOrganisations } from "./read";
import { ApiKeyCreate, ApiKeyInfo, MemberCreate, Organisation, OrganisationCreate, orgOut } from "./schemas";

export function registerOrganisations(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations",
      tags: ["organisations"],
      summary: "Add an organisation (coordinators)",
      security: bearer,
      request: { body: jsonBody(OrganisationCreate) },
      responses: { 201: json(Organisation, "Created"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const org = await createOrganisation(c.var.deps, c.req.valid("json"), requireCoordinator(c));
      return c.json(orgOut(org), 201, { location: `/api/v1/organisations/${org.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organisations",
      tags: ["organisations"],
      summary: "Organisations you can see (coordinators: all)",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(Organisation) }), "Organisations"), 401: problems[401] },
    }),
    async (c) => {
      const items = await listOrganisations(c.var.deps, requireActor(c));
      return c.json({ items: items.map(orgOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations/{id}/members",
      tags: ["organisations"],
      summary: "Add a member of staff to an organisation",
      description: "Coordinators, or existing members of the same organisation. The new member signs in by email link.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(MemberCreate) },
      responses: {
        201: json(z.object({ personId: z.string(), organisationId: z.string(), email: z.string() }).openapi("Membership"), "Added"),
        ...problemsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      return c.json(await addMember(c.var.deps, id, c.req.valid("json"), actor), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations/{id}/api-keys",
      tags: ["organisations"],
      summary: "Create an API key (the key is shown once)",
      security: bearer,
      request: { params: IdParam, body: jsonBody(ApiKeyCreate) },
      responses: {
        201: json(ApiKeyInfo.extend({ key: z.string().describe("Shown only in this response") }).openapi("NewApiKey"), "Created"),
        ...problemsFor(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      if (actor.kind === "api_key") throw refuse("api_key_cannot_create_keys");
      const k = await createApiKey(c.var.deps, id, c.req.valid("json").name, actor);
      return c.json({ id: k.id, name: k.name, prefix: k.prefix, createdAt: iso(k.createdAt), revokedAt: null, key: k.key }, 201, NO_STORE);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organisations/{id}/api-keys",
      tags: ["organisations"],
      summary: "List an organisation's API keys (never the keys themselves)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(ApiKeyInfo) }), "Keys"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      requireActsFor(c, id);
      const keys = await listApiKeys(c.var.deps, id);
      return c.json({ items: keys.map((k) => ({ ...k, createdAt: iso(k.createdAt), revokedAt: isoOrNull(k.revokedAt) })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/organisations/{id}/api-keys/{keyId}",
      tags: ["organisations"],
      summary: "Revoke an API key",
      security: bearer,
      request: { params: IdParam.extend({ keyId: z.string().max(64).openapi({ param: { name: "keyId", in: "path" } }) }) },
      responses: { 204: { description: "Revoked" }, ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { id, keyId } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      await revokeApiKey(c.var.deps, id, keyId, actor);
      return c.body(null, 204);
    },
  );
}
