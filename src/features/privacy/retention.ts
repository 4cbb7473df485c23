import { and, inArray, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import { bookings, carouselGroups, carousels } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import { londonToUtc, londonWallTime } from "../../lib/time";

/** The instant `months` calendar months before `now` (London calendar). */
export function monthsBefore(now: number, months: number): number {
  const w = londonWallTime(now);
  const total = w.year * 12 + (w.month - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return londonToUtc({ ...w, year, month, day: Math.min(w.day, lastDay) });
}

/**
 * Rule 14: a configurable time after a session (default 24 months) its attendees' personal
 * data is anonymised: the link to the person, access needs, guardian email and roster go;
 * the booking row stays so attendance counts and reports still add up. One UPDATE, so it is
 * idempotent and safe to run twice at once.
 */
export async function anonymiseExpiredAttendees(deps: Deps): Promise<{ anonymised: number }> {
  const cutoff = monthsBefore(deps.clock.now(), deps.config.retentionMonths);
  const rows = await deps.db
    .update(bookings)
    .set({ personId: null, accessNeeds: "", guardianEmail: null, roster: null, consentTokenHash: null, feedbackTokenHash: null, updatedAt: deps.clock.now() })
    .where(
      and(
        lt(bookings.endsAt, cutoff),
        or(isNotNull(bookings.personId), ne(bookings.accessNeeds, ""), isNotNull(bookings.guardianEmail), isNotNull(bookings.roster)),
      ),
    )
    .returning({ id: bookings.id });
  // Carousel groups the same way, from the end of the carousel's last round: who booked them and what was written about the pupils'
  // needs go; the counts per round stay for the reports.
  const groups = await deps.db
    .update(carouselGroups)
    .set({ bookedBy: null, accessNeeds: "", updatedAt: deps.clock.now() })
    .where(
      and(
        inArray(
          carouselGroups.carouselId,
          deps.db
            .select({ id: carousels.id })
            .from(carousels)
            .where(lt(sql`${carousels.startsAt} + ${carousels.rounds} * (${carousels.roundMinutes} + ${carousels.changeoverMinutes}) * 60000`, cutoff)),
        ),
        or(isNotNull(carouselGroups.bookedBy), ne(carouselGroups.accessNeeds, "")),
      ),
    )
    .returning({ id: carouselGroups.id });
  return { anonymised: rows.length + groups.length };
}
