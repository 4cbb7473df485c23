// Carousels over the API (issue #18): set-up, group bookings (own school, ratio, capacity),
// plans, timetables, check-in with per-station attendance, and who may see what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { carouselVisits } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { addMember, organisation, personByEmail } from "../../../test/support/fixtures";
import { DAY } from "../../lib/time";
import { runScheduledJobs } from "../../jobs";

let h: Harness;
let coordinator: string;
let teacher: string;
let otherTeacher: string;
let hostStaff: string;
let schoolId: string;
let otherSchoolId: string;
let builderId: string;
let nurseId: string;

beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
  schoolId = (await organisation(h.db, "school", "Hillside Academy")).id;
  otherSchoolId = (await organisation(h.db, "school", "Riverside High")).id;
  builderId = (await organisation(h.db, "employer", "Northbuild")).id;
  nurseId = (await organisation(h.db, "employer", "City Health")).id;
  teacher = await h.tokenFor("teacher@hillside.test");
  otherTeacher = await h.tokenFor("teacher@riverside.test");
  hostStaff = await h.tokenFor("careers@northbuild.test");
  await addMember(h.db, schoolId, (await personByEmail(h.db, "teacher@hillside.test")).id);
  await addMember(h.db, otherSchoolId, (await personByEmail(h.db, "teacher@riverside.test")).id);
  await addMember(h.db, builderId, (await personByEmail(h.db, "careers@northbuild.test")).id);
});
afterAll(() => h.close());

type CarouselOut = { id: string; capacity: number; seatsLeft: number; stations: { id: string; name: string }[]; rounds: { round: number; startsAt: string }[] };
type GroupOut = { id: string; status: string; seats: number };

async function newCarousel(stations: { host: string; name: string; capacity: number; minAge?: number }[], extra: Record<string, unknown> = {}) {
  const res = await h.request("POST", "/api/v1/carousels", {
    token: coordinator,
    body: {
      title: "Careers carousel",
      startsAt: new Date(h.clock.now() + 14 * DAY).toISOString(),
      roundMinutes: 20,
      changeoverMinutes: 5,
      rounds: stations.length,
      stations: stations.map((s) => ({ hostOrganisationId: s.host, name: s.name, capacity: s.capacity, minAge: s.minAge ?? null })),
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CarouselOut;
}
const book = (carouselId: string, token: string, body: Record<string, unknown>) =>
  h.request("POST", `/api/v1/carousels/${carouselId}/group-bookings`, { token, body: { schoolId, label: "Year 9", pupils: 10, staff: 1, minAge: 13, maxAge: 14, ...body } });

describe("setting up a carousel", () => {
  it("lets a coordinator set stations, round length, changeover and rounds; the round times follow", async () => {
    const c = await newCarousel([
      { host: builderId, name: "Bricklaying", capacity: 30 },
      { host: nurseId, name: "Nursing", capacity: 20 },
    ]);
    expect(c.capacity).toBe(50);
    expect(c.stations.map((s) => s.name)).toEqual(["Bricklaying", "Nursing"]);
    const [r1, r2] = c.rounds;
    expect(Date.parse(r2!.startsAt) - Date.parse(r1!.startsAt)).toBe(25 * 60_000);
  });

  it("refuses anyone but a coordinator, and a school as a station's host", async () => {
    const body = { title: "x", startsAt: new Date(h.clock.now() + DAY).toISOString(), roundMinutes: 20, changeoverMinutes: 5, rounds: 1, stations: [{ hostOrganisationId: builderId, name: "x", capacity: 5 }] };
    expect((await h.request("POST", "/api/v1/carousels", { token: teacher, body })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/carousels", { body })).status).toBe(401);
    const res = await h.request("POST", "/api/v1/carousels", { token: coordinator, body: { ...body, stations: [{ hostOrganisationId: schoolId, name: "x", capacity: 5 }] } });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([{ path: "stations.0.hostOrganisationId", message: "a school can't run a station" }]);
  });
});

describe("booking a group onto a carousel", () => {
  it("takes pupils + staff places, up to the stations' total per round, and refuses the group that would overfill it", async () => {
    const c = await newCarousel([
      { host: builderId, name: "Bricklaying", capacity: 12 },
      { host: nurseId, name: "Nursing", capacity: 12 },
    ]);
    const first = await book(c.id, teacher, { pupils: 10, staff: 1 });
    expect(first.status).toBe(201);
    expect(((await first.json()) as GroupOut).seats).toBe(11);
    expect((await book(c.id, teacher, { pupils: 10, staff: 1 })).status).toBe(201);
    const third = await book(c.id, teacher, { pupils: 2, staff: 1 });
    expect(third.status).toBe(409);
    const p = await problem(third);
    expect(p.type).toMatch(/session-full$/);
    expect(p.seatsLeft).toBe(2);
  });

  it("enforces the staff ratio, as for groups (1 per 10 pupils by default)", async () => {
    const c = await newCarousel([{ host: builderId, name: "Bricklaying", capacity: 60 }]);
    const res = await book(c.id, teacher, { pupils: 25, staff: 2 });
    expect(res.status).toBe(422);
    expect((await problem(res)).staffNeeded).toBe(3);
  });

  it("lets school staff book only for their own school, and see only their own groups", async () => {
    const c = await newCarousel([{ host: builderId, name: "Bricklaying", capacity: 60 }]);
    expect((await book(c.id, otherTeacher, {})).status).toBe(403);
    expect((await book(c.id, hostStaff, {})).status).toBe(403);
    const g = (await (await book(c.id, teacher, {})).json()) as GroupOut;
    expect((await h.request("GET", `/api/v1/carousel-groups/${g.id}`, { token: otherTeacher })).status).toBe(404);
    expect((await h.request("GET", `/api/v1/carousel-groups/${g.id}/timetable`, { token: otherTeacher })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/carousel-groups/${g.id}/cancel`, { token: otherTeacher })).status).toBe(404);
    expect((await h.request("GET", `/api/v1/carousel-groups/${g.id}`, { token: teacher })).status).toBe(200);
  });

  it("refuses bookings once they have closed", async () => {
    const c = await newCarousel([{ host: builderId, name: "Bricklaying", capacity: 60 }], { bookingsCloseAt: new Date(h.clock.now() + DAY).toISOString() });
    h.clock.advance(DAY);
    try {
      expect((await book(c.id, teacher, {})).status).toBe(409);
    } finally {
      h.clock.advance(-DAY);
    }
  });

  it("frees the places when a school cancels", async () => {
    const c = await newCarousel([{ host: builderId, name: "Bricklaying", capacity: 11 }]);
    const g = (await (await book(c.id, teacher, {})).json()) as GroupOut;
    expect((await book(c.id, teacher, {})).status).toBe(409);
    expect((await h.request("POST", `/api/v1/carousel-groups/${g.id}/cancel`, { token: teacher })).status).toBe(200);
    expect((await book(c.id, teacher, {})).status).toBe(201);
  });
});

describe("the plan, timetables and the door", () => {
  it("plans every group through every station, shows each school its own groups and each host its own station, and records attendance per station round", async () => {
    const c = await newCarousel([
      { host: builderId, name: "Bricklaying", capacity: 12 },
      { host: nurseId, name: "Nursing", capacity: 12 },
    ]);
    const mine = (await (await book(c.id, teacher, { label: "Year 9 Blue" })).json()) as GroupOut;
    const theirs = (await (await book(c.id, otherTeacher, { schoolId: otherSchoolId, label: "Year 9 Red" })).json()) as GroupOut;
    expect((await h.request("POST", `/api/v1/carousels/${c.id}/plan`, { token: teacher })).status).toBe(403);
    const res = await h.request("POST", `/api/v1/carousels/${c.id}/plan`, { token: coordinator });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as { complete: boolean; groups: { groupId: string; stations: string[] }[] };
    expect(plan.complete).toBe(true);
    expect(plan.groups).toHaveLength(2);

    const schoolView = (await (await h.request("GET", `/api/v1/carousels/${c.id}/plan`, { token: teacher })).json()) as typeof plan;
    expect(schoolView.groups.map((g) => g.groupId)).toEqual([mine.id]);

    const tt = (await (await h.request("GET", `/api/v1/carousel-groups/${mine.id}/timetable`, { token: teacher })).json()) as { rows: { station: string }[] };
    expect(tt.rows.map((r) => r.station).sort()).toEqual(["Bricklaying", "Nursing"]);

    const bricks = c.stations.find((s) => s.name === "Bricklaying")!;
    const nursing = c.stations.find((s) => s.name === "Nursing")!;
    const hostTt = await h.request("GET", `/api/v1/carousel-stations/${bricks.id}/timetable`, { token: hostStaff });
    expect(hostTt.status).toBe(200);
    const rows = ((await hostTt.json()) as { rows: { groups: { label: string }[] }[] }).rows;
    expect(rows.flatMap((r) => r.groups.map((g) => g.label)).sort()).toEqual(["Year 9 Blue", "Year 9 Red"]);
    expect((await h.request("GET", `/api/v1/carousel-stations/${nursing.id}/timetable`, { token: hostStaff })).status).toBe(404);

    expect((await h.request("POST", `/api/v1/carousel-groups/${theirs.id}/check-in`, { token: teacher, body: { pupils: 9, staff: 1 } })).status).toBe(403);
    const door = await h.request("POST", `/api/v1/carousel-groups/${mine.id}/check-in`, { token: coordinator, body: { pupils: 9, staff: 1 } });
    expect(door.status).toBe(200);
    expect(await door.json()).toMatchObject({ status: "attended", checkedInPupils: 9, checkedInStaff: 1 });
    const visits = await h.db.select().from(carouselVisits).where(eq(carouselVisits.groupId, mine.id));
    expect(visits.map((v) => v.attendedPupils)).toEqual([9, 9]);
    expect((await h.request("POST", `/api/v1/carousel-groups/${mine.id}/check-in`, { token: coordinator, body: { pupils: 11, staff: 1 } })).status).toBe(400);
  });

  it("lists the stations a group misses and why when a full rotation is impossible", async () => {
    const c = await newCarousel([
      { host: builderId, name: "Bricklaying", capacity: 30, minAge: 16 },
      { host: nurseId, name: "Nursing", capacity: 30 },
    ]);
    const young = (await (await book(c.id, teacher, { minAge: 13, maxAge: 14 })).json()) as GroupOut;
    const plan = (await (await h.request("POST", `/api/v1/carousels/${c.id}/plan`, { token: coordinator })).json()) as {
      complete: boolean;
      groups: { groupId: string; missed: { stationId: string; reason: string }[] }[];
    };
    expect(plan.complete).toBe(false);
    const bricks = c.stations.find((s) => s.name === "Bricklaying")!;
    expect(plan.groups.find((g) => g.groupId === young.id)!.missed).toEqual([{ stationId: bricks.id, reason: "age" }]);
  });

  it("is planned by the minute job once bookings close, and not again until asked", async () => {
    const c = await newCarousel([{ host: builderId, name: "Bricklaying", capacity: 30 }], { bookingsCloseAt: new Date(h.clock.now() + DAY).toISOString() });
    await book(c.id, teacher, {});
    expect((await h.request("GET", `/api/v1/carousels/${c.id}/plan`, { token: coordinator })).status).toBe(404);
    h.clock.advance(DAY);
    try {
      await runScheduledJobs(h.deps);
      const first = (await (await h.request("GET", `/api/v1/carousels/${c.id}/plan`, { token: coordinator })).json()) as { plannedAt: string; complete: boolean };
      expect(first.complete).toBe(true);
      h.clock.advance(60_000);
      await runScheduledJobs(h.deps);
      const again = (await (await h.request("GET", `/api/v1/carousels/${c.id}/plan`, { token: coordinator })).json()) as { plannedAt: string };
      expect(again.plannedAt).toBe(first.plannedAt);
    } finally {
      h.clock.advance(-DAY - 60_000);
    }
  });
});
