// Rule 8's "exactly one young person per slot" and the cap on future mentoring bookings,
// under real concurrency, with controls showing the races these guards close are real.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { authSessions, bookings, mentoringSlots, people, SEAT_HOLDING_STATUSES } from "../../db/schema";
import { newId, newSecret, newTicketCode, sha256Hex } from "../../lib/crypto";
import { startServer } from "../../server";
import { createHarness, type Harness } from "../../../test/support/harness";
import { makeMentor, makeOrg, makeSlot, youngPerson } from "../../../test/support/mentoring-fixtures";
import { bookingInsert } from "./booking";
import { countFutureMentoring } from "../../rules/safeguarding";

const liveOnSlot = (h: Pick<Harness, "db">, slot: string) =>
  h.db.select().from(bookings).where(and(eq(bookings.slotId, slot), inArray(bookings.status, [...SEAT_HOLDING_STATUSES])));

async function youngPeople(h: Harness, n: number) {
  const out: { token: string; personId: string }[] = [];
  for (let i = 0; i < n; i++) out.push(await youngPerson(h, "2000-01-01"));
  return out;
}

describe("one young person per slot", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  });
  afterAll(() => h.close());

  it("lets exactly one of 100 simultaneous bookings of one slot by 100 young people win; the rest get 409, none 5xx", async () => {
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), "2026-03-20T17:00:00Z");
    const crowd = await youngPeople(h, 100);
    const started = performance.now();
    const results = await Promise.all(crowd.map((yp) => h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} })));
    const ms = performance.now() - started;
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    expect(await liveOnSlot(h, slot)).toHaveLength(1);
    console.info(`[mentoring] 100 simultaneous bookings of one slot (in-process): ${Math.round(ms)} ms`);
  });

  it("holds at most 2 future mentoring bookings when one person fires 20 bookings at 3 slots at once", async () => {
    const mentor = await makeMentor(h, await makeOrg(h));
    const slots: string[] = [];
    for (const t of ["2026-03-21T10:00:00Z", "2026-03-22T10:00:00Z", "2026-03-23T10:00:00Z"]) slots.push(await makeSlot(h, mentor, t));
    const [yp] = await youngPeople(h, 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.request("POST", `/api/v1/mentoring-slots/${slots[i % 3]}/bookings`, { token: yp!.token, body: {} })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    const held = await h.db.select().from(bookings).where(and(eq(bookings.personId, yp!.personId), eq(bookings.kind, "mentoring"), inArray(bookings.status, [...SEAT_HOLDING_STATUSES])));
    expect(held).toHaveLength(2);
  });
});

describe("controls: the race is real without the guards", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  });
  afterAll(() => h.close());

  /** Book the way a naive implementation would: read that the slot is open, then write unconditionally. */
  async function readThenWrite(slot: string, personId: string) {
    const [s] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    if (s!.status !== "open") return "taken";
    const now = h.clock.now();
    try {
      await h.db.batch([
        bookingInsert(h.db, { id: newId("bkg"), slotId: slot, personId, ticketCode: newTicketCode(), guardianEmail: null, op: newId("op"), now }, sql`1 = 1`),
        h.db.update(mentoringSlots).set({ status: "booked" }).where(eq(mentoringSlots.id, slot)),
      ]);
      return "booked";
    } catch (err) {
      return /UNIQUE/i.test(String(err) + String((err as { cause?: unknown }).cause)) ? "unique" : "error";
    }
  }

  it("with neither the conditional write nor the unique index, simultaneous read-then-write bookings double-book", async () => {
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), "2026-03-20T17:00:00Z");
    const crowd = await youngPeople(h, 20);
    await h.db.run(sql`DROP INDEX bookings_one_per_slot`);
    try {
      const outcomes = await Promise.all(crowd.map((yp) => readThenWrite(slot, yp.personId)));
      expect(outcomes.filter((o) => o === "booked").length).toBeGreaterThan(1);
      expect((await liveOnSlot(h, slot)).length).toBeGreaterThan(1);
    } finally {
      await h.db.run(sql`DELETE FROM bookings WHERE slot_id = ${slot}`);
      await h.db.run(sql`CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (slot_id) WHERE kind = 'mentoring' and status not in ('cancelled')`);
    }
  });

  it("without the cap in the write's WHERE, a count-then-write burst by one person exceeds the cap of 2", async () => {
    const mentor = await makeMentor(h, await makeOrg(h));
    const slots: string[] = [];
    for (const t of ["2026-03-24T10:00:00Z", "2026-03-25T10:00:00Z", "2026-03-26T10:00:00Z"]) slots.push(await makeSlot(h, mentor, t));
    const [yp] = await youngPeople(h, 1);
    const cap = h.deps.config.maxFutureMentoringBookings;
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        if ((await countFutureMentoring(h.deps, yp!.personId)) >= cap) return;
        const now = h.clock.now();
        const b = { id: newId("bkg"), slotId: slots[i % 3]!, personId: yp!.personId, ticketCode: newTicketCode(), guardianEmail: null, op: newId("op"), now };
        // Slot-open guard kept (and the unique index), only the cap check moved out of the write.
        await h.db.batch([bookingInsert(h.db, b, sql`s.status = 'open'`), h.db.update(mentoringSlots).set({ status: "booked" }).where(eq(mentoringSlots.id, b.slotId))]).catch(() => undefined);
      }),
    );
    expect(await countFutureMentoring(h.deps, yp!.personId)).toBeGreaterThan(cap);
  });

  it("the unique index alone still stops the double booking (the backstop)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), "2026-03-21T17:00:00Z");
    const crowd = await youngPeople(h, 20);
    const outcomes = await Promise.all(crowd.map((yp) => readThenWrite(slot, yp.personId)));
    expect(outcomes.filter((o) => o === "booked")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "unique").length).toBeGreaterThan(0);
    expect(await liveOnSlot(h, slot)).toHaveLength(1);
  });

  it("the conditional write alone stops it too (index dropped, real endpoint)", async () => {
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), "2026-03-22T17:00:00Z");
    const crowd = await youngPeople(h, 20);
    await h.db.run(sql`DROP INDEX bookings_one_per_slot`);
    try {
      const results = await Promise.all(crowd.map((yp) => h.request("POST", `/api/v1/mentoring-slots/${slot}/bookings`, { token: yp.token, body: {} })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(await liveOnSlot(h, slot)).toHaveLength(1);
    } finally {
      await h.db.run(sql`CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (slot_id) WHERE kind = 'mentoring' and status not in ('cancelled')`);
    }
  });
});

describe("over real HTTP (Node server on a libSQL file)", () => {
  it("lets exactly one of 100 simultaneous HTTP bookings of one slot win, no 5xx", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "open-door-mentoring-http-"));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = await startServer({ databaseUrl: join(dir, "http.db"), port, hostname: "127.0.0.1", jobsEveryMs: 0, env: { NODE_ENV: "test" } });
    try {
      const db = server.deps.db;
      const h = { db } as unknown as Harness;
      const now = Date.now();
      const org = await makeOrg(h);
      const slot = await makeSlot(h, await makeMentor(h, org), new Date(now + 7 * 86_400_000).toISOString());
      const tokens: string[] = [];
      for (let i = 0; i < 100; i++) {
        const personId = newId("per");
        const token = `od_s_${newSecret(32)}`;
        await db.insert(people).values({ id: personId, email: `http-${i}-${personId}@example.test`, displayName: `P${i}`, dateOfBirth: "2000-01-01", isYoungPerson: true });
        await db.insert(authSessions).values({ id: newId("ses"), tokenHash: await sha256Hex(token), personId, expiresAt: now + 86_400_000 });
        tokens.push(token);
      }
      const started = performance.now();
      const statuses = await Promise.all(
        tokens.map((token) =>
          fetch(`${server.url}/api/v1/mentoring-slots/${slot}/bookings`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" }).then(
            async (r) => (await r.text(), r.status),
          ),
        ),
      );
      const ms = performance.now() - started;
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(99);
      expect(await liveOnSlot(h, slot)).toHaveLength(1);
      console.info(`[mentoring] 100 simultaneous bookings of one slot over HTTP: ${Math.round(ms)} ms`);
    } finally {
      // Let the server's post-request outbox drain finish before its database closes.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
