// Organisations' webhook endpoints: register (the secret shown once), list, rotate the secret,
// remove, read the delivery log, redeliver. Staff of the organisation, its API keys, and
// coordinators; nobody else learns that an endpoint exists (403 before any lookup).
import { createRoute, z } from "@hono/zod-openapi";
import { requireActsFor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, NO_STORE, problemsFor } from "../../lib/openapi";
import { createEndpoint, listDeliveries, listEndpoints, redeliver, removeEndpoint, rotateSecret } from "./endpoints";
import { deliveryOut, endpointOut, NewWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from "./schemas";

const WebhookParams = IdParam.extend({ webhookId: z.string().min(1).max(64).openapi({ param: { name: "webhookId", in: "path" } }) });
const DeliveryParams = WebhookParams.extend({ deliveryId: z.string().min(1).max(64).openapi({ param: { name: "deliveryId", in: "path" } }) });

const SIGNING =
  "Each delivery is a POST of JSON `{type, timestamp, data}` signed per Standard Webhooks (https://www.standardwebhooks.com): headers webhook-id (the same on every retry), webhook-timestamp and webhook-signature. Answer 2xx within 10 s; anything else is retried with backoff for about 17 hours.";

export function registerWebhooks(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations/{id}/webhooks",
      tags: ["webhooks"],
      summary: "Register an HTTPS endpoint for events (the signing secret is shown once)",
      description: SIGNING,
      security: bearer,
      request: { params: IdParam, body: jsonBody(NewWebhookEndpoint) },
      responses: { 201: json(WebhookEndpointWithSecret, "Registered"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      const e = await createEndpoint(c.var.deps, actor, id, c.req.valid("json"));
      return c.json({ ...endpointOut(e, c.var.deps.clock.now()), secret: e.secret }, 201, { ...NO_STORE, location: `/api/v1/organisations/${id}/webhooks/${e.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organisations/{id}/webhooks",
      tags: ["webhooks"],
      summary: "List an organisation's webhook endpoints (never their secrets)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(WebhookEndpoint) }), "Endpoints"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      requireActsFor(c, id);
      const now = c.var.deps.clock.now();
      return c.json({ items: (await listEndpoints(c.var.deps, id)).map((e) => endpointOut(e, now)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations/{id}/webhooks/{webhookId}/rotate-secret",
      tags: ["webhooks"],
      summary: "Give an endpoint a new signing secret (shown once); the old one also signs for 24 hours",
      security: bearer,
      request: { params: WebhookParams },
      responses: { 200: json(WebhookEndpointWithSecret, "Rotated"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { id, webhookId } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      const e = await rotateSecret(c.var.deps, actor, id, webhookId);
      return c.json({ ...endpointOut(e, c.var.deps.clock.now()), secret: e.secret }, 200, NO_STORE);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/organisations/{id}/webhooks/{webhookId}",
      tags: ["webhooks"],
      summary: "Remove an endpoint: nothing more is sent to it",
      security: bearer,
      request: { params: WebhookParams },
      responses: { 204: { description: "Removed" }, ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { id, webhookId } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      await removeEndpoint(c.var.deps, actor, id, webhookId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organisations/{id}/webhooks/{webhookId}/deliveries",
      tags: ["webhooks"],
      summary: "An endpoint's delivery log, newest first (the last 100)",
      security: bearer,
      request: { params: WebhookParams },
      responses: { 200: json(z.object({ items: z.array(WebhookDelivery) }), "Deliveries"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { id, webhookId } = c.req.valid("param");
      requireActsFor(c, id);
      return c.json({ items: (await listDeliveries(c.var.deps, id, webhookId)).map(deliveryOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
      tags: ["webhooks"],
      summary: "Send a delivery again now, with the same webhook-id",
      security: bearer,
      request: { params: DeliveryParams },
      responses: { 202: { description: "Queued" }, ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { id, webhookId, deliveryId } = c.req.valid("param");
      const actor = requireActsFor(c, id);
      await redeliver(c.var.deps, actor, id, webhookId, deliveryId);
      return c.body(null, 202);
    },
  );
}
