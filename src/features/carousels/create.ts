// A coordinator sets up a carousel: stations (host, capacity per round, optional age range),
// round length, changeover and number of rounds.
import { eq, inArray } from "drizzle-orm";
import { carousels, carouselStations, organisations, venues } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { DAY } from "../../lib/time";
import { auditInsert } from "../audit/record";

export interface StationInput {
  hostOrganisationId: string;
  name: string;
  capacity: number;
  minAge?: number | null;
  maxAge?: number | null;
}

export interface CarouselInput {
  title: string;
  venueId?: string | null;
  startsAt: string;
  roundMinutes: number;
  changeoverMinutes: number;
  rounds: number;
  pupilsPerStaff?: number;
  bookingsCloseAt?: string;
  stations: StationInput[];
}

export async function createCarousel(deps: Deps, actor: Actor, input: CarouselInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const startsAt = Date.parse(input.startsAt);
  if (startsAt <= now) throw new ProblemError("validation", "The carousel must start in the future.", { errors: [{ path: "startsAt", message: "must be in the future" }] });
  const closeAt = input.bookingsCloseAt ? Date.parse(input.bookingsCloseAt) : Math.max(now, startsAt - 7 * DAY);
  if (closeAt > startsAt) throw new ProblemError("validation", "Bookings must close before the carousel starts.", { errors: [{ path: "bookingsCloseAt", message: "must be before startsAt" }] });
  if (input.venueId) {
    const [v] = await db.select({ id: venues.id }).from(venues).where(eq(venues.id, input.venueId)).limit(1);
    if (!v) throw new ProblemError("validation", "There is no venue with that id.", { errors: [{ path: "venueId", message: "unknown venue" }] });
  }
  const hostIds = [...new Set(input.stations.map((s) => s.hostOrganisationId))];
  const hosts = await db.select({ id: organisations.id, type: organisations.type }).from(organisations).where(inArray(organisations.id, hostIds));
  input.stations.forEach((s, i) => {
    const host = hosts.find((h) => h.id === s.hostOrganisationId);
    if (!host || host.type === "school") {
      throw new ProblemError("validation", "A station is run by an employer or a partner organisation.", {
        errors: [{ path: `stations.${i}.hostOrganisationId`, message: host ? "a school can't run a station" : "unknown organisation" }],
      });
    }
  });
  const id = newId("car", now);
  const stationRows = input.stations.map((s) => ({
    id: newId("cst", now),
    carouselId: id,
    hostOrganisationId: s.hostOrganisationId,
    name: s.name,
    capacity: s.capacity,
    minAge: s.minAge ?? null,
    maxAge: s.maxAge ?? null,
    // Stations keep the order the coordinator gave them (pages list them by created_at).
    createdAt: now + 0,
  }));
  stationRows.forEach((s, i) => (s.createdAt = now + i));
  // Invariant: a carousel never exists without its stations (its capacity is their sum), and
  // the audit row is written with it.
  await db.batch([
    db.insert(carousels).values({
      id,
      title: input.title,
      venueId: input.venueId ?? null,
      startsAt,
      roundMinutes: input.roundMinutes,
      changeoverMinutes: input.changeoverMinutes,
      rounds: input.rounds,
      pupilsPerStaff: input.pupilsPerStaff ?? 10,
      bookingsCloseAt: closeAt,
      createdAt: now,
    }),
    db.insert(carouselStations).values(stationRows),
    auditInsert(db, actor, { action: "carousel.created", subjectType: "carousel", subjectId: id, detail: { stations: stationRows.length } }, now),
  ]);
  const [row] = await db.select().from(carousels).where(eq(carousels.id, id));
  return row!;
}
