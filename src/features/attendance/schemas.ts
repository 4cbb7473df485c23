// The attendance API's request and response shapes (check-in, the list at the door).
import { z } from "@hono/zod-openapi";
import { Text } from "../../lib/openapi";
import { iso } from "../../lib/time";
import { EXPECTED_STATUSES } from "./read";
import { type CheckInResult } from "./check-in";

// One object rather than a union, so a mistake is reported against the field that has it.
export const CheckInBody = z
  .object({
    ticketCode: Text(32, 1).optional().describe("The code in the QR ticket (dashes, spaces and case do not matter)"),
    groupBookingId: z.string().min(1).max(64).optional().describe("A group booking, checked in by head count"),
    bookingId: z.string().min(1).max(64).optional().describe("Anyone on the register, by their booking (the door's list, for someone without their code); a group also needs count"),
    count: z.number().int().min(1).max(1000).optional().describe("How many of the group arrived (at most pupils + staff): required for a group"),
  })
  .superRefine((body, ctx) => {
    if ([body.ticketCode, body.groupBookingId, body.bookingId].filter(Boolean).length !== 1) {
      ctx.addIssue({ code: "custom", path: ["ticketCode"], message: "Send one of ticketCode, groupBookingId or bookingId" });
    }
    if (body.groupBookingId && body.count === undefined) {
      ctx.addIssue({ code: "custom", path: ["count"], message: "Give the head count for a group" });
    }
  })
  .openapi("CheckInRequest");

export const CheckIn = z
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

export const Tally = z.object({ bookings: z.number().int(), checkedIn: z.number().int(), expectedSeats: z.number().int(), checkedInSeats: z.number().int() });

export const Attendance = z
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

export const checkInOut = (r: CheckInResult) => ({ ...r, checkedInAt: iso(r.checkedInAt) });

export const BookingParams = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }),
  bookingId: z.string().min(1).max(64).openapi({ param: { name: "bookingId", in: "path" } }),
});

export const RegisterClosed = z
  .object({
    noShows: z.number().int().describe("Bookings nobody checked in, now recorded as no-shows"),
    invited: z.number().int().describe("People who came, now invited to give feedback"),
  })
  .openapi("RegisterClosed");
