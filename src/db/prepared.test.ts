// batchOnce (src/db/prepared.ts): a batch's SQL built once per shape, bound per call, still
// one atomic batch with drizzle's own result mapping.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { applyMigrations, openLibsqlFile } from "./libsql-node";
import type { LocalClient } from "./libsql-local";
import { batchOnce, slot } from "./prepared";
import { people } from "./schema";

let dir: string;
let db: Db;
let client: LocalClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "open-door-prepared-"));
  ({ db, client } = (await openLibsqlFile(join(dir, "p.db"))) as { db: Db; client: LocalClient });
  await applyMigrations(db);
});
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const addPerson = (db: Db) =>
  [
    db
      .insert(people)
      .values({ id: slot("id"), email: slot("email"), displayName: "P", createdAt: slot("now") })
      .returning({ id: people.id, email: people.email }),
    db.update(people).set({ locale: sql`${slot("locale")}` }).where(sql`${people.id} = ${slot("id")}`),
  ] as const;

describe("batchOnce", () => {
  it("builds a shape's statements once and binds each call's values, with drizzle's results", async () => {
    let builds = 0;
    const build = (db: Db) => {
      builds++;
      return addPerson(db);
    };
    const compiled = client.compiledCount;
    for (const n of [1, 2, 3]) {
      const [inserted, updated] = await db.batch(batchOnce(db, "test.addPerson", build, { id: `per_b${n}`, email: `b${n}@x.test`, now: n, locale: "pl" }));
      expect(inserted).toEqual([{ id: `per_b${n}`, email: `b${n}@x.test` }]);
      expect(updated.rowsAffected).toBe(1);
    }
    expect(builds).toBe(1);
    // The driver compiled each statement's text once too.
    expect(client.compiledCount - compiled).toBe(2);
    const rows = await db.select({ id: people.id, locale: people.locale, createdAt: people.createdAt }).from(people).where(eq(people.email, "b3@x.test"));
    expect(rows).toEqual([{ id: "per_b3", locale: "pl", createdAt: 3 }]);
  });

  it("refuses a call that leaves a slot without a value, before anything is written", () => {
    expect(() => batchOnce(db, "test.addPerson", addPerson, { id: "per_x", email: "x@x.test", now: 1 })).toThrow(/locale/);
  });

  it("stays one batch: a refused bound statement leaves nothing written", async () => {
    const values = { id: "per_b1", email: "again@x.test", now: 9, locale: "en" };
    await expect(db.batch(batchOnce(db, "test.addPerson", addPerson, values))).rejects.toThrow();
    expect(await db.select().from(people).where(eq(people.email, "again@x.test"))).toEqual([]);
  });
});
