// Book a whole series in one step (issue #14 item 6): POST /events/{id}/series-bookings.
import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, Email, IdParam, json, jsonBody, problemsFor, Text } from "../../lib/openapi";
import { enforceBookingLimit } from "../../lib/rate-limit";
import { iso } from "../../lib/time";
import { bookSeries, SERIES_MAX_DATES, SERIES_OUTCOMES } from "./series";

const SeriesRequest = z
  .object({
    personId: z.string().max(64).optional().describe("Coordinators only: book on behalf of this young person"),
    accessNeeds: Text(500).optional().describe("Anything that would help you take part, kept with every date's booking"),
    guardianEmail: Email.optional().describe("Needed when you are under the event's consent age on any date: a parent or carer gets ONE email with a yes link per date"),
  })
  .openapi("SeriesBookingRequest");

const SeriesDateOut = z
  .object({
    sessionId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    outcome: z.enum(SERIES_OUTCOMES).describe("booked, pending_consent (held while a parent or carer is asked), waitlisted (see position), clash, ineligible (age on that day), already_booked, past, cancelled, full (no waiting list), guardian_limit"),
    bookingId: z.string().optional().describe("The booking this step made for this date"),
    position: z.number().int().optional().describe("Waiting list only: the place in line (1 = next)"),
    clashingTitle: z.string().optional(),
    minAge: z.number().int().optional(),
    maxAge: z.number().int().optional(),
    age: z.number().int().optional(),
  })
  .openapi("SeriesBookingDate");

const SeriesOut = z
  .object({ eventId: z.string(), personId: z.string(), items: z.array(SeriesDateOut) })
  .openapi("SeriesBooking");

export function registerSeriesBookings(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/events/{id}/series-bookings",
      tags: ["bookings"],
      summary: "Book every upcoming date of an event in one step",
      description: `Books each upcoming date of the event (at most ${SERIES_MAX_DATES}) for the signed-in young person (coordinators may pass \`personId\`), in one write, each date under the same rules as a single booking. Answers 200 with the outcome per date: dates already past, already booked, called off or outside the age range that day are reported, not refused; a full date joins its waiting list. One email tells the young person the outcome, with one calendar invite per booked date; under the consent age, the parent or carer gets one email with a yes link per date. Refusals: 400 guardian email needed (with a field error); 404 no such event; 422 not a young person, or the guardian's address is the young person's own or a child's; 429.`,
      security: bearer,
      request: { params: IdParam, body: jsonBody(SeriesRequest) },
      responses: {
        200: json(SeriesOut, "The outcome per date"),
        ...problemsFor(400, 401, 403, 404, 422, 429),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      // One step, one use of the booking limit: the same limiter as a single booking.
      await enforceBookingLimit(c, actor);
      const result = await bookSeries(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(
        {
          eventId: result.eventId,
          personId: result.personId,
          items: result.dates.map(({ startsAt, endsAt, ...d }) => ({ ...d, startsAt: iso(startsAt), endsAt: iso(endsAt) })),
        },
        200,
      );
    },
  );
}
