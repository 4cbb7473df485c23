import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "./constraint";

const dir = mkdtempSync(join(tmpdir(), "open-door-constraint-"));
let client: Client;
beforeAll(async () => {
  client = createClient({ url: `file:${join(dir, "c.db")}` });
  await client.batch(["create table t (id text primary key, a int, b int check (b > 0))", "create unique index t_a on t(a)", "insert into t values ('x', 1, 1)"], "write");
});
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const failure = (statement: string) => client.batch([statement], "write").then(() => undefined, (err: unknown) => err);

describe("isUniqueViolation on libSQL", () => {
  it("recognises a unique index refusing a row by its extended code", async () => {
    expect(isUniqueViolation(await failure("insert into t values ('y', 1, 1)"))).toBe(true);
  });

  it("does not take a CHECK or primary-key failure for a duplicate", async () => {
    expect(isUniqueViolation(await failure("insert into t values ('y', 2, -1)"))).toBe(false);
    expect(isUniqueViolation(await failure("insert into t values ('x', 3, 1)"))).toBe(false);
  });

  it("does not rely on the English message: a reworded error with the code still counts, the words alone do not", () => {
    expect(isUniqueViolation(Object.assign(new Error("contrainte UNIQUE non respectée"), { extendedCode: "SQLITE_CONSTRAINT_UNIQUE" }))).toBe(true);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed: t.a"))).toBe(false);
    expect(isUniqueViolation(new Error("wrapper", { cause: Object.assign(new Error("x"), { rawCode: 2067 }) }))).toBe(true);
  });
});
