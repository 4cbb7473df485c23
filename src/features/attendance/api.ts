import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { attendanceFor } from "./read";
import { checkIn, type CheckInInput } from "./check-in";
import { ticketFor } from "./ticket";
import { Attendance, BookingParams, CheckIn, CheckInBody, checkInOut, RegisterClosed } from "./schemas";
import { undoCheckIn } from "./undo";
import { closeRegister } from "./close-register";

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
        "Send `ticketCode` for a person, `groupBookingId` and `count` for a group, or `bookingId` (with `count` for a group) to check in someone from the register by name. Scanning the same ticket again is harmless: the answer is 200 with `alreadyCheckedIn: true` and the first check-in time. A ticket for another session is refused with 409 naming the right one.",
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
      const input: CheckInInput = body.ticketCode
        ? { ticketCode: body.ticketCode, count: body.count }
        : body.bookingId
          ? { bookingId: body.bookingId, count: body.count }
          : { groupBookingId: body.groupBookingId!, count: body.count! };
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

  api.openapi(
    createRoute({
      method: "delete",
      path: "/sessions/{id}/check-ins/{bookingId}",
      tags: ["attendance"],
      summary: "Undo a check-in (hosts and coordinators)",
      description: "The booking goes back to expected, and any timebank hours its check-in credited are reversed in the same write. Refused with 409 once the register is closed.",
      security: bearer,
      request: { params: BookingParams },
      responses: { 204: { description: "Undone" }, ...problemsFor(401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, bookingId } = c.req.valid("param");
      await undoCheckIn(c.var.deps, requireActor(c), id, bookingId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/register/close",
      tags: ["attendance"],
      summary: "Close the register now (hosts and coordinators)",
      description: "Records everyone not checked in as a no-show and queues the feedback invitations of everyone who came, at once instead of 2 hours after the end. Safe to repeat. Refused with 409 before the session starts.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(RegisterClosed, "Closed"), ...problemsFor(401, 403, 404, 409) },
    }),
    async (c) => c.json(await closeRegister(c.var.deps, requireActor(c), c.req.valid("param").id), 200),
  );
}
