import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyMigrations, MIGRATIONS_DIR } from "../src/db/libsql-node";
import { createHarness, type Harness } from "./support/harness";
import { expectedSchema } from "./support/expected-schema";

// The same files are applied to D1 in test/workers/migrations.test.ts.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("migrations on libSQL", () => {
  it("create every table and column of src/db/schema.ts", async () => {
    const tables = expectedSchema();
    expect(Object.keys(tables).length).toBeGreaterThan(10);
    for (const [table, columns] of Object.entries(tables)) {
      const rows = (await h.db.all(sql`select name from pragma_table_info(${table})`)) as { name: string }[];
      expect(rows.map((r) => r.name).sort(), table).toEqual(columns);
    }
  });

  it("are applied once: running them again changes nothing", async () => {
    await applyMigrations(h.db);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const [{ n }] = (await h.db.all(sql`select count(*) as n from __drizzle_migrations`)) as [{ n: number }];
    expect(n).toBe(journal.entries.length);
  });
});
