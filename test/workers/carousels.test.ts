// Carousels (issue #18, rules 1 and 19) on the real runtime: the group booking's guarded
// INSERT ... SELECT, the plan and a check-in, on D1 in workerd.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { d1Db } from "../../src/db/client";
import { carouselGroups } from "../../src/db/schema";
import { DAY } from "../../src/lib/time";
import { addMember, organisation, personByEmail, signedIn } from "../support/fixtures";

const db = d1Db(env.DB);
const COORDINATOR = "coordinator@opendoor.test";

const call = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await SELF.fetch(`https://opendoor.test/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function schoolStaff(i: number) {
  const school = await organisation(db, "school");
  const email = `d1-car-${i}-${school.id}@school.test`;
  const token = await signedIn(db, Date.now(), email);
  await addMember(db, school.id, (await personByEmail(db, email)).id);
  return { schoolId: school.id, token };
}

describe("carousels on D1", () => {
  it("never books more than the stations hold per round when 30 schools race, then plans and checks in", async () => {
    const coordinator = await signedIn(db, Date.now(), COORDINATOR);
    const hosts = await Promise.all([1, 2].map(() => organisation(db, "employer")));
    const created = await call("POST", "/carousels", coordinator, {
      title: "D1 carousel",
      startsAt: new Date(Date.now() + 14 * DAY).toISOString(),
      roundMinutes: 20,
      changeoverMinutes: 5,
      rounds: 2,
      stations: hosts.map((h, i) => ({ hostOrganisationId: h.id, name: `Station ${i}`, capacity: 20 })),
    });
    expect(created.status).toBe(201);
    const carouselId = created.body.id as string;

    const schools = await Promise.all(Array.from({ length: 30 }, (_, i) => schoolStaff(i)));
    const results = await Promise.all(
      schools.map((s) => call("POST", `/carousels/${carouselId}/group-bookings`, s.token, { schoolId: s.schoolId, label: "Year 9", pupils: 5, staff: 1, minAge: 13, maxAge: 14 })),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    // Two stations of 20 per round: six groups of 6 fit (36 of 40); a seventh would not.
    expect(results.filter((r) => r.status === 201)).toHaveLength(6);
    const [taken] = await db
      .select({ seats: sql<number>`coalesce(sum(${carouselGroups.seats}), 0)` })
      .from(carouselGroups)
      .where(and(eq(carouselGroups.carouselId, carouselId), inArray(carouselGroups.status, ["confirmed", "attended"])));
    expect(Number(taken?.seats)).toBe(36);

    const plan = await call("POST", `/carousels/${carouselId}/plan`, coordinator);
    expect(plan.status).toBe(200);
    expect((plan.body.groups as unknown[]).length).toBe(6);

    const groupId = results.find((r) => r.status === 201)!.body.id as string;
    const checkedIn = await call("POST", `/carousel-groups/${groupId}/check-in`, coordinator, { pupils: 4, staff: 1 });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body).toMatchObject({ status: "attended" });
  });
});
