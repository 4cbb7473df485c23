import { and, eq, lte, or, sql, lt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outbox, type Locale } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { renderEmail } from "../../../emails";
import { MailerError } from "./mailer";

export interface OutboxMessage {
  template: string;
  to: string;
  cc?: string[];
  locale?: Locale;
  payload: Record<string, unknown>;
}

/**
 * The insert for one outgoing message, to be put in the same batch as the change that causes
 * it (rule 9): if the change is rolled back, so is the message; if it commits, the message is
 * there for the dispatcher even if the provider is down.
 */
export function enqueue(db: Db, message: OutboxMessage, now: number) {
  return db.insert(outbox).values({
    id: newId("msg", now),
    template: message.template,
    toEmail: message.to,
    cc: message.cc ?? null,
    locale: message.locale ?? "en",
    payload: message.payload,
    nextAttemptAt: now,
    createdAt: now,
  });
}

export const MAX_ATTEMPTS = 6;
const LEASE_MS = 60_000;

/** Exponential backoff with full jitter: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(3_600_000, 30_000 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Claims due messages with a lease in one UPDATE, so two dispatchers never hold the same row;
 * a dispatcher that dies leaves a lease that lapses and the rows become claimable again.
 */
export async function claimDue(db: Db, owner: string, now: number, limit = 20) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, "sending"), lt(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(outbox.createdAt)
    .limit(limit);
  return db
    .update(outbox)
    .set({ status: "sending", leaseOwner: owner, leaseUntil: now + LEASE_MS, attempts: sql`${outbox.attempts} + 1` })
    .where(
      and(
        inArray(outbox.id, due),
        // Re-check inside the UPDATE: another dispatcher may have claimed between select and write.
        or(eq(outbox.status, "pending"), and(eq(outbox.status, "sending"), lt(outbox.leaseUntil, now))),
      ),
    )
    .returning();
}

/** Sends what is due. Safe to run from several places at once. Returns how many were sent. */
export async function dispatchOutbox(deps: Deps, options: { limit?: number } = {}): Promise<{ sent: number; failed: number; retried: number }> {
  const { db, mailer, clock, config } = deps;
  const owner = newId("disp");
  const claimed = await claimDue(db, owner, clock.now(), options.limit ?? 20);
  const tally = { sent: 0, failed: 0, retried: 0 };
  for (const msg of claimed) {
    const mine = and(eq(outbox.id, msg.id), eq(outbox.leaseOwner, owner));
    try {
      const rendered = await renderEmail(db, msg, config, clock.now());
      const { providerId } = await mailer.send({ id: msg.id, from: config.emailFrom, to: msg.toEmail, cc: msg.cc ?? undefined, ...rendered });
      await db.update(outbox).set({ status: "sent", sentAt: clock.now(), providerId, leaseUntil: null, lastError: null }).where(mine);
      tally.sent++;
    } catch (err) {
      const retryable = err instanceof MailerError ? err.retryable : false;
      const message = err instanceof Error ? err.message : String(err);
      if (retryable && msg.attempts < MAX_ATTEMPTS) {
        await db
          .update(outbox)
          .set({ status: "pending", nextAttemptAt: clock.now() + backoffMs(msg.attempts), leaseUntil: null, lastError: message })
          .where(mine);
        tally.retried++;
      } else {
        await db.update(outbox).set({ status: "failed", leaseUntil: null, lastError: message }).where(mine);
        tally.failed++;
      }
    }
  }
  return tally;
}
