// The mentoring booking batch on D1: INSERT ... SELECT guards, conditional outbox rows and
// rowsAffected must behave as they do on libSQL.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { d1Db } from "../../src/db/client";
import { authSessions, mentoringSlots, outbox, people } from "../../src/db/schema";
import { newId, newSecret, sha256Hex } from "../../src/lib/crypto";
import type { Harness } from "../support/harness";
import { makeMentor, makeOrg, makeSlot } from "../support/mentoring-fixtures";

const db = d1Db(env.DB);
const h = { db } as unknown as Harness;

async function signedInYoungPerson(dateOfBirth: string) {
  const personId = newId("per");
  const token = `od_s_${newSecret(32)}`;
  await db.insert(people).values({ id: personId, email: `${personId}@example.test`, displayName: "Young person", dateOfBirth, isYoungPerson: true });
  await db.insert(authSessions).values({ id: newId("ses"), tokenHash: await sha256Hex(token), personId, expiresAt: Date.now() + 86_400_000 });
  return token;
}

const post = (path: string, token: string) =>
  SELF.fetch(`https://opendoor.test/api/v1${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });

describe("mentoring on D1", () => {
  it("lets one of 10 simultaneous bookings win, writes its confirmations, and cancels cleanly", async () => {
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h)), new Date(Date.now() + 7 * 86_400_000).toISOString());
    const tokens = await Promise.all(Array.from({ length: 10 }, () => signedInYoungPerson("2009-01-01")));
    const results = await Promise.all(tokens.map((t) => post(`/mentoring-slots/${slot}/bookings`, t)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const winner = results.find((r) => r.status === 201)!;
    const { id } = (await winner.json()) as { id: string };
    const notices = (await db.select().from(outbox).where(eq(outbox.template, "mentoring_confirmed"))).filter((m) => m.payload.bookingId === id);
    expect(notices.map((m) => m.payload.audience).sort()).toEqual(["mentor", "safeguarding", "young_person"]);

    const cancel = await post(`/mentoring-bookings/${id}/cancel`, tokens[statuses.indexOf(201)]!);
    expect(cancel.status).toBe(200);
    const [s] = await db.select().from(mentoringSlots).where(eq(mentoringSlots.id, slot));
    expect(s!.status).toBe("open");
  });

  it("refuses an under-18 whose mentor has no DBS check", async () => {
    const slot = await makeSlot(h, await makeMentor(h, await makeOrg(h), { dbs: null }), new Date(Date.now() + 8 * 86_400_000).toISOString());
    expect((await post(`/mentoring-slots/${slot}/bookings`, await signedInYoungPerson("2009-01-01"))).status).toBe(422);
  });
});
