// Reading group bookings for school staff: their school's groups, one group, and the sessions open
// to groups. Every caller has already checked that the person acts for the school.
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, sessions, venues } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { loadVisibleBooking } from "../bookings/lookups";

/** Enough for a page to stay well under 60 KB on a slow phone. */
const LIST_LIMIT = 100;

/** A school's live group bookings that have not finished, soonest first. */
export function schoolGroups(db: Db, schoolId: string, now: number) {
  return db
    .select({ booking: bookings, session: sessions, event: events, venueName: venues.name })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(eq(bookings.organisationId, schoolId), eq(bookings.kind, "group"), inArray(bookings.status, ["confirmed", "attended"]), gt(bookings.endsAt, now)))
    .orderBy(asc(bookings.startsAt))
    .limit(LIST_LIMIT);
}

/** Scheduled sessions still to come whose event takes school groups. */
export function groupFriendlySessions(db: Db, now: number) {
  return db
    .select({ session: sessions, event: events })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(and(eq(events.groupsAllowed, true), eq(sessions.status, "scheduled"), gt(sessions.startsAt, now)))
    .orderBy(asc(sessions.startsAt))
    .limit(LIST_LIMIT);
}

/** One group booking with its session and event (the caller checks who may see it). */
export async function groupBooking(db: Db, bookingId: string) {
  const [row] = await db
    .select({ booking: bookings, session: sessions, event: events, venueName: venues.name })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.kind, "group")))
    .limit(1);
  return row ?? null;
}

/** A group booking visible to the caller (school staff, coordinators), for the group routes. */
export async function loadGroupBooking(deps: Deps, actor: Actor, bookingId: string) {
  const b = await loadVisibleBooking(deps, actor, bookingId);
  if (b.kind !== "group") throw refuse("no_such_group_booking");
  return b;
}
