import { and, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import type { Db } from "../../db/client";
import { outbox, type BookingStatus, type Locale } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { TemplateName } from "../../../emails";
import { UnrenderableMessage } from "./errors";
import { MailerError } from "./mailer";
import { renderEmail } from "./render";

export interface OutboxMessage {
  template: TemplateName;
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
  return db.insert(outbox).values(outboxRow(message, now));
}

/** The outbox row for a message, due at once. */
function outboxRow(message: OutboxMessage, now: number) {
  return {
    id: newId("msg", now),
    template: message.template,
    toEmail: message.to,
    cc: message.cc ?? null,
    locale: message.locale ?? "en",
    payload: message.payload,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/**
 * Like `enqueue`, but the message is written only if `condition` holds when the statement
 * runs. Put it after a guarded write in the same batch (condition: `bookingStampedBy(id, op)`
 * from src/db/conditional.ts), so a refused booking or cancellation sends nothing.
 */
export function enqueueIf(db: Db, message: OutboxMessage, now: number, condition: SQL) {
  return insertSelect(db, outbox, outboxRow(message, now), sql`WHERE ${condition}`);
}

/**
 * One message per booking matched by `where` (alias `b`), written in the same batch as the
 * change (rule 9). Selecting the recipients from the booking rows lets a message depend on
 * whether the change happened (`b.last_op = opId`) without a prior read, and lets one
 * statement notify every booking of a session. To the person who booked (a group's school
 * contact when nobody did) or the guardian; never to an erased person.
 */
export function enqueueForBookings(
  db: Db,
  template: TemplateName | TemplateByStatus,
  where: SQL,
  now: number,
  options: { to?: "person" | "guardian"; payload?: Record<string, SQL | string | number> } = {},
) {
  const to = options.to === "guardian" ? sql`b.guardian_email` : sql`coalesce(p.email, o.contact_email)`;
  let templateValue: TemplateName | SQL = template as TemplateName;
  if (typeof template !== "string") {
    // One insert whatever the outcome (issue #19): the booking's status, read by the statement
    // itself, picks the template, instead of one insert per possible outcome of which all but
    // one match no row.
    const cases = Object.entries(template).map(([status, name]) => sql`when ${status} then ${name}`);
    where = sql`(${where}) and b.status in (${sql.join(Object.keys(template).map((s) => sql`${s}`), sql`, `)})`;
    templateValue = sql`case b.status ${sql.join(cases, sql` `)} end`;
  }
  const extra = Object.entries(options.payload ?? {}).map(([k, v]) => sql`, ${k}, ${v}`);
  const idPrefix = `msg_${now.toString(32).padStart(9, "0")}`;
  return insertSelect(
    db,
    outbox,
    {
      id: sql`${idPrefix} || lower(hex(randomblob(12)))`,
      template: templateValue,
      toEmail: to,
      locale: sql`coalesce(p.locale, 'en')`,
      payload: sql`json_object('bookingId', b.id${sql.join(extra)})`,
      nextAttemptAt: now,
      createdAt: now,
    },
    sql`from bookings b
      left join people p on p.id = b.person_id
      left join organisations o on o.id = b.organisation_id
      where (${where}) and ${to} is not null and p.erased_at is null`,
  );
}

/** Which message a booking gets, by the status the batch left it in. */
export type TemplateByStatus = Partial<Record<BookingStatus, TemplateName>>;

/** With the backoff below, about three hours of provider outage before a message is failed. */
export const MAX_ATTEMPTS = 10;
/** Long enough for one send (SEND_TIMEOUT_MS); renewed before each send. */
export const LEASE_MS = 60_000;

/** Exponential backoff with full jitter: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(3_600_000, 30_000 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const due = (now: number) =>
  or(
    and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)),
    // A lease that lapsed: its dispatcher died or hung. Its message is claimable again.
    and(eq(outbox.status, "sending"), lt(outbox.leaseUntil, now), lt(outbox.attempts, MAX_ATTEMPTS)),
  );

/**
 * Claims due messages with a lease in one UPDATE, so two dispatchers never hold the same row;
 * a dispatcher that dies leaves a lease that lapses and the rows become claimable again.
 */
export async function claimDue(db: Db, owner: string, now: number, limit = 20) {
  const ids = db.select({ id: outbox.id }).from(outbox).where(due(now)).orderBy(outbox.createdAt).limit(limit);
  return db
    .update(outbox)
    .set({ status: "sending", leaseOwner: owner, leaseUntil: now + LEASE_MS, attempts: sql`${outbox.attempts} + 1` })
    // Re-check inside the UPDATE: another dispatcher may have claimed between select and write.
    .where(and(inArray(outbox.id, ids), due(now)))
    .returning();
}

/**
 * A message whose every attempt ended in an abandoned lease (the process died each time, say
 * on one poisonous message) is given up rather than claimed for ever; coordinators see it.
 */
async function failAbandoned(db: Db, now: number) {
  await db
    .update(outbox)
    .set({ status: "failed", leaseOwner: null, leaseUntil: null, lastError: `gave up after ${MAX_ATTEMPTS} attempts that never finished` })
    .where(and(eq(outbox.status, "sending"), lt(outbox.leaseUntil, now), gte(outbox.attempts, MAX_ATTEMPTS)));
}

/** Errors that will happen again on every attempt: the message cannot be built. */
function isPermanent(err: unknown): boolean {
  if (err instanceof MailerError) return !err.retryable;
  return err instanceof UnrenderableMessage;
}

/** Sends what is due. Safe to run from several places at once. */
export async function dispatchOutbox(deps: Deps, options: { limit?: number } = {}): Promise<{ sent: number; failed: number; retried: number }> {
  const { db, mailer, clock, config } = deps;
  const owner = newId("disp");
  await failAbandoned(db, clock.now());
  const claimed = await claimDue(db, owner, clock.now(), options.limit ?? 20);
  const tally = { sent: 0, failed: 0, retried: 0 };
  for (const msg of claimed) {
    const mine = and(eq(outbox.id, msg.id), eq(outbox.leaseOwner, owner), eq(outbox.status, "sending"));
    // Renew the lease just before sending: if earlier sends in this batch were slow and the
    // lease lapsed, another dispatcher may own the message now, and it is theirs to send.
    const renewed = await db.update(outbox).set({ leaseUntil: clock.now() + LEASE_MS }).where(mine).returning({ id: outbox.id });
    if (renewed.length === 0) continue;
    try {
      // Rendered as of the message's creation, so every attempt sends the same bytes under
      // the same idempotency key (the calendar DTSTAMP would otherwise change each time).
      const rendered = await renderEmail(db, msg, config, msg.createdAt);
      const { providerId } = await mailer.send({ id: msg.id, from: config.emailFrom, to: msg.toEmail, cc: msg.cc ?? undefined, ...rendered });
      await db.update(outbox).set({ status: "sent", sentAt: clock.now(), providerId, leaseUntil: null, lastError: null }).where(mine);
      tally.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!isPermanent(err) && msg.attempts < MAX_ATTEMPTS) {
        const wait = Math.max(backoffMs(msg.attempts), err instanceof MailerError ? (err.retryAfterMs ?? 0) : 0);
        await db.update(outbox).set({ status: "pending", nextAttemptAt: clock.now() + wait, leaseUntil: null, lastError: message }).where(mine);
        tally.retried++;
      } else {
        await db.update(outbox).set({ status: "failed", leaseUntil: null, lastError: message }).where(mine);
        tally.failed++;
      }
    }
  }
  return tally;
}
