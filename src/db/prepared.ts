// Queries whose shape never changes, built once per database handle (issue #19): drizzle
// spent about a fifth of a booking's CPU turning the same query builders into the same SQL
// text on every request. `.prepare()` builds the SQL once and binds `sql.placeholder`s per
// call; on Node the driver then reuses the compiled statement too (src/db/libsql-local.ts).
//
// The cache hangs off the handle it was built for, so it lives exactly as long as that handle:
// the Node server's one database for its lifetime; on the Worker, which builds a handle per
// request, it is built and dropped with the request (D1 gains nothing, and loses nothing).
import { fillPlaceholders, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";

const built = new WeakMap<Db, Map<string, unknown>>();

/** The prepared query `name` for this handle, built by `build` the first time it is asked for. */
export function preparedOnce<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = built.get(db);
  if (!queries) built.set(db, (queries = new Map()));
  let query = queries.get(name) as T | undefined;
  if (query === undefined) queries.set(name, (query = build(db)));
  return query;
}

/** `sql.placeholder(name)` as an SQL fragment, so helpers that take SQL where a value goes can be built once and bound per call. */
export const slot = (name: string): SQL => sql`${sql.placeholder(name)}`;

/** What drizzle's `batch()` asks of each item, on libSQL and on D1 alike. */
interface PreparedItem {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
  /** D1's compiled statement, which its batch binds. */
  stmt?: unknown;
}

/**
 * The statements of one batch, built once per handle and shape (`name`) by `build` with
 * `slot`s where this call's values go, and bound to `values`. Still ONE `db.batch` per change
 * on both drivers: drizzle's batch asks each item for `_prepare()`, then for its SQL, its
 * params and (on D1) its statement; each item here answers with the query built the first
 * time and this call's params. A name missing from `values` throws (drizzle checks), so a
 * slot can never silently bind nothing.
 */
export function batchOnce<T extends readonly unknown[]>(db: Db, name: string, build: (db: Db) => T, values: Record<string, unknown>): T {
  const prepared = preparedOnce(db, `batch:${name}`, (db) => build(db).map((q) => (q as { _prepare(): PreparedItem })._prepare()));
  return prepared.map((p) => {
    const query = p.getQuery();
    const bound = { ...query, params: fillPlaceholders(query.params, values) };
    const item: PreparedItem = { stmt: p.stmt, getQuery: () => bound, mapResult: (response, isFromBatch) => p.mapResult(response, isFromBatch) };
    return { _prepare: () => item };
  }) as unknown as T;
}
