import { createRoute, z } from "@hono/zod-openapi";
import { actorId, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, Cursor, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { correctRecipient, listOutbox, OUTBOX_STATUSES, outboxView, retryMessage } from "./admin";
import { RecipientCorrection } from "./schemas";

const OutboxMessage = z
  .object({
    id: z.string(),
    template: z.string(),
    to: z.string(),
    locale: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    bookingId: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("OutboxMessage");

export function registerNotifications(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/outbox",
      tags: ["notifications"],
      summary: "Outgoing messages, newest first (coordinators). Use status=failed for those that could not be delivered.",
      security: bearer,
      request: {
        query: z.object({
          status: z.enum(OUTBOX_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: Cursor.describe("The `next` value from the previous page"),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(OutboxMessage), next: z.string().nullable() }), "Messages"),
        ...problemsFor(400, 401, 403),
      },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const { items, next } = await listOutbox(c.var.deps, actorId(actor), c.req.valid("query"));
      return c.json({ items: items.map(outboxView), next }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/outbox/{id}/retry",
      tags: ["notifications"],
      summary: "Send a failed message again (coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(OutboxMessage, "Back in the queue"), ...problemsFor(401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      return c.json(outboxView(await retryMessage(c.var.deps, actorId(actor), c.req.valid("param").id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/outbox/{id}/recipient",
      tags: ["notifications"],
      summary: "Correct a failed message's address and send it again (coordinators)",
      description: "The person's own email changes too, and every failed message to the old address is sent again to the new one.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(RecipientCorrection) },
      responses: { 200: json(z.object({ personId: z.string().nullable(), resent: z.number().int() }).openapi("RecipientCorrected"), "Corrected and queued again"), ...problemsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      return c.json(await correctRecipient(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json").email), 200);
    },
  );
}
