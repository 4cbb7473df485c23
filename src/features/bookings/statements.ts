// Batch-statement builders shared by every write that takes, frees or offers seats. Each
// returns drizzle queries to put INSIDE the caller's one `db.batch`, so the seat counter,
// the booking rows, the waiting list and the outbox can never disagree (rules 1, 5, 9).
//
// Statements in a batch cannot read each other's results, so a write that must only happen
// "if the previous statement really changed a row" looks for that row's `last_op` marker:
// every booking write stamps `last_op = opId`, and later statements test for the stamp.
//
// Only query builders go into batches (never `db.run(sql)`): drizzle's D1 batch cannot bind
// parameters of raw statements. INSERT … SELECT goes through `insertSelect` for that reason.
import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { bookings, outbox, SEAT_HOLDING_STATUSES, sessions } from "../../db/schema";
import { DAY, HOUR } from "../../lib/time";

/**
 * `INSERT INTO table (every column) SELECT … FROM …`: a conditional insert that writes a row
 * only when `from` (e.g. `from sessions s where <guard>`) yields one. Columns not given take
 * their schema default.
 */
export function insertSelect<T extends SQLiteTable>(db: Db, table: T, values: Partial<Record<keyof T["_"]["columns"], unknown>>, from: SQL) {
  const given = values as Record<string, unknown>;
  const exprs = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = key in given ? given[key] : column.default !== undefined ? column.default : null;
    return is(value, SQL) ? value : sql`${value}`;
  });
  return db.insert(table).select(sql`select ${sql.join(exprs, sql`, `)} ${from}`);
}

/** Statuses that hold a seat (rule 1 counts these against capacity). */
export const HOLDING = sql.raw(`(${SEAT_HOLDING_STATUSES.map((s) => `'${s}'`).join(", ")})`);
/** An offer is held 24 h, but never later than 2 h before the start. */
export const OFFER_HOLD_MS = DAY;
export const OFFER_CUTOFF_MS = 2 * HOUR;

/**
 * True when `person` already holds a seat (any kind but group, which `person_id` only marks as
 * the booker) overlapping [startsAt, endsAt) somewhere other than `sessionId`. Used as a guard
 * inside INSERT/UPDATE so two overlapping bookings racing each other cannot both win (rule 4).
 */
export function clashExists(person: SQL | string, startsAt: SQL, endsAt: SQL, sessionId: SQL | string) {
  return sql`exists (select 1 from bookings c where c.person_id = ${person} and c.kind != 'group'
    and c.status in ${HOLDING} and c.starts_at < ${endsAt} and c.ends_at > ${startsAt}
    and c.session_id is not ${sessionId})`;
}

/**
 * Outbox rows for every booking matched by `where` (alias `b`), one message each, written in
 * the same batch as the change (rule 9). Selecting the recipients from the booking rows lets
 * a message depend on whether the change happened (`b.last_op = opId`) without a prior read.
 */
export function notifyBookings(
  db: Db,
  template: string,
  where: SQL,
  now: number,
  options: { to?: "person" | "guardian"; payload?: Record<string, SQL | string | number> } = {},
) {
  const to = options.to === "guardian" ? sql`b.guardian_email` : sql`coalesce(p.email, o.contact_email)`;
  const extra = Object.entries(options.payload ?? {}).map(([k, v]) => sql`, ${k}, ${v}`);
  const idPrefix = `msg_${now.toString(32).padStart(9, "0")}`;
  return insertSelect(
    db,
    outbox,
    {
      id: sql`${idPrefix} || lower(hex(randomblob(12)))`,
      template,
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

/** A waitlisted booking's place in line: FIFO by queuedAt, then by arrival (rowid). */
export const waitlistPosition = sql`(select count(*) from bookings w where w.session_id = b.session_id
  and w.status = 'waitlisted' and (w.queued_at < b.queued_at or (w.queued_at = b.queued_at and w.rowid <= b.rowid)))`;

/**
 * Offers every free seat of a session to the first people waiting (rule 5): waitlisted →
 * offered, held until min(now + 24 h, start − 2 h); skipped when that is already past. How
 * many are offered is decided inside the UPDATE from the live counter, so it is right
 * whatever happened earlier in the same batch or in a batch that ran just before.
 */
export function offerFreeSeatsStatements(db: Db, { sessionId, opId, now }: { sessionId: string; opId: string; now: number }) {
  const offerOp = `${opId}:offer`;
  const free = sql`coalesce((select max(0, capacity - seats_taken) from sessions
    where id = ${sessionId} and status = 'scheduled' and starts_at - ${OFFER_CUTOFF_MS} > ${now}), 0)`;
  return [
    db
      .update(bookings)
      .set({
        status: "offered",
        lastOp: offerOp,
        updatedAt: now,
        holdExpiresAt: sql`min(${now + OFFER_HOLD_MS}, (select starts_at from sessions where id = ${sessionId}) - ${OFFER_CUTOFF_MS})`,
      })
      .where(
        sql`${bookings.id} in (select w.id from bookings w where w.session_id = ${sessionId} and w.status = 'waitlisted'
          order by w.queued_at, w.rowid limit ${free})`,
      ),
    // Offered seats are held seats: count exactly the rows the previous statement changed.
    db
      .update(sessions)
      .set({
        seatsTaken: sql`seats_taken + (select count(*) from bookings where session_id = ${sessionId} and last_op = ${offerOp} and status = 'offered')`,
        updatedAt: now,
      })
      .where(sql`${sessions.id} = ${sessionId}`),
    notifyBookings(db, "offer_made", sql`b.session_id = ${sessionId} and b.last_op = ${offerOp} and b.status = 'offered'`, now),
  ];
}

/**
 * Frees `seats` of a session, but only if the freeing write (which stamped `last_op = opId`
 * on booking `freedBy`) really happened, then offers the freed seats to the waiting list —
 * the freeing and the offering are one atomic write (rule 5). Every path that frees seats
 * (cancel, consent refused, hold expired, smaller group) uses this.
 */
export function releaseSeatsStatements(
  db: Db,
  { sessionId, seats, opId, freedBy, now }: { sessionId: string; seats: number; opId: string; freedBy: string; now: number },
) {
  return [
    db
      .update(sessions)
      .set({ seatsTaken: sql`seats_taken - ${seats}`, updatedAt: now })
      .where(sql`${sessions.id} = ${sessionId} and exists (select 1 from bookings where id = ${freedBy} and last_op = ${opId})`),
    ...offerFreeSeatsStatements(db, { sessionId, opId, now }),
  ];
}

/** Takes `seats` of a session if booking `heldBy` was really written as a seat holder by `opId`. */
export function takeSeatsStatement(db: Db, { sessionId, seats, opId, heldBy, now }: { sessionId: string; seats: number; opId: string; heldBy: string; now: number }) {
  return db
    .update(sessions)
    .set({ seatsTaken: sql`seats_taken + ${seats}`, updatedAt: now })
    .where(sql`${sessions.id} = ${sessionId} and exists (select 1 from bookings where id = ${heldBy} and last_op = ${opId} and status in ${HOLDING})`);
}
