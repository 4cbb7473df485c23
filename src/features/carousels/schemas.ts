// Request and response shapes of the carousel API (issue #18), documented in the OpenAPI
// document by their names.
import { z } from "@hono/zod-openapi";
import { Text } from "../../lib/openapi";

const Age = z.number().int().min(11).max(25);

export const StationRequest = z
  .object({
    hostOrganisationId: z.string().min(1).max(64),
    name: Text(120, 1).openapi({ example: "Bricklaying" }),
    capacity: z.number().int().min(1).max(500).openapi({ description: "People (pupils + staff) in one round" }),
    minAge: Age.nullable().optional(),
    maxAge: Age.nullable().optional(),
  })
  .refine((s) => s.minAge == null || s.maxAge == null || s.minAge <= s.maxAge, { message: "minAge must not be above maxAge", path: ["maxAge"] })
  .openapi("CarouselStationRequest");

export const CarouselRequest = z
  .object({
    title: Text(200, 1),
    venueId: z.string().min(1).max(64).nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }).max(40).openapi({ description: "Start of round 1 (ISO 8601)" }),
    roundMinutes: z.number().int().min(5).max(180),
    changeoverMinutes: z.number().int().min(0).max(60),
    rounds: z.number().int().min(1).max(30),
    pupilsPerStaff: z.number().int().min(1).max(50).optional(),
    bookingsCloseAt: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: "Default: 7 days before the start" }),
    stations: z.array(StationRequest).min(1).max(60),
  })
  .openapi("CarouselRequest");

export const CarouselGroupRequest = z
  .object({
    schoolId: z.string().min(1).max(64),
    label: Text(80, 1).openapi({ example: "Year 9 Blue" }),
    pupils: z.number().int().min(1).max(200),
    staff: z.number().int().min(1).max(40),
    minAge: Age.openapi({ description: "Youngest pupil's age on the day" }),
    maxAge: Age.openapi({ description: "Oldest pupil's age on the day" }),
    accessNeeds: Text(1000).optional(),
  })
  .refine((g) => g.minAge <= g.maxAge, { message: "minAge must not be above maxAge", path: ["maxAge"] })
  .openapi("CarouselGroupRequest");

export const CarouselCheckInRequest = z
  .object({ pupils: z.number().int().min(0).max(200), staff: z.number().int().min(0).max(40) })
  .openapi("CarouselCheckInRequest");

export const StationSchema = z
  .object({
    id: z.string(),
    hostOrganisationId: z.string(),
    hostName: z.string(),
    name: z.string(),
    capacity: z.number().int(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
  })
  .openapi("CarouselStation");

export const RoundSchema = z.object({ round: z.number().int(), startsAt: z.string(), endsAt: z.string() }).openapi("CarouselRound");

export const CarouselSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    venueId: z.string().nullable(),
    status: z.enum(["open", "cancelled"]),
    startsAt: z.string(),
    endsAt: z.string(),
    roundMinutes: z.number().int(),
    changeoverMinutes: z.number().int(),
    rounds: z.array(RoundSchema),
    pupilsPerStaff: z.number().int(),
    bookingsCloseAt: z.string(),
    capacity: z.number().int().openapi({ description: "People in all stations in one round: the most all groups together can be" }),
    seatsTaken: z.number().int(),
    seatsLeft: z.number().int(),
    stations: z.array(StationSchema),
    plannedAt: z.string().nullable(),
  })
  .openapi("Carousel");

export const CarouselGroupSchema = z
  .object({
    id: z.string(),
    carouselId: z.string(),
    schoolId: z.string(),
    label: z.string(),
    pupils: z.number().int(),
    staff: z.number().int(),
    seats: z.number().int(),
    minAge: z.number().int(),
    maxAge: z.number().int(),
    accessNeeds: z.string(),
    status: z.enum(["confirmed", "cancelled", "attended"]),
    checkedInPupils: z.number().int().nullable(),
    checkedInStaff: z.number().int().nullable(),
  })
  .openapi("CarouselGroup");

export const PlanSchema = z
  .object({
    plannedAt: z.string().nullable(),
    complete: z.boolean(),
    optimal: z.boolean(),
    visits: z.number().int(),
    groups: z.array(
      z.object({
        groupId: z.string(),
        stations: z.array(z.string().nullable()).openapi({ description: "Station id per round; null = a round with no station" }),
        idleRounds: z.array(z.number().int()),
        missed: z.array(z.object({ stationId: z.string(), reason: z.enum(["age", "too_big", "full"]) })),
      }),
    ),
  })
  .openapi("CarouselPlan");

export const TimetableSchema = z
  .object({
    carousel: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), venue: z.string().nullable() }),
    rows: z.array(
      z.object({
        round: z.number().int(),
        startsAt: z.string(),
        endsAt: z.string(),
        stationId: z.string().nullable(),
        station: z.string().nullable(),
        host: z.string().nullable(),
        groups: z.array(z.object({ id: z.string(), label: z.string(), school: z.string(), pupils: z.number().int(), staff: z.number().int(), accessNeeds: z.string() })),
      }),
    ),
  })
  .openapi("CarouselTimetable");
