import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libsqlDb } from "./client";
import { applyMigrations, openLibsqlFile } from "./libsql-node";
import type { LocalClient } from "./libsql-local";
import { people } from "./schema";

// Every setting the app relies on, read back by the statement itself, so a statement that ran
// on another connection (with SQLite's defaults) would say so.
const SETTINGS = sql`select
  (select journal_mode from pragma_journal_mode) as journalMode,
  (select synchronous from pragma_synchronous) as synchronous,
  (select timeout from pragma_busy_timeout) as busyTimeout,
  (select foreign_keys from pragma_foreign_keys) as foreignKeys,
  (select cache_size from pragma_cache_size) as cacheSize`;
const CONFIGURED = { journalMode: "wal", synchronous: 1, busyTimeout: 10000, foreignKeys: 1, cacheSize: -65536 };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "open-door-libsql-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200 reads of the settings in flight at once, with write batches interleaved between them. */
async function settingsUnderConcurrency(client: Client) {
  const db = libsqlDb(client);
  await db.run(sql`create table if not exists t (n integer)`);
  const reads = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      if (i % 10 === 0) await db.batch([db.run(sql`insert into t values (${i})`), db.run(sql`insert into t values (${-i})`)]);
      return db.get<typeof CONFIGURED>(SETTINGS);
    }),
  );
  return reads;
}

describe("the embedded database file (src/db/libsql-local.ts)", () => {
  it("runs every statement under the configured settings, however many are in flight", async () => {
    const { client } = await openLibsqlFile(join(dir, "configured.db"));
    try {
      const reads = await settingsUnderConcurrency(client);
      expect(reads).toHaveLength(200);
      for (const r of reads) expect(r).toEqual(CONFIGURED);
    } finally {
      client.close();
    }
  });

  it("CONTROL: @libsql/client's pool, configured the way the app used to, runs some statements with SQLite's defaults", async () => {
    const client = createClient({ url: `file:${join(dir, "pooled.db")}` });
    for (const p of ["journal_mode = WAL", "busy_timeout = 10000", "foreign_keys = ON", "synchronous = NORMAL", "cache_size = -65536"]) {
      await client.execute(`PRAGMA ${p}`);
    }
    try {
      const reads = await settingsUnderConcurrency(client);
      // Defaults on the connections the pool opened later: synchronous=FULL, busy_timeout=0.
      expect(reads.filter((r) => r.synchronous === 2 && r.busyTimeout === 0).length).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  });

  it("compiles each statement once: the same query again reuses it", async () => {
    const { db, client } = await openLibsqlFile(join(dir, "compiled.db"));
    try {
      await applyMigrations(db);
      const find = (id: string) => db.select().from(people).where(eq(people.id, id)).limit(1);
      await find("per_warm");
      const before = (client as LocalClient).compiledCount;
      await Promise.all(Array.from({ length: 100 }, (_, i) => find(`per_${i}`)));
      expect((client as LocalClient).compiledCount).toBe(before);
    } finally {
      client.close();
    }
  });

  it("answers rows the way drizzle reads them: by name and by position, duplicate names kept apart", async () => {
    const { db, client } = await openLibsqlFile(join(dir, "rows.db"));
    try {
      const named = await db.all<{ a: number; b: string }>(sql`select 1 as a, 'x' as b`);
      expect(named).toEqual([{ a: 1, b: "x" }]);
      const raw = await client.execute("select 1 as id, 2 as id, null as n");
      expect(Array.prototype.slice.call(raw.rows[0])).toEqual([1, 2, null]);
      expect(raw.rows[0]!.id).toBe(1);
      expect(raw.rows[0]!.length).toBe(3);
    } finally {
      client.close();
    }
  });

  it("rolls a failed batch back whole, and the connection stays usable", async () => {
    const { db, client } = await openLibsqlFile(join(dir, "rollback.db"));
    try {
      await db.run(sql`create table u (n integer primary key)`);
      await expect(db.batch([db.run(sql`insert into u values (1)`), db.run(sql`insert into u values (1)`)])).rejects.toThrow(/UNIQUE constraint failed/);
      expect(await db.all(sql`select n from u`)).toEqual([]);
      await db.batch([db.run(sql`insert into u values (2)`)]);
      expect(await db.all(sql`select n from u`)).toEqual([{ n: 2 }]);
    } finally {
      client.close();
    }
  });
});
