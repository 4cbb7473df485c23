// The session's one set of schemas: what the API takes and answers for creating, reading,
// changing and cancelling a session, and what the coordinator's web forms parse with.
import { z } from "@hono/zod-openapi";
import { EVENT_TYPES, type sessions } from "../../db/schema";
import { Text } from "../../lib/openapi";
import { seatsLeft } from "../../rules/capacity";
import { LocalisedTextSchema, SessionSummary, VenueSchema } from "../catalogue/schemas";

export const MAX_CAPACITY = 10_000;

/** Exported so the coordinator's web form accepts exactly what the API does. */
export const SessionCreate = z
  .object({
    startsAt: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: "Single session: start instant with offset", example: "2026-03-10T16:00:00Z" }),
    endsAt: z.iso.datetime({ offset: true }).max(40).optional().openapi({ description: "Single session: end instant with offset" }),
    start: z
      .string()
      .max(16)
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "Use London local time like 2026-03-02T10:00 (no offset)" })
      .optional()
      .openapi({ description: "Series: first start in London local time", example: "2026-03-02T10:00" }),
    durationMinutes: z.number().int().min(5).max(24 * 60).optional().openapi({ description: "Series: length of each session" }),
    rrule: Text(500, 1).optional().openapi({ description: "Series: RFC 5545 RRULE with COUNT or UNTIL (at most 100 sessions)", example: "FREQ=WEEKLY;COUNT=8" }),
    venueId: z.string().min(1).max(64).optional(),
    onlineUrl: z.url({ protocol: /^https$/, message: "Use an https:// link" }).max(500).optional(),
    capacity: z.number().int().min(1).max(MAX_CAPACITY),
  })
  .superRefine((b, ctx) => {
    const series = b.start !== undefined || b.rrule !== undefined || b.durationMinutes !== undefined;
    const need = series ? (["start", "durationMinutes", "rrule"] as const) : (["startsAt", "endsAt"] as const);
    for (const key of need) if (b[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: series ? "required for a repeating series" : "required for a single session" });
    if (series) for (const key of ["startsAt", "endsAt"] as const) if (b[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "not used with a repeating series (use start and durationMinutes)" });
  })
  .openapi("SessionCreate", { description: "Either { startsAt, endsAt } for one session, or { start, durationMinutes, rrule } for a series; and exactly one of venueId / onlineUrl." });

export const SessionDetail = SessionSummary.extend({
  seatsTaken: z.number().int(),
  sequence: z.number().int(),
  onlineUrl: z.string().nullable().optional().openapi({ description: "Shown only to coordinators and the host organisation" }),
  event: z.object({
    id: z.string(),
    type: z.enum(EVENT_TYPES),
    title: LocalisedTextSchema,
    titleText: z.string().optional(),
    hostOrganisationId: z.string(),
    minAge: z.number().int(),
    maxAge: z.number().int(),
    consentAge: z.number().int(),
    waitlistEnabled: z.boolean(),
    groupsAllowed: z.boolean(),
  }),
  venue: VenueSchema.nullable(),
}).openapi("SessionDetail");

/** A session's state after a coordinator's change or cancellation. */
export const SessionState = z
  .object({
    id: z.string(),
    eventId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venueId: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    seatsLeft: z.number().int(),
    status: z.enum(["scheduled", "cancelled"]),
    sequence: z.number().int(),
  })
  .openapi("SessionState");

const Instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date-time like 2026-05-01T14:00:00Z" }).max(40).transform((v) => Date.parse(v));

/** Exported so the coordinator's web form accepts exactly what the API does. */
export const SessionChangeBody = z
  .object({
    capacity: z.number().int().min(1).max(100_000).optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    venueId: z.string().max(64).nullable().optional(),
    onlineUrl: z.url().max(500).nullable().optional(),
  })
  .openapi("SessionChange");

export function sessionOut(s: typeof sessions.$inferSelect) {
  return {
    id: s.id,
    eventId: s.eventId,
    startsAt: new Date(s.startsAt).toISOString(),
    endsAt: new Date(s.endsAt).toISOString(),
    venueId: s.venueId,
    onlineUrl: s.onlineUrl,
    capacity: s.capacity,
    seatsTaken: s.seatsTaken,
    seatsLeft: seatsLeft(s),
    status: s.status,
    sequence: s.sequence,
  };
}


/** Why a session is called off: told to everyone booked, with the event's other dates. */
export const SessionCancelBody = z
  .object({ reason: z.string().trim().max(500).optional().openapi({ description: "Told to everyone booked, in the cancellation email", example: "The storyteller is ill." }) })
  .openapi("SessionCancel");
