import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { LibsqlBatchError } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLocalClient, type LocalClient } from "./libsql-local";
import { groupCommit, type Connection } from "./group-commit";

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "open-door-group-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fresh(): Promise<{ client: LocalClient; path: string }> {
  const path = join(dir, `g${n++}.db`);
  const client = openLocalClient(path);
  await client.executeMultiple(`
    create table seats (id text primary key, taken integer not null, capacity integer not null);
    create table rows (id text primary key, batch integer not null);
    insert into seats values ('s', 0, 10);`);
  return { client, path };
}

const count = async (client: LocalClient, sql: string) => Number((await client.execute(sql)).rows[0]![0]);

/** Three statements: two rows, then (for the one that should fail) a row whose id is taken. */
const batchOf = (i: number, fails: boolean) => [
  { sql: "insert into rows values (?, ?)", args: [`a${i}`, i] },
  { sql: "insert into rows values (?, ?)", args: [`b${i}`, i] },
  { sql: "insert into rows values (?, ?)", args: [fails ? "a0" : `c${i}`, i] },
];

describe("group commit (src/db/group-commit.ts)", () => {
  it("commits the batches of one turn together, each all or nothing: a failing batch leaves no row and names its statement", async () => {
    const { client } = await fresh();
    const before = client.commitCount;
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => client.batch(batchOf(i, i === 7), "write")));
    expect(client.commitCount - before).toBe(1);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(19);
    const failed = outcomes[7] as PromiseRejectedResult;
    expect(failed.status).toBe("rejected");
    expect(failed.reason).toBeInstanceOf(LibsqlBatchError);
    expect((failed.reason as LibsqlBatchError).statementIndex).toBe(2);
    expect(await count(client, "select count(*) from rows where batch = 7")).toBe(0);
    expect(await count(client, "select count(*) from rows")).toBe(19 * 3);
    client.close();
  });

  it("CONTROL: the same group without its savepoints keeps the failing batch's first two rows", async () => {
    const { client } = await fresh();
    // The real unit on the real connection, with the savepoint statements made no-ops.
    const conn: Connection = {
      exec: (sql) => (/SAVEPOINT|RELEASE|ROLLBACK TO/.test(sql) ? undefined : client.connection.exec(sql)),
      get inTransaction() {
        return client.connection.inTransaction;
      },
    };
    const apply = (stmts: ReturnType<typeof batchOf>) => stmts.map((s) => client.connection.prepare(s.sql).run(s.args));
    const group = groupCommit(conn, apply, (e) => e);
    await Promise.allSettled(Array.from({ length: 20 }, (_, i) => group.submit(batchOf(i, i === 7))));
    expect(await count(client, "select count(*) from rows where batch = 7")).toBe(2);
    client.close();
  });

  it("settles a batch only once its COMMIT is visible to another connection", async () => {
    const { client, path } = await fresh();
    const other = new Database(path);
    const seen = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.batch(batchOf(i, false), "write").then(() => (other.prepare("select count(*) as n from rows where batch = ?").get(i) as { n: number }).n),
      ),
    );
    expect(seen).toEqual(Array(10).fill(3));
    other.close();
    client.close();
  });

  it("keeps a guard's invariant across the batches of a group: 50 attempts on 10 seats take exactly 10", async () => {
    const { client } = await fresh();
    const before = client.commitCount;
    const attempt = (i: number) =>
      client.batch(
        [
          { sql: "update seats set taken = taken + 1 where id = 's' and taken < capacity", args: [] },
          { sql: "insert into rows select ?, ? where changes() = 1", args: [`r${i}`, i] },
        ],
        "write",
      );
    await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(i)));
    expect(await count(client, "select taken from seats")).toBe(10);
    expect(await count(client, "select count(*) from rows")).toBe(10);
    expect(client.commitCount - before).toBeLessThan(50);
    client.close();
  });

  it("when one batch makes SQLite abandon the whole transaction, the others run again and commit", async () => {
    const { client } = await fresh();
    await client.execute("create trigger no_boom before insert on rows when new.id = 'boom' begin select raise(rollback, 'boom refused'); end");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        client.batch(i === 2 ? [{ sql: "insert into rows values ('x2', 2)", args: [] }, { sql: "insert into rows values ('boom', 2)", args: [] }] : batchOf(i, false), "write"),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain("boom refused");
    expect(await count(client, "select count(*) from rows where batch = 2")).toBe(0);
    expect(await count(client, "select count(*) from rows")).toBe(5 * 3);
    client.close();
  });

  it("a batch alone is all or nothing too", async () => {
    const { client } = await fresh();
    await client.batch(batchOf(0, false), "write");
    await expect(client.batch(batchOf(1, true), "write")).rejects.toBeInstanceOf(LibsqlBatchError);
    expect(await count(client, "select count(*) from rows")).toBe(3);
    await client.batch(batchOf(2, false), "write");
    expect(await count(client, "select count(*) from rows")).toBe(6);
    client.close();
  });

  it("commits the batches already accepted when the client closes", async () => {
    const { client, path } = await fresh();
    const pending = Array.from({ length: 3 }, (_, i) => client.batch(batchOf(i, false), "write"));
    client.close();
    await Promise.all(pending);
    const reopened = new Database(path);
    expect((reopened.prepare("select count(*) as n from rows").get() as { n: number }).n).toBe(9);
    reopened.close();
  });
});
