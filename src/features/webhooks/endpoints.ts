// Registering, rotating and removing an organisation's webhook endpoints, and redelivering.
// Each change and its audit row are one batch (rule 14: no change without its entry).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import { auditLog, webhookDeliveries, webhookEndpoints, type WebhookEventType } from "../../db/schema";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { DAY } from "../../lib/time";
import { auditInsert } from "../audit/record";
import { newWebhookSecret } from "./sign";
import { refusedTarget, resolveOverHttps } from "./target";

/** After a rotation the old secret keeps signing this long, beside the new one. */
export const ROTATION_OVERLAP_MS = DAY;

async function checkTarget(deps: Deps, url: string) {
  const why = await refusedTarget(url, { allowPrivate: deps.config.devMailbox, resolveHost: deps.resolveHost ?? resolveOverHttps });
  if (why) throw refuse("webhook_url_not_allowed", {}, { fields: [field("url", "webhook_url_not_allowed", {})] });
}

export async function createEndpoint(deps: Deps, actor: Actor, organisationId: string, input: { url: string; events: WebhookEventType[] }) {
  const { db, clock } = deps;
  await checkTarget(deps, input.url);
  const now = clock.now();
  const row = { id: newId("whe", now), organisationId, url: input.url, events: [...new Set(input.events)], secret: newWebhookSecret(), createdAt: now };
  // Invariant: the endpoint and its audit row are written together.
  await db.batch([
    db.insert(webhookEndpoints).values(row),
    auditInsert(db, actor, { action: "webhook.created", subjectType: "webhook_endpoint", subjectId: row.id, detail: { organisationId, events: row.events } }, now),
  ]);
  return { ...row, previousSecret: null, previousSecretUntil: null, disabledAt: null };
}

export async function findEndpoint(deps: Deps, organisationId: string, id: string) {
  const [row] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organisationId, organisationId), isNull(webhookEndpoints.disabledAt)));
  if (!row) throw refuse("no_such_webhook");
  return row;
}

export const listEndpoints = (deps: Deps, organisationId: string) =>
  deps.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, organisationId), isNull(webhookEndpoints.disabledAt)))
    .orderBy(webhookEndpoints.createdAt);

/**
 * A new secret, shown once. The previous one keeps signing for ROTATION_OVERLAP_MS (both
 * signatures go in webhook-signature), so the receiver can change its secret without missing
 * or refusing a delivery. Rotating again within the overlap drops the oldest.
 */
export async function rotateSecret(deps: Deps, actor: Actor, organisationId: string, id: string) {
  const { db, clock } = deps;
  const endpoint = await findEndpoint(deps, organisationId, id);
  const now = clock.now();
  const secret = newWebhookSecret();
  const until = now + ROTATION_OVERLAP_MS;
  // Invariant: the secret changes only from the one read (a concurrent rotation wins, this one
  // writes nothing and its audit row is not written either).
  const [changed] = await db.batch([
    db
      .update(webhookEndpoints)
      .set({ secret, previousSecret: endpoint.secret, previousSecretUntil: until })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.secret, endpoint.secret)))
      .returning({ id: webhookEndpoints.id }),
    insertSelect(
      db,
      auditLog,
      { id: newId("aud", now), actorId: actorId(actor), action: "webhook.secret_rotated", subjectType: "webhook_endpoint", subjectId: id, detail: { organisationId }, at: now },
      sql`where exists (select 1 from webhook_endpoints where id = ${id} and secret = ${secret})`,
    ),
  ]);
  if (changed.length === 0) throw refuse("no_such_webhook");
  return { ...endpoint, secret, previousSecret: endpoint.secret, previousSecretUntil: until };
}

/** Stops deliveries to it; its log stays for the organisation to read. */
export async function removeEndpoint(deps: Deps, actor: Actor, organisationId: string, id: string) {
  const { db, clock } = deps;
  await findEndpoint(deps, organisationId, id);
  const now = clock.now();
  await db.batch([
    db.update(webhookEndpoints).set({ disabledAt: now }).where(eq(webhookEndpoints.id, id)),
    // Nothing more goes out to it: what was still queued is failed, with the reason.
    db
      .update(webhookDeliveries)
      .set({ status: "failed", lastError: "endpoint removed" })
      .where(and(eq(webhookDeliveries.endpointId, id), sql`${webhookDeliveries.status} in ('pending', 'sending')`)),
    auditInsert(db, actor, { action: "webhook.removed", subjectType: "webhook_endpoint", subjectId: id, detail: { organisationId } }, now),
  ]);
}

export async function listDeliveries(deps: Deps, organisationId: string, endpointId: string, limit = 100) {
  await findEndpoint(deps, organisationId, endpointId);
  return deps.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/**
 * Sends a delivery again, at once, with the same webhook-id (receivers dedupe on it) and its
 * attempts counted afresh. One being sent right now is left to finish.
 */
export async function redeliver(deps: Deps, actor: Actor, organisationId: string, endpointId: string, deliveryId: string) {
  const { db, clock } = deps;
  await findEndpoint(deps, organisationId, endpointId);
  const [found] = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  if (!found) throw refuse("no_such_webhook_delivery");
  const now = clock.now();
  const [queued] = await db.batch([
    db
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null, leaseOwner: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId), sql`${webhookDeliveries.status} <> 'sending'`))
      .returning(),
    auditInsert(db, actor, { action: "webhook.redelivered", subjectType: "webhook_delivery", subjectId: deliveryId, detail: { organisationId, endpointId } }, now),
  ]);
  // Being sent at this moment: that attempt's answer decides; the audit row records the ask.
  return queued[0] ?? null;
}
