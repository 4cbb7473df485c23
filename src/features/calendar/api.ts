import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireActor, requirePerson } from "../../lib/auth";
import type { Api, AppEnv } from "../../lib/env";
import { bearer, IdParam, json, problems, problemsFor } from "../../lib/openapi";
import { refuse } from "../../lib/refusal";
import { calendarFeed, inviteForBooking, rotateCalendarFeed } from "./feeds";

const calendar = (description: string) => ({ description, content: { "text/calendar": { schema: z.string() } } });
const CALENDAR_TYPE = "text/calendar; charset=utf-8";

const FeedFile = /^([A-Za-z0-9_-]{16,64})\.ics$/;

async function feed(c: Context<AppEnv>) {
  const match = FeedFile.exec(c.req.param("file") ?? "");
  const body = match ? await calendarFeed(c.var.deps, match[1]!) : null;
  if (!body) throw refuse("calendar_link_dead");
  // The URL is the secret: keep it out of shared caches.
  return c.body(body, 200, { "content-type": CALENDAR_TYPE, "cache-control": "private, no-store" });
}

export function registerCalendar(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/bookings/{id}/invite.ics",
      tags: ["calendar"],
      summary: "The booking's calendar invite (METHOD:REQUEST, or METHOD:CANCEL once cancelled)",
      description: "For the person who booked, staff of the group's school, and coordinators. Same UID as the emailed invites.",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: calendar("An iCalendar file"), ...problemsFor(401, 404, 409) },
    }),
    async (c) => {
      const body = await inviteForBooking(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.body(body, 200, { "content-type": CALENDAR_TYPE, "content-disposition": 'attachment; filename="invite.ics"', "cache-control": "private, no-store" });
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/me/calendar-feed",
      tags: ["calendar"],
      summary: "Create or replace your calendar subscription link",
      description: "The link is shown only in this answer. Asking again gives a new link and the old one stops working.",
      security: bearer,
      responses: {
        201: json(z.object({ url: z.string().describe("Subscribe to this in your calendar app. Keep it private.") }).openapi("CalendarFeed"), "Your new feed link"),
        ...problemsFor(401, 403),
      },
    }),
    async (c) => {
      const actor = requirePerson(c);
      return c.json({ url: await rotateCalendarFeed(c.var.deps, actor.person.id) }, 201);
    },
  );

  // The contract path ends in ".ics" after the parameter, which the router cannot express as
  // a named parameter, so the route is matched by hand and documented here.
  api.openAPIRegistry.registerPath({
    method: "get",
    path: "/calendar-feeds/{token}.ics",
    tags: ["calendar"],
    summary: "A personal calendar feed of your confirmed bookings (no sign-in: the link is the secret)",
    request: { params: z.object({ token: z.string().max(200).openapi({ param: { name: "token", in: "path" } }) }) },
    responses: { 200: calendar("An iCalendar feed"), 404: problems[404] },
  });
  api.get("/calendar-feeds/:file", feed);
}
