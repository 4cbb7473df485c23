// What one booking costs on D1, which bills rows read and written (issue #19): every statement
// the booking request runs is counted from the `meta` D1 returns with its result. The bench
// (bench/d1-cost.ts) runs this file and prints the two figures; the bounds here catch a change
// that makes a booking read a table instead of an index.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { d1Db } from "../../src/db/client";
import { testConfig } from "../../src/lib/config";
import { systemClock } from "../../src/lib/time";
import { devMailboxMailer } from "../../src/features/notifications/mailer";
import { session, youngPeopleWithTokens } from "../support/fixtures";

type Meta = { rows_read?: number; rows_written?: number };

/** env.DB, counting the rows every statement reports in its result's meta. */
function metered(d1: D1Database) {
  const totals = { read: 0, written: 0, statements: 0 };
  const add = (meta: Meta | undefined) => {
    totals.statements++;
    totals.read += meta?.rows_read ?? 0;
    totals.written += meta?.rows_written ?? 0;
  };
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement, text: string): D1PreparedStatement => {
    const w = {
      bind: (...args: unknown[]) => wrap(stmt.bind(...args), text),
      all: async () => {
        const r = await stmt.all();
        add(r.meta as Meta);
        return r;
      },
      run: async () => {
        const r = await stmt.run();
        add(r.meta as Meta);
        return r;
      },
      // raw() and first() answer without meta: a read is run once more as all() to count it.
      raw: async (options?: { columnNames?: boolean }) => {
        const r = await stmt.raw(options as never);
        if (/^\s*select/i.test(text)) add((await stmt.all()).meta as Meta);
        else add(undefined);
        return r;
      },
      first: async (column?: string) => {
        const r = await stmt.first(column as never);
        if (/^\s*select/i.test(text)) add((await stmt.all()).meta as Meta);
        else add(undefined);
        return r;
      },
    } as unknown as D1PreparedStatement;
    real.set(w, stmt);
    return w;
  };
  const db = {
    prepare: (text: string) => wrap(d1.prepare(text), text),
    batch: async (stmts: D1PreparedStatement[]) => {
      const results = await d1.batch(stmts.map((s) => real.get(s) ?? s));
      for (const r of results) add(r.meta as Meta);
      return results;
    },
    exec: (q: string) => d1.exec(q),
  } as unknown as D1Database;
  return { db, totals };
}

describe("one booking on D1", () => {
  it("reads and writes a bounded number of rows, whatever else is booked", async () => {
    const plain = d1Db(env.DB);
    const s = await session(plain, Date.now(), { capacity: 1000 });
    const people = await youngPeopleWithTokens(plain, Date.now(), 20);
    const { db: counted, totals } = metered(env.DB);
    const db = d1Db(counted);
    const app = createApp({ db, clock: systemClock, config: testConfig(), mailer: devMailboxMailer(db) });
    for (const p of people) {
      const res = await app.request(`/api/v1/sessions/${s.id}/bookings`, {
        method: "POST",
        headers: { authorization: `Bearer ${p.token}`, "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status).toBe(201);
    }
    const perBooking = { read: totals.read / people.length, written: totals.written / people.length, statements: totals.statements / people.length };
    console.log(`d1_rows_read_per_booking=${perBooking.read.toFixed(1)}`);
    console.log(`d1_rows_written_per_booking=${perBooking.written.toFixed(1)}`);
    console.log(`d1_statements_per_booking=${perBooking.statements.toFixed(1)}`);
    expect(perBooking.statements).toBeLessThanOrEqual(5);
    expect(perBooking.read).toBeLessThan(100);
    expect(perBooking.written).toBeLessThan(40);
  });
});
