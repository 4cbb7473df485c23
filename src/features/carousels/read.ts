// Queries the carousel API and the website share: a carousel with its stations and seats, the
// plan, and timetables per group (teacher) and per station (employer).
import { refuse } from "../../lib/refusal";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { carouselGroups, carousels, carouselStations, carouselVisits, organisations, venues, type Carousel, type CarouselGroup } from "../../db/schema";
import { actsFor, isCoordinator } from "../../lib/auth";
import type { Actor } from "../../lib/env";
import { iso, isoOrNull } from "../../lib/time";
import type { CarouselPlan } from "../../rules/carousel";

const MINUTE = 60_000;

/** Start and end of each round: rounds follow each other with the changeover between them. */
export function roundTimes(c: Pick<Carousel, "startsAt" | "roundMinutes" | "changeoverMinutes" | "rounds">) {
  return Array.from({ length: c.rounds }, (_, i) => {
    const startsAt = c.startsAt + i * (c.roundMinutes + c.changeoverMinutes) * MINUTE;
    return { round: i + 1, startsAt, endsAt: startsAt + c.roundMinutes * MINUTE };
  });
}

export const carouselEndsAt = (c: Carousel) => roundTimes(c).at(-1)?.endsAt ?? c.startsAt;

/** Seats held by live groups: confirmed or checked in. The capacity guard counts the same rows. */
export const seatsTakenSql = (carouselId: string) =>
  sql`(select coalesce(sum(seats), 0) from carousel_groups where carousel_id = ${carouselId} and status in ('confirmed', 'attended'))`;
/** People all stations hold in one round: every group is at some station in every round. */
export const capacitySql = (carouselId: string) => sql`(select coalesce(sum(capacity), 0) from carousel_stations where carousel_id = ${carouselId})`;

export async function loadCarousel(db: Db, id: string) {
  const [row] = await db.select().from(carousels).where(eq(carousels.id, id)).limit(1);
  if (!row) throw refuse("no_such_carousel");
  return row;
}

export async function stationsOf(db: Db, carouselId: string) {
  return db
    .select({ station: carouselStations, hostName: organisations.name })
    .from(carouselStations)
    .innerJoin(organisations, eq(organisations.id, carouselStations.hostOrganisationId))
    .where(eq(carouselStations.carouselId, carouselId))
    .orderBy(asc(carouselStations.createdAt), asc(carouselStations.id));
}

export async function liveGroupsOf(db: Db, carouselId: string) {
  return db
    .select()
    .from(carouselGroups)
    .where(and(eq(carouselGroups.carouselId, carouselId), inArray(carouselGroups.status, ["confirmed", "attended"])))
    .orderBy(asc(carouselGroups.createdAt), asc(carouselGroups.id));
}

export async function carouselView(db: Db, row: Carousel) {
  const stations = await stationsOf(db, row.id);
  const [{ taken }] = (await db
    .select({ taken: sql<number>`coalesce(sum(${carouselGroups.seats}), 0)` })
    .from(carouselGroups)
    .where(and(eq(carouselGroups.carouselId, row.id), inArray(carouselGroups.status, ["confirmed", "attended"])))) as [{ taken: number }];
  const capacity = stations.reduce((n, s) => n + s.station.capacity, 0);
  return {
    id: row.id,
    title: row.title,
    venueId: row.venueId,
    status: row.status,
    startsAt: iso(row.startsAt),
    endsAt: iso(carouselEndsAt(row)),
    roundMinutes: row.roundMinutes,
    changeoverMinutes: row.changeoverMinutes,
    rounds: roundTimes(row).map((r) => ({ round: r.round, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt) })),
    pupilsPerStaff: row.pupilsPerStaff,
    bookingsCloseAt: iso(row.bookingsCloseAt),
    capacity,
    seatsTaken: Number(taken),
    seatsLeft: Math.max(0, capacity - Number(taken)),
    stations: stations.map(({ station: s, hostName }) => ({
      id: s.id,
      hostOrganisationId: s.hostOrganisationId,
      hostName,
      name: s.name,
      capacity: s.capacity,
      minAge: s.minAge,
      maxAge: s.maxAge,
    })),
    plannedAt: isoOrNull(row.plannedAt),
  };
}

export type CarouselView = Awaited<ReturnType<typeof carouselView>>;

export async function listCarousels(db: Db) {
  const rows = await db.select().from(carousels).orderBy(asc(carousels.startsAt), asc(carousels.id));
  return Promise.all(rows.map((r) => carouselView(db, r)));
}

export function groupOut(g: CarouselGroup) {
  return {
    id: g.id,
    carouselId: g.carouselId,
    schoolId: g.schoolId,
    label: g.label,
    pupils: g.pupils,
    staff: g.staff,
    seats: g.seats,
    minAge: g.minAge,
    maxAge: g.maxAge,
    accessNeeds: g.accessNeeds,
    status: g.status,
    checkedInPupils: g.checkedInPupils,
    checkedInStaff: g.checkedInStaff,
  };
}

/** A group booking the caller may see: its school's staff (or API key) and coordinators. */
export async function loadVisibleGroup(db: Db, actor: Actor | null, groupId: string) {
  const [g] = await db.select().from(carouselGroups).where(eq(carouselGroups.id, groupId)).limit(1);
  // Someone else's group is "not found", not "forbidden": ids must not confirm they exist.
  if (!g || !actsFor(actor, g.schoolId)) throw refuse("no_such_carousel_group");
  return g;
}

/** A station the caller may see: its host's staff (or API key) and coordinators. */
export async function loadVisibleStation(db: Db, actor: Actor | null, stationId: string) {
  const [s] = await db.select().from(carouselStations).where(eq(carouselStations.id, stationId)).limit(1);
  if (!s || !actsFor(actor, s.hostOrganisationId)) throw refuse("no_such_carousel_station");
  return s;
}

/** The groups a school has on carousels (newest carousel first), for the school's staff area. */
export async function groupsOfSchools(db: Db, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({ group: carouselGroups, carousel: carousels })
    .from(carouselGroups)
    .innerJoin(carousels, eq(carousels.id, carouselGroups.carouselId))
    .where(inArray(carouselGroups.schoolId, schoolIds))
    .orderBy(asc(carousels.startsAt), asc(carouselGroups.id));
}

/** The stations an organisation runs, with their carousel, for the host's staff area. */
export async function stationsOfHosts(db: Db, hostIds: string[]) {
  if (hostIds.length === 0) return [];
  return db
    .select({ station: carouselStations, carousel: carousels })
    .from(carouselStations)
    .innerJoin(carousels, eq(carousels.id, carouselStations.carouselId))
    .where(inArray(carouselStations.hostOrganisationId, hostIds))
    .orderBy(asc(carousels.startsAt), asc(carouselStations.id));
}

export function storedPlan(row: Carousel): (CarouselPlan & { plannedAt: string | null }) | null {
  if (!row.plan) return null;
  return { ...(row.plan as unknown as CarouselPlan), plannedAt: isoOrNull(row.plannedAt) };
}

/** The plan as the caller may see it: coordinators all of it, a school its own groups only. */
export function planFor(actor: Actor | null, row: Carousel, schoolOf: Map<string, string>) {
  const plan = storedPlan(row);
  if (!plan) return null;
  if (isCoordinator(actor)) return plan;
  return { ...plan, groups: plan.groups.filter((g) => actsFor(actor, schoolOf.get(g.groupId) ?? "")) };
}

async function timetableHead(db: Db, row: Carousel) {
  const [v] = row.venueId ? await db.select().from(venues).where(eq(venues.id, row.venueId)).limit(1) : [];
  return { id: row.id, title: row.title, startsAt: iso(row.startsAt), venue: v ? `${v.name}, ${v.address}, ${v.postcode}` : null };
}

/** Where one group is each round (the teacher's timetable), from the stored visits. */
export async function groupTimetable(db: Db, group: CarouselGroup) {
  const row = await loadCarousel(db, group.carouselId);
  const [school] = await db.select().from(organisations).where(eq(organisations.id, group.schoolId)).limit(1);
  const visits = await db
    .select({ visit: carouselVisits, station: carouselStations, hostName: organisations.name })
    .from(carouselVisits)
    .innerJoin(carouselStations, eq(carouselStations.id, carouselVisits.stationId))
    .innerJoin(organisations, eq(organisations.id, carouselStations.hostOrganisationId))
    .where(eq(carouselVisits.groupId, group.id));
  const byRound = new Map(visits.map((v) => [v.visit.round, v]));
  const me = { id: group.id, label: group.label, school: school?.name ?? "", pupils: group.pupils, staff: group.staff, accessNeeds: group.accessNeeds };
  return {
    carousel: await timetableHead(db, row),
    planned: row.plannedAt !== null,
    rows: roundTimes(row).map((r) => {
      const v = byRound.get(r.round);
      return {
        round: r.round,
        startsAt: iso(r.startsAt),
        endsAt: iso(r.endsAt),
        stationId: v?.station.id ?? null,
        station: v?.station.name ?? null,
        host: v?.hostName ?? null,
        groups: [me],
      };
    }),
  };
}

/** Which groups come to one station each round, with their access needs (the employer's timetable). */
export async function stationTimetable(db: Db, stationId: string) {
  const [s] = await db
    .select({ station: carouselStations, hostName: organisations.name })
    .from(carouselStations)
    .innerJoin(organisations, eq(organisations.id, carouselStations.hostOrganisationId))
    .where(eq(carouselStations.id, stationId))
    .limit(1);
  if (!s) throw refuse("no_such_carousel_station");
  const row = await loadCarousel(db, s.station.carouselId);
  const visits = await db
    .select({ visit: carouselVisits, group: carouselGroups, school: organisations.name })
    .from(carouselVisits)
    .innerJoin(carouselGroups, eq(carouselGroups.id, carouselVisits.groupId))
    .innerJoin(organisations, eq(organisations.id, carouselGroups.schoolId))
    .where(eq(carouselVisits.stationId, stationId))
    .orderBy(asc(carouselVisits.round), asc(carouselGroups.id));
  return {
    carousel: await timetableHead(db, row),
    planned: row.plannedAt !== null,
    rows: roundTimes(row).map((r) => ({
      round: r.round,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      stationId: s.station.id,
      station: s.station.name,
      host: s.hostName,
      groups: visits
        .filter((v) => v.visit.round === r.round)
        .map((v) => ({ id: v.group.id, label: v.group.label, school: v.school, pupils: v.group.pupils, staff: v.group.staff, accessNeeds: v.group.accessNeeds })),
    })),
  };
}

export type Timetable = Awaited<ReturnType<typeof groupTimetable>>;

/** Groups on a carousel with their school's name, for the coordinator's page. */
export async function groupsWithSchools(db: Db, carouselId: string) {
  return db
    .select({ group: carouselGroups, school: organisations.name })
    .from(carouselGroups)
    .innerJoin(organisations, eq(organisations.id, carouselGroups.schoolId))
    .where(eq(carouselGroups.carouselId, carouselId))
    .orderBy(asc(carouselGroups.createdAt), asc(carouselGroups.id));
}

/** Who may run a station (employers and partners), and where a carousel may be, for the set-up form. */
export async function setUpChoices(db: Db) {
  const [hosts, places] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.type, ["employer", "community"])).orderBy(asc(organisations.name)),
    db.select({ id: venues.id, name: venues.name }).from(venues).orderBy(asc(venues.name)),
  ]);
  return { hosts, venues: places };
}

/** The schools among some organisations (the signed-in person's), for the booking form. */
export async function schoolsAmong(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.type, "school")))
    .orderBy(asc(organisations.name));
}
