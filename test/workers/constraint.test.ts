import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../src/lib/constraint";

// D1 gives no code property: the extended code is only in its message. This pins that shape.
describe("isUniqueViolation on D1", () => {
  it("recognises a unique index refusing a row, and not a CHECK failure", async () => {
    const db = env.DB;
    await db.exec("create table if not exists constraint_probe (a int, b int check (b > 0)); create unique index if not exists constraint_probe_a on constraint_probe(a); insert or ignore into constraint_probe values (1, 1);");
    const failure = (q: string) => db.batch([db.prepare(q)]).then(() => undefined, (err: unknown) => err);
    expect(isUniqueViolation(await failure("insert into constraint_probe values (1, 1)"))).toBe(true);
    expect(isUniqueViolation(await failure("insert into constraint_probe values (2, -1)"))).toBe(false);
  });
});
