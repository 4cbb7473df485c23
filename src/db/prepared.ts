// Queries whose shape never changes, built once per database handle (issue #19): drizzle
// spent about a fifth of a booking's CPU turning the same query builders into the same SQL
// text on every request. `.prepare()` builds the SQL once and binds `sql.placeholder`s per
// call; on Node the driver then reuses the compiled statement too (src/db/libsql-local.ts).
//
// The cache hangs off the handle it was built for, so it lives exactly as long as that handle:
// the Node server's one database for its lifetime; on the Worker, which builds a handle per
// request, it is built and dropped with the request (D1 gains nothing, and loses nothing).
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
