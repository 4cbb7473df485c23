import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { attendanceFor, EXPECTED_STATUSES } from "./read";
import { checkIn, type CheckInInput, type CheckInResult } from "./check-in";
import { ticketFor } from "./ticket";

// One object rather than a union, so a mistake is reported against the field that has it.
const CheckInBody = z
  .object({
    ticketCode: Text(32, 1).optional().describe("The code in the QR ticket (dashes, spaces and case do not matter)"),
    groupBookingId: z.string().min(1).max(64).optional().describe("A group booking, checked in by head count"),
    count: z.number().int().min(1).max(1000).optional().describe("How many of the group arrived (at most pupils + staff): required for a group"),
  })
  .superRefine((body, ctx) => {
    if (!body.ticketCode === !body.groupBookingId) {
      ctx.addIssue({ code: "custom", path: ["ticketCode"], message: "Send either ticketCode or groupBookingId" });
    }
    if (body.groupBookingId && body.count === undefined) {
      ctx.addIssue({ code: "custom", path: ["count"], message: "Give the head count for a group" });
    }
  })
  .openapi("CheckInRequest");

const CheckIn = z
  .object({
    bookingId: z.string(),
    sessionId: z.string(),
    kind: z.enum(["individual", "group"]),
    name: z.string().describe("First name, or the school's name for a group"),
    seats: z.number().int(),
    checkedInCount: z.number().int(),
    checkedInAt: z.string().describe("When this booking was FIRST checked in"),
    alreadyCheckedIn: z.boolean().describe("True when this scan repeated an earlier one: nothing changed but a group's head count"),
    accessNeeds: z.string(),
  })
  .openapi("CheckIn");

const Tally = z.object({ bookings: z.number().int(), checkedIn: z.number().int(), expectedSeats: z.number().int(), checkedInSeats: z.number().int() });
const Attendance = z
  .object({
    sessionId: z.string(),
    eventId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    counts: z.object({
      expectedSeats: z.number().int(),
      checkedInSeats: z.number().int(),
      stillToArrive: z.number().int(),
      noShows: z.number().int(),
      individuals: Tally,
      groups: Tally,
    }),
    attendees: z.array(
      z.object({
        bookingId: z.string(),
        kind: z.enum(["individual", "group"]),
        name: z.string().describe("First name only; the school's name for a group"),
        pupils: z.number().int(),
        staff: z.number().int(),
        seats: z.number().int(),
        status: z.enum(EXPECTED_STATUSES),
        accessNeeds: z.string(),
        roster: z.array(z.string()).nullable(),
        checkedInAt: z.string().nullable(),
        checkedInCount: z.number().int(),
      }),
    ),
    accessNeeds: z.array(z.object({ name: z.string(), accessNeeds: z.string() })).describe("Only the bookings that told us of a need, to prepare for"),
  })
  .openapi("Attendance");

const checkInOut = (r: CheckInResult) => ({ ...r, checkedInAt: iso(r.checkedInAt) });

export function registerAttendance(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/bookings/{id}/ticket.svg",
      tags: ["attendance"],
      summary: "The booking's ticket as a QR code (SVG)",
      description: "The QR code holds the booking's opaque ticket code. For the young person who booked, the school's staff for a group, and coordinators.",
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: { description: "An SVG image", content: { "image/svg+xml": { schema: z.string() } } },
        ...problemsFor(401, 404, 409),
      },
    }),
    async (c) => {
      const { svg } = await ticketFor(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.body(svg, 200, {
        "content-type": "image/svg+xml; charset=utf-8",
        // The code lets its holder in: no shared caches, no scripts if opened directly.
        "cache-control": "private, no-store",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "x-content-type-options": "nosniff",
      });
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/check-ins",
      tags: ["attendance"],
      summary: "Check someone in (hosts and coordinators)",
      description:
        "Send `ticketCode` for a person, or `groupBookingId` and `count` for a group. Scanning the same ticket again is harmless: the answer is 200 with `alreadyCheckedIn: true` and the first check-in time. A ticket for another session is refused with 409 naming the right one.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(CheckInBody) },
      responses: {
        200: json(CheckIn, "Already checked in: nothing changed"),
        201: json(CheckIn, "Checked in"),
        ...problemsFor(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const input: CheckInInput = body.ticketCode ? { ticketCode: body.ticketCode, count: body.count } : { groupBookingId: body.groupBookingId!, count: body.count! };
      const result = await checkIn(c.var.deps, requireActor(c), c.req.valid("param").id, input);
      return result.alreadyCheckedIn ? c.json(checkInOut(result), 200) : c.json(checkInOut(result), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions/{id}/attendance",
      tags: ["attendance"],
      summary: "Who is expected, who is in, and what to prepare for (hosts and coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(Attendance, "Attendance"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const { session, event, attendees, counts } = await attendanceFor(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json(
        {
          sessionId: session.id,
          eventId: event.id,
          title: event.title.en,
          startsAt: iso(session.startsAt),
          endsAt: iso(session.endsAt),
          counts,
          attendees: attendees.map((a) => ({ ...a, checkedInAt: isoOrNull(a.checkedInAt) })),
          accessNeeds: attendees.filter((a) => a.accessNeeds.trim() !== "").map((a) => ({ name: a.name, accessNeeds: a.accessNeeds })),
        },
        200,
      );
    },
  );
}
