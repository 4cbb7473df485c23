// Conditional writes: the building blocks that make a `db.batch` safe without a transaction.
// Statements in a batch cannot read each other's results, so a write that must happen only
// "if the previous statement really changed a row" tests for that row's `last_op` stamp:
// every guarded booking write sets `last_op = opId`, and later statements look for it.
//
// Only query builders go into batches (never `db.run(sql)`): drizzle's D1 batch cannot bind
// parameters of raw statements, so INSERT … SELECT is built with drizzle's insert-select.
import { getTableColumns, is, sql, SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/**
 * `INSERT INTO table SELECT <values> <source>`: a row written only if `source` (a FROM and/or
 * WHERE clause) yields one when the statement runs. Values may be SQL taken from `source`;
 * plain values go through the column's own mapping (JSON columns take objects, not strings);
 * columns not given get their default.
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

/** "This batch's write reached the booking": true once a guarded write stamped it with `op`. */
export function bookingStampedBy(bookingId: string, op: string): SQL {
  return sql`EXISTS (SELECT 1 FROM bookings WHERE id = ${bookingId} AND last_op = ${op})`;
}
