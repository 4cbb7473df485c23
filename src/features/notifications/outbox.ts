import { and, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import type { Db } from "../../db/client";
import { outbox, type BookingStatus, type Locale } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { TemplateName } from "../../../emails";
import { UnrenderableMessage } from "./errors";
import { passGate, recordWave, reserveSends, returnProbe } from "./delivery";
import { MailerError, SEND_TIMEOUT_MS } from "./mailer";
import { PRIORITY, priorityOf } from "./priority";
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
  now: number | SQL,
  options: { to?: "person" | "guardian"; payload?: Record<string, SQL | string | number>; idPrefix?: SQL } = {},
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
  // A statement built once (src/db/prepared.ts) passes `now` and the prefix as slots.
  const idPrefix = options.idPrefix ?? (typeof now === "number" ? messageIdPrefix(now) : undefined);
  if (idPrefix === undefined) throw new TypeError("enqueueForBookings: a `now` given as SQL needs an idPrefix");
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

/** The time-sortable start of an outbox id (`newId("msg", now)` without its random part). */
export const messageIdPrefix = (now: number) => `msg_${now.toString(32).padStart(9, "0")}`;

/** Which message a booking gets, by the status the batch left it in. */
export type TemplateByStatus = Partial<Record<BookingStatus, TemplateName>>;

/**
 * With the backoff below, about three hours of failed attempts before a message is failed.
 * Attempts refused while the provider's circuit was open do not count: a provider outage alone
 * never fails a message, it only delays it.
 */
export const MAX_ATTEMPTS = 10;
/**
 * Long enough for one send (SEND_TIMEOUT_MS) plus the wait for a rate slot; renewed before each
 * wave. Short, because after a crash the messages it held wait this long to be claimed again.
 */
export const LEASE_MS = 20_000;
/**
 * A run stops claiming after this long (by the clock), leaving the rest to the next run: just
 * under the minute between cron runs. Runs that overlap are safe (claims, the shared window).
 */
export const RUN_BUDGET_MS = 55_000;
/** After a response, the Worker keeps running for 30 s at most (waitUntil): stop well before. */
export const AFTER_RESPONSE_BUDGET_MS = 20_000;

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
 * Time-critical messages first (priority.ts), then oldest first.
 */
export async function claimDue(db: Db, owner: string, now: number, limit = 20) {
  const ids = db.select({ id: outbox.id }).from(outbox).where(due(now)).orderBy(priorityOf(), outbox.createdAt).limit(limit);
  const rows = await db
    .update(outbox)
    .set({ status: "sending", leaseOwner: owner, leaseUntil: now + LEASE_MS, attempts: sql`${outbox.attempts} + 1` })
    // Re-check inside the UPDATE: another dispatcher may have claimed between select and write.
    .where(and(inArray(outbox.id, ids), due(now)))
    .returning();
  // RETURNING does not keep the subquery's order: restore it, so waves go out most urgent first.
  const rank = (r: (typeof rows)[number]) => PRIORITY[r.template as TemplateName] ?? 2;
  return rows.sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
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

type Claimed = Awaited<ReturnType<typeof claimDue>>[number];
type Outcome = { kind: "sent" | "failed" | "retried"; fault: boolean; retryAfterMs: number };
type Tally = { sent: number; failed: number; retried: number };

/** This dispatcher's hold on a message: gone if its lease lapsed and another dispatcher took it. */
const heldBy = (owner: string, ids: string[]) => and(inArray(outbox.id, ids), eq(outbox.leaseOwner, owner), eq(outbox.status, "sending"));

/**
 * Claimed messages this dispatcher will not send now (the circuit opened): back in the queue,
 * due at once, and the attempt the claim counted is given back, since none was made.
 */
async function release(db: Db, owner: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set({ status: "pending", leaseOwner: null, leaseUntil: null, attempts: sql`max(0, ${outbox.attempts} - 1)` })
    .where(heldBy(owner, ids));
}

async function sendOne(deps: Deps, owner: string, msg: Claimed, probe: boolean): Promise<Outcome> {
  const { db, mailer, clock, config } = deps;
  const mine = heldBy(owner, [msg.id]);
  try {
    // Rendered as of the message's creation, so every attempt sends the same bytes under
    // the same idempotency key (the calendar DTSTAMP would otherwise change each time).
    const rendered = await renderEmail(db, msg, config, msg.createdAt);
    const { providerId } = await mailer.send({ id: msg.id, from: config.emailFrom, to: msg.toEmail, cc: msg.cc ?? undefined, ...rendered });
    await db.update(outbox).set({ status: "sent", sentAt: clock.now(), providerId, leaseUntil: null, lastError: null }).where(mine);
    return { kind: "sent", fault: false, retryAfterMs: 0 };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const fault = err instanceof MailerError && err.providerFault;
    const retryAfterMs = err instanceof MailerError ? (err.retryAfterMs ?? 0) : 0;
    if (probe && fault) {
      // The provider is still down: that is the circuit's business, not this message's. It
      // goes back as it was, so probing never uses up the message that happens to be first.
      await db.update(outbox).set({ status: "pending", leaseUntil: null, lastError: message, attempts: sql`max(0, ${outbox.attempts} - 1)` }).where(mine);
      return { kind: "retried", fault, retryAfterMs };
    }
    if (!isPermanent(err) && msg.attempts < MAX_ATTEMPTS) {
      const wait = Math.max(backoffMs(msg.attempts), retryAfterMs);
      await db.update(outbox).set({ status: "pending", nextAttemptAt: clock.now() + wait, leaseUntil: null, lastError: message }).where(mine);
      return { kind: "retried", fault, retryAfterMs };
    }
    await db.update(outbox).set({ status: "failed", leaseUntil: null, lastError: message }).where(mine);
    return { kind: "failed", fault, retryAfterMs };
  }
}

/**
 * Sends what is due, most urgent first, in waves as large as the provider's rate allows
 * (config.emailSendRate per second, shared by all dispatchers through delivery_state), each
 * wave's sends at once. While the provider is failing, its circuit is open and nothing is
 * claimed; once its pause is over one message probes it, and if that goes through the run
 * carries on with the rest. Safe to run from several places at once.
 */
export async function dispatchOutbox(deps: Deps, options: { limit?: number; budgetMs?: number } = {}): Promise<Tally> {
  const { db, clock, config } = deps;
  const owner = newId("disp");
  const started = clock.now();
  const rate = config.emailSendRate;
  // No more than can be sent before the claim's lease lapses, at this rate.
  const batch = Math.max(1, Math.min(options.limit ?? 50, Math.floor((rate * (LEASE_MS - SEND_TIMEOUT_MS)) / 1000)));
  const tally: Tally = { sent: 0, failed: 0, retried: 0 };
  await failAbandoned(db, started);
  let gate = await passGate(db, started, LEASE_MS);
  while (gate !== "open" && clock.now() - started < (options.budgetMs ?? RUN_BUDGET_MS)) {
    const claimed = await claimDue(db, owner, clock.now(), gate === "probe" ? 1 : batch);
    if (claimed.length === 0) {
      if (gate === "probe") await returnProbe(db, clock.now());
      break;
    }
    for (let i = 0; i < claimed.length && gate !== "open"; ) {
      const granted = await reserveSends(db, clock, Math.min(rate, claimed.length - i), rate);
      const wave = claimed.slice(i, i + granted);
      i += wave.length;
      // Renew the wave's leases just before sending: if waiting for a slot took long and a
      // lease lapsed, another dispatcher may own that message now, and it is theirs to send.
      const renewed = new Set(
        (await db.update(outbox).set({ leaseUntil: clock.now() + LEASE_MS }).where(heldBy(owner, wave.map((m) => m.id))).returning({ id: outbox.id })).map((r) => r.id),
      );
      const outcomes = await Promise.all(wave.filter((m) => renewed.has(m.id)).map((m) => sendOne(deps, owner, m, gate === "probe")));
      for (const o of outcomes) tally[o.kind]++;
      const open = await recordWave(db, clock.now(), {
        accepted: outcomes.filter((o) => o.kind === "sent").length,
        faults: outcomes.filter((o) => o.fault).length,
        retryAfterMs: Math.max(0, ...outcomes.map((o) => o.retryAfterMs)),
      });
      if (open) {
        gate = "open";
        await release(db, owner, claimed.slice(i).map((m) => m.id));
      } else gate = "closed";
    }
  }
  return tally;
}
