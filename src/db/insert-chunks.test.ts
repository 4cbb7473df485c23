import { createClient } from "@libsql/client";
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, describe, expect, it } from "vitest";
import { libsqlDb } from "./client";
import { MAX_BOUND_PARAMETERS, rowsPerInsert } from "./insert-chunks";
import * as schema from "./schema";
import { demoDataInserts } from "./seed";

// Statements are only built here, never run: no database file is needed.
const client = createClient({ url: ":memory:" });
const db = libsqlDb(client);
afterAll(() => client.close());

const tablesByName = new Map<string, SQLiteTable>();
for (const value of Object.values(schema) as unknown[]) if (is(value, SQLiteTable)) tablesByName.set(getTableName(value), value);
const inserts = demoDataInserts(db, Date.parse("2026-03-02T09:00:00Z")).map((statement) => {
  const { sql, params } = statement.toSQL();
  const name = /^insert into "([a-z_]+)"/.exec(sql)?.[1];
  return { table: tablesByName.get(name!)!, params };
});
const seededTables = [...new Set(inserts.map((i) => i.table))];

describe("inserts within D1's limit of 100 bound parameters", () => {
  it("finds the tables the demo data fills", () => {
    expect(seededTables.length).toBeGreaterThan(5);
    expect(seededTables.every(Boolean)).toBe(true);
  });

  it("fills each statement as far as the limit allows, for every table the demo data fills", () => {
    for (const table of seededTables) {
      const columns = Object.keys(getTableColumns(table)).length;
      const rows = rowsPerInsert(table);
      expect(rows * columns, getTableName(table)).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
      expect((rows + 1) * columns, getTableName(table)).toBeGreaterThan(MAX_BOUND_PARAMETERS);
    }
  });

  it("binds at most 100 parameters in every statement of the demo data", () => {
    for (const { table, params } of inserts) expect(params.length, getTableName(table)).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
  });

  it("splits the tables that would not fit in one statement", () => {
    const paramsPerTable = (table: SQLiteTable) => inserts.filter((i) => i.table === table).reduce((n, i) => n + i.params.length, 0);
    const split = seededTables.filter((t) => paramsPerTable(t) > MAX_BOUND_PARAMETERS);
    // Without chunking these would be single statements D1 refuses (events, sessions, slots …).
    expect(split.length).toBeGreaterThan(0);
    for (const table of split) expect(inserts.filter((i) => i.table === table).length, getTableName(table)).toBeGreaterThan(1);
  });
});
