import { getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** D1 refuses a statement that binds more parameters than this (libSQL allows far more). */
export const MAX_BOUND_PARAMETERS = 100;

/**
 * How many rows one multi-row insert into `table` may carry on D1. drizzle writes every column
 * of every row, binding at most one parameter each (a missing value becomes the column's
 * default or `null`), so columns × rows is an upper bound.
 */
export function rowsPerInsert(table: SQLiteTable): number {
  const columns = Object.keys(getTableColumns(table)).length;
  const rows = Math.floor(MAX_BOUND_PARAMETERS / columns);
  if (rows < 1) throw new Error(`A row of ${columns} columns cannot fit in one D1 statement.`);
  return rows;
}

/**
 * The inserts for `rows`, split so that each statement stays within D1's limit. Send them in
 * one `db.batch` to keep the whole insert atomic.
 */
export function insertsInChunks<T extends SQLiteTable>(db: Db, table: T, rows: T["$inferInsert"][]) {
  const size = rowsPerInsert(table);
  const statements = [];
  for (let i = 0; i < rows.length; i += size) statements.push(db.insert(table).values(rows.slice(i, i + size)));
  return statements;
}
