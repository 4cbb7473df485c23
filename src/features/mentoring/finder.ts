import { and, asc, count, eq, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { bookings, mentoringSlots, mentors, organisations, SEAT_HOLDING_STATUSES, venues } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Person } from "../../lib/env";
import { londonDate } from "../../lib/time";
import { clashExists } from "../../rules/clash";
import { atMentoringCap, dbsValidOn, minorOn } from "../../rules/safeguarding";

export interface SlotFilters {
  from?: number;
  to?: number;
  sector?: string;
  mode?: "online" | "in_person";
  organisationId?: string;
  language?: string;
  limit?: number;
}

/**
 * Slots this young person could book right now: open, in the future, not clashing with
 * anything they hold, and (when they would be under 18 on the day) with a mentor whose DBS
 * check is valid that day. Nothing at all once they hold the maximum of future mentoring
 * bookings. Never includes meeting links: those go only to the booked young person.
 */
export async function bookableSlots(deps: Deps, person: Pick<Person, "id" | "dateOfBirth">, filters: SlotFilters) {
  const now = deps.clock.now();
  const limit = filters.limit ?? 50;
  if (await atMentoringCap(deps, person.id)) return [];

  const rows = await deps.db
    .select({
      slot: {
        id: mentoringSlots.id,
        startsAt: mentoringSlots.startsAt,
        endsAt: mentoringSlots.endsAt,
        mode: mentoringSlots.mode,
      },
      mentor: mentors,
      organisationName: organisations.name,
      venue: venues,
    })
    .from(mentoringSlots)
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .innerJoin(organisations, eq(organisations.id, mentors.organisationId))
    .leftJoin(venues, eq(venues.id, mentoringSlots.venueId))
    .where(
      and(
        eq(mentoringSlots.status, "open"),
        gt(mentoringSlots.startsAt, now),
        filters.from !== undefined ? gte(mentoringSlots.startsAt, filters.from) : undefined,
        filters.to !== undefined ? lte(mentoringSlots.startsAt, filters.to) : undefined,
        filters.mode ? eq(mentoringSlots.mode, filters.mode) : undefined,
        filters.organisationId ? eq(mentors.organisationId, filters.organisationId) : undefined,
        filters.sector ? sql`lower(${mentors.sector}) = lower(${filters.sector})` : undefined,
        filters.language ? sql`EXISTS (SELECT 1 FROM json_each(${mentors.languages}) WHERE value = ${filters.language})` : undefined,
        sql`not ${clashExists(person.id, sql`${mentoringSlots.startsAt}`, sql`${mentoringSlots.endsAt}`)}`,
      ),
    )
    .orderBy(asc(mentoringSlots.startsAt))
    .limit(500);

  return rows
    .filter((r) => {
      const day = londonDate(r.slot.startsAt);
      return !minorOn(person, day) || dbsValidOn(r.mentor, day);
    })
    .slice(0, limit);
}
