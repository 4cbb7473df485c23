import { getTableColumns, is, sql, SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { outbox } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { OutboxMessage } from "../notifications/outbox";

/**
 * `INSERT INTO table SELECT <values> <source>`: a row written only if `source` (a FROM and/or
 * WHERE clause) yields one when the statement runs. Values may be SQL taken from `source`;
 * columns not given get their default. Built with drizzle's insert-select rather than a raw
 * `db.run`, because D1 cannot batch a raw statement that has parameters.
 */
export function insertSelect<T extends SQLiteTable>(db: Db, table: T, values: { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] | SQL }, source: SQL) {
  const given = values as Record<string, unknown>;
  const exprs = Object.entries(getTableColumns(table))
    // Same columns, same order as drizzle lists them after `insert into table (...)`.
    .filter(([, col]) => !(col as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
    .map(([key, col]) => {
      const v = given[key];
      if (v === undefined) return col.default === undefined ? sql`NULL` : is(col.default, SQL) ? col.default : sql.param(col.default, col);
      return is(v, SQL) ? v : sql.param(v, col);
    });
  return db.insert(table).select(sql`SELECT ${sql.join(exprs, sql`, `)} ${source}`);
}

/**
 * Like `enqueue`, but the message is written only if `condition` holds when the statement
 * runs. Used after a guarded write in the same batch (condition: "the row carries this
 * write's `last_op`"), so a refused booking or cancellation sends nothing.
 */
export function enqueueIf(db: Db, message: OutboxMessage, now: number, condition: SQL) {
  return insertSelect(
    db,
    outbox,
    {
      id: newId("msg", now),
      template: message.template,
      toEmail: message.to,
      cc: message.cc ?? null,
      locale: message.locale ?? "en",
      payload: message.payload,
      nextAttemptAt: now,
      createdAt: now,
    },
    sql`WHERE ${condition}`,
  );
}

/** "This batch's write reached the booking": true once a guarded write stamped it with `op`. */
export function bookingStampedBy(bookingId: string, op: string): SQL {
  return sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${bookingId} AND last_op = ${op})`;
}
