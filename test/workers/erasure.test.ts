// Erasure on D1: the one batch (conditional seat release, offers, json_extract on the outbox,
// anonymisation) must behave as it does on libSQL.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { d1Db } from "../../src/db/client";
import { auditLog, bookings, people } from "../../src/db/schema";
import { checkSeatAccounting } from "../../src/rules/capacity";
import { session, youngPeopleWithTokens } from "../support/fixtures";

const db = d1Db(env.DB);
const call = (method: string, path: string, token: string, body?: unknown) =>
  SELF.fetch(`https://opendoor.test/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("erasure on D1", () => {
  it("anonymises the person, offers their seat to the first in line and signs them out", async () => {
    const s = await session(db, Date.now(), { capacity: 1 });
    const [leaver, waiting] = await youngPeopleWithTokens(db, Date.now(), 2);
    const mine = (await (await call("POST", `/sessions/${s.id}/bookings`, leaver!.token, { accessNeeds: "Quiet room" })).json()) as { id: string };
    const queued = (await (await call("POST", `/sessions/${s.id}/bookings`, waiting!.token, {})).json()) as { id: string; status: string };
    expect(queued.status).toBe("waitlisted");

    expect((await call("DELETE", "/me", leaver!.token)).status).toBe(204);
    const [person] = await db.select().from(people).where(eq(people.id, leaver!.id));
    expect(person).toMatchObject({ email: `erased+${leaver!.id}@invalid`, displayName: "Erased", dateOfBirth: null });
    expect((await db.select().from(bookings).where(eq(bookings.id, mine.id)))[0]).toMatchObject({ status: "cancelled", accessNeeds: "" });
    expect((await db.select().from(bookings).where(eq(bookings.id, queued.id)))[0]!.status).toBe("offered");
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, leaver!.id))).toHaveLength(1);
    expect(await checkSeatAccounting(db)).toEqual([]);
    expect((await call("GET", "/me", leaver!.token)).status).toBe(401);
  });
});
