// Reading mentoring for the booking form and the finder: one open slot, and the choices mentors offer.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { mentoringSlots, mentors, venues } from "../../db/schema";

/** One slot with its mentor and place, for the mentoring booking form. */
export async function slotDetails(db: Db, slotId: string) {
  const [row] = await db
    .select({ slot: mentoringSlots, mentor: mentors, venue: venues })
    .from(mentoringSlots)
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .leftJoin(venues, eq(venues.id, mentoringSlots.venueId))
    .where(and(eq(mentoringSlots.id, slotId), eq(mentoringSlots.status, "open")))
    .limit(1);
  return row ?? null;
}

/** The sectors and languages mentors offer, for the finder's choices. */
export async function mentorChoices(db: Db) {
  const [sectors, languages] = await Promise.all([
    db.selectDistinct({ sector: mentors.sector }).from(mentors).orderBy(asc(mentors.sector)).limit(50),
    db.all<{ value: string }>(sql`select distinct j.value as value from mentors m, json_each(m.languages) j order by 1 limit 50`),
  ]);
  return { sectors: sectors.map((s) => s.sector), languages: languages.map((l) => l.value) };
}
