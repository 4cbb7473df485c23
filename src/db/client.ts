import type { Client } from "@libsql/client";
import { drizzle as drizzleD1 } from "drizzle-orm/d1";
import { drizzle as drizzleLibsql, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "./schema";

/**
 * The one database type the app codes against. D1 and libSQL share drizzle's SQLite query
 * builder; the differences that matter (batch mode, result shapes) are absorbed here and in
 * `rowsAffected`.
 */
export type Db = LibSQLDatabase<typeof schema>;

/**
 * drizzle's libSQL `batch()` passes no transaction mode, so the client's default `deferred`
 * applies and can fail with SQLITE_BUSY when it upgrades to a write under contention. Every
 * batch we send is a write, so we take the write lock up front.
 */
function withWriteBatches(client: Client): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "batch") {
        return (stmts: Parameters<Client["batch"]>[0], mode: Parameters<Client["batch"]>[1] = "write") =>
          target.batch(stmts, mode);
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function libsqlDb(client: Client): Db {
  return drizzleLibsql(withWriteBatches(client), { schema });
}

export function d1Db(binding: D1Database): Db {
  // Same query builder, same batch() contract (D1 runs a batch as one transaction).
  return drizzleD1(binding, { schema }) as unknown as Db;
}

/** Rows changed by a `.run()` result on either driver. */
export function rowsAffected(result: unknown): number {
  const r = result as { rowsAffected?: number; meta?: { changes?: number } };
  return r.rowsAffected ?? r.meta?.changes ?? 0;
}
