// Issue #18 / rules 1 and 19 under real concurrency: 200 schools book groups onto one carousel
// at once, over HTTP, with a network round trip per statement (as on D1 and Turso). The live
// groups' seats never exceed the stations' total per round; the CONTROL, the same race
// against a read-then-write booking without the guard, overfills.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { serve } from "@hono/node-server";
import { carouselGroups } from "../src/db/schema";
import { createApp } from "../src/app";
import { libsqlDb, type Db } from "../src/db/client";
import { openLibsqlFile } from "../src/db/libsql-node";
import { devMailboxMailer } from "../src/features/notifications/mailer";
import { createCarousel } from "../src/features/carousels/create";
import { testConfig } from "../src/lib/config";
import { DAY, systemClock } from "../src/lib/time";
import { addMember, organisation, personByEmail, signedIn } from "./support/fixtures";
import { freePort } from "./support/free-port";
import { withNetworkLatency } from "./support/latency";
import { COORDINATOR } from "./support/harness";
import { startSite, type Site } from "./support/site";
import { serveUnguardedCarousel } from "./support/unguarded-carousel";

const CAPACITY = 4 * 25; // four stations of 25 people per round
let site: Site;
let slowDb: Db;
let url: string;
let stop: () => Promise<void>;
let closeClient: () => void;
const db = () => site.server.deps.db;

beforeAll(async () => {
  site = await startSite("carousel-race", { seed: false, coordinatorEmail: COORDINATOR });
  const { client } = await openLibsqlFile(site.databaseUrl);
  slowDb = libsqlDb(withNetworkLatency(client));
  closeClient = () => client.close();
  const app = createApp({ db: slowDb, clock: systemClock, config: testConfig(), mailer: devMailboxMailer(slowDb) });
  const port = await freePort();
  const http = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => http.once("listening", () => resolve()));
  url = `http://127.0.0.1:${port}`;
  stop = () => new Promise<void>((resolve) => http.close(() => resolve()));
}, 60_000);
afterAll(async () => {
  await stop?.();
  closeClient?.();
  await site?.close();
});

async function carousel() {
  await signedIn(db(), Date.now(), COORDINATOR);
  const coordinatorActor = { kind: "person" as const, person: await personByEmail(db(), COORDINATOR), isCoordinator: true, organisationIds: [], authSessionId: "test" };
  const hosts = await Promise.all([1, 2, 3, 4].map(() => organisation(db(), "employer")));
  return createCarousel(site.server.deps, coordinatorActor, {
    title: "Race carousel",
    startsAt: new Date(Date.now() + 14 * DAY).toISOString(),
    roundMinutes: 20,
    changeoverMinutes: 5,
    rounds: 4,
    stations: hosts.map((h, i) => ({ hostOrganisationId: h.id, name: `Station ${i}`, capacity: 25 })),
  });
}

/** 200 schools, each with one signed-in member of staff. */
async function schoolsWithStaff(n: number) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const school = await organisation(db(), "school");
      const email = `staff-${i}-${school.id}@school.test`;
      const token = await signedIn(db(), Date.now(), email);
      await addMember(db(), school.id, (await personByEmail(db(), email)).id);
      return { schoolId: school.id, token, pupils: 3 + (i % 7) };
    }),
  );
}

const seatsOf = async (carouselId: string) =>
  Number(
    (
      await db()
        .select({ n: sql<number>`coalesce(sum(${carouselGroups.seats}), 0)` })
        .from(carouselGroups)
        .where(and(eq(carouselGroups.carouselId, carouselId), inArray(carouselGroups.status, ["confirmed", "attended"])))
    )[0]!.n,
  );

async function warmUp(base: string, n = 200) {
  await Promise.all(Array.from({ length: n }, async () => (await fetch(`${base}/healthz`)).text()));
}

describe("200 simultaneous group bookings on one carousel", () => {
  it("never exceed the stations' total capacity per round", async () => {
    const c = await carousel();
    const schools = await schoolsWithStaff(200);
    await warmUp(url);
    const results = await Promise.all(
      schools.map(async (s) => {
        const res = await fetch(`${url}/api/v1/carousels/${c.id}/group-bookings`, {
          method: "POST",
          headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
          body: JSON.stringify({ schoolId: s.schoolId, label: "Year 9", pupils: s.pupils, staff: 1, minAge: 13, maxAge: 14 }),
        });
        return { status: res.status, seats: s.pupils + 1 };
      }),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const booked = results.filter((r) => r.status === 201);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    const taken = await seatsOf(c.id);
    console.log(`[race] ${booked.length} of 200 groups booked, ${taken} of ${CAPACITY} places`);
    expect(taken).toBeLessThanOrEqual(CAPACITY);
    expect(booked.reduce((n, r) => n + r.seats, 0)).toBe(taken);
    // Not under-filled either: every refused group was larger than what was left.
    const smallest = Math.min(...results.map((r) => r.seats));
    expect(CAPACITY - taken).toBeLessThan(smallest + 6);
  });

  it("CONTROL: the same race against a read-then-write booking without the guard overfills", async () => {
    const c = await carousel();
    const schools = await schoolsWithStaff(200);
    const control = await serveUnguardedCarousel(slowDb, await freePort());
    try {
      await warmUp(control.url);
      await Promise.all(schools.map((s) => fetch(`${control.url}/unguarded/${c.id}/${s.schoolId}/${s.pupils}`, { method: "POST" }).then((r) => r.text())));
      const taken = await seatsOf(c.id);
      console.log(`[race] control without the guard took ${taken} of ${CAPACITY} places`);
      expect(taken).toBeGreaterThan(CAPACITY);
    } finally {
      await control.close();
    }
  });
});
