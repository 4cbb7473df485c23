// A coordinator sets up a carousel: stations (host, capacity per round, optional age range),
// round length, changeover and number of rounds.
import { field, refuse } from "../../lib/refusal";
import { eq, inArray } from "drizzle-orm";
import { carousels, carouselStations, organisations, venues } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
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
  if (startsAt <= now) throw refuse("carousel_start_in_future", {}, { fields: [field("startsAt", "must_be_in_future")] });
  const closeAt = input.bookingsCloseAt ? Date.parse(input.bookingsCloseAt) : Math.max(now, startsAt - 7 * DAY);
  if (closeAt > startsAt) throw refuse("carousel_close_before_start", {}, { fields: [field("bookingsCloseAt", "must_be_before_start")] });
  if (input.venueId) {
    const [v] = await db.select({ id: venues.id }).from(venues).where(eq(venues.id, input.venueId)).limit(1);
    if (!v) throw refuse("carousel_venue_unknown", {}, { fields: [field("venueId", "no_such_venue_field")] });
  }
  const hostIds = [...new Set(input.stations.map((s) => s.hostOrganisationId))];
  const hosts = await db.select({ id: organisations.id, type: organisations.type }).from(organisations).where(inArray(organisations.id, hostIds));
  input.stations.forEach((s, i) => {
    const host = hosts.find((h) => h.id === s.hostOrganisationId);
    if (!host || host.type === "school") {
      throw refuse("carousel_station_host", {}, { fields: [field(`stations.${i}.hostOrganisationId`, host ? "school_cant_host" : "no_such_organisation")] });
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
