// What coordinators see of the outbox: messages that could not be delivered, and a way to
// try them again once the cause (a typo in an address, a provider outage) is fixed.
import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import { auditLog, outbox, people } from "../../db/schema";
import type { Actor } from "../../lib/env";
import { auditInsertIf } from "../audit/record";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { refuse } from "../../lib/refusal";
import { iso, isoOrNull } from "../../lib/time";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export async function listOutbox(deps: Deps, actorId: string, query: { status?: OutboxStatus; limit: number; before?: string }) {
  const { db, clock } = deps;
  const rows = await db
    .select()
    .from(outbox)
    .where(and(query.status ? eq(outbox.status, query.status) : undefined, query.before ? lt(outbox.id, query.before) : undefined))
    .orderBy(desc(outbox.id))
    .limit(query.limit + 1);
  // Recipients' addresses are personal data: coordinators' reads are on the record (rule 14).
  await db.insert(auditLog).values({ id: newId("aud"), actorId, action: "outbox.listed", subjectType: "outbox", detail: { status: query.status ?? null }, at: clock.now() });
  const page = rows.slice(0, query.limit);
  return { items: page, next: rows.length > query.limit ? page.at(-1)!.id : null };
}

/** Puts a failed message back in the queue with a fresh set of attempts. */
export async function retryMessage(deps: Deps, actorId: string, id: string) {
  const { db, clock } = deps;
  const now = clock.now();
  // The status guard makes this safe against a double click or two coordinators at once.
  const [row] = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
    .returning();
  if (!row) {
    const [existing] = await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)).limit(1);
    if (!existing) throw refuse("no_message");
    throw refuse("only_failed_resend", { status: existing.status });
  }
  await db.insert(auditLog).values({ id: newId("aud"), actorId, action: "outbox.retried", subjectType: "outbox", subjectId: id, at: now });
  return row;
}

/**
 * A failed message went to a wrong address: the person's own email is corrected (so their
 * sign-in and later messages use it) and every failed message to the old address goes back in
 * the queue to the new one. Refused when someone else already has the new address.
 */
export async function correctRecipient(deps: Deps, actor: Actor, id: string, newEmail: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!message) throw refuse("no_message");
  if (message.status !== "failed") throw refuse("only_failed_resend", { status: message.status });
  const oldEmail = message.toEmail;
  const [other] = await db.select({ id: people.id }).from(people).where(and(eq(people.email, newEmail), ne(people.email, oldEmail))).limit(1);
  if (other) throw refuse("email_belongs_to_another", { email: newEmail });
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.email, oldEmail)).limit(1);
  const stillFailed = sql`exists (select 1 from outbox where id = ${id} and status = 'failed')`;
  // Invariant: the address, the messages sent again and the audit row change together, and only
  // while the message is still failed (two coordinators correcting at once: the second does nothing).
  const [, , requeued] = await db.batch([
    auditInsertIf(db, actor, { action: "outbox.recipient_corrected", subjectType: "outbox", subjectId: id, detail: { personId: person?.id ?? null } }, now, stillFailed),
    db
      .update(people)
      .set({ email: newEmail })
      .where(and(eq(people.email, oldEmail), stillFailed)),
    db
      .update(outbox)
      .set({ toEmail: newEmail, status: "pending", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null })
      .where(and(eq(outbox.toEmail, oldEmail), eq(outbox.status, "failed")))
      .returning({ id: outbox.id }),
  ]);
  if (!requeued.some((r) => r.id === id)) throw refuse("only_failed_resend", { status: "pending" });
  return { personId: person?.id ?? null, resent: requeued.length };
}

/** Never show payloads: they can hold sign-in and consent links, which are secrets. */
export function outboxView(row: typeof outbox.$inferSelect) {
  const bookingId = typeof row.payload.bookingId === "string" ? row.payload.bookingId : null;
  return {
    id: row.id,
    template: row.template,
    to: row.toEmail,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    bookingId,
    nextAttemptAt: isoOrNull(row.nextAttemptAt),
    sentAt: isoOrNull(row.sentAt),
    createdAt: iso(row.createdAt),
  };
}
