import { z } from "@hono/zod-openapi";
import { WEBHOOK_EVENT_TYPES, type webhookDeliveries, type webhookEndpoints } from "../../db/schema";
import { iso, isoOrNull } from "../../lib/time";

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES).openapi("WebhookEventType");

export const NewWebhookEndpoint = z
  .object({
    url: z.string().url().max(500).openapi({ example: "https://crm.example.org/hooks/open-door" }),
    events: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
  })
  .openapi("NewWebhookEndpoint");

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    url: z.string(),
    events: z.array(WebhookEventType),
    createdAt: z.string(),
    previousSecretValidUntil: z.string().nullable().describe("While set, deliveries are signed with the previous secret too"),
  })
  .openapi("WebhookEndpoint");

export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().describe("The signing secret (whsec_…), shown only in this response"),
}).openapi("WebhookEndpointWithSecret");

export const WebhookDelivery = z
  .object({
    id: z.string().describe("The webhook-id header: the same on every attempt and redelivery"),
    eventType: WebhookEventType,
    status: z.enum(["pending", "sending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().describe("The receiver's last HTTP status"),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi("WebhookDelivery");

export const endpointOut = (e: typeof webhookEndpoints.$inferSelect, now: number) => ({
  id: e.id,
  organisationId: e.organisationId,
  url: e.url,
  events: e.events,
  createdAt: iso(e.createdAt),
  previousSecretValidUntil: e.previousSecretUntil && e.previousSecretUntil > now ? iso(e.previousSecretUntil) : null,
});

export const deliveryOut = (d: typeof webhookDeliveries.$inferSelect) => ({
  id: d.id,
  eventType: d.eventType as (typeof WEBHOOK_EVENT_TYPES)[number],
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
  deliveredAt: isoOrNull(d.deliveredAt),
  createdAt: iso(d.createdAt),
  payload: d.payload,
});
