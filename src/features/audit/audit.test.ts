import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { auditInsert } from "./record";

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

describe("audit log", () => {
  it("refuses to update or delete an entry, at the database level", async () => {
    await auditInsert(h.db, null, { action: "test.write", subjectType: "booking", subjectId: "bkg_1" }, h.clock.now());
    const failure = (p: Promise<unknown>) => p.then(() => "changed", (err: Error) => String(err.cause ?? err));
    expect(await failure(h.db.run(sql`update audit_log set action = 'rewritten'`))).toMatch(/append-only/);
    expect(await failure(h.db.run(sql`delete from audit_log`))).toMatch(/append-only/);
    const rows = await h.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toContain("test.write");
  });

  it("lists entries newest first for coordinators, and logs that read", async () => {
    h.clock.advance(1000);
    await auditInsert(h.db, null, { action: "test.later", subjectType: "person", subjectId: "per_9" }, h.clock.now());
    const res = await h.request("GET", "/api/v1/audit-log?limit=10", { token: coordinator });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { action: string }[] };
    expect(items[0]!.action).toBe("test.later");
    const again = (await (await h.request("GET", "/api/v1/audit-log?subjectType=audit_log", { token: coordinator })).json()) as { items: { action: string }[] };
    expect(again.items[0]!.action).toBe("audit_log.read");
  });

  it("is for coordinators only", async () => {
    expect((await h.request("GET", "/api/v1/audit-log")).status).toBe(401);
    const youngPerson = await h.tokenFor("yp@example.com", { dateOfBirth: "2009-01-01", isYoungPerson: true });
    const res = await h.request("GET", "/api/v1/audit-log", { token: youngPerson });
    expect(res.status).toBe(403);
    expect((await problem(res)).detail).toMatch(/coordinators/);
  });
});
