// Rule 2, eligibility: a young person's age ON THE SESSION DATE (in London) must be within
// the event's age range, else 422. Open Door itself is for young people aged 11 to 25:
// that range bounds sign-up (age today) and every event's range.
import type { events } from "../db/schema";
import { ageOn, londonDate } from "../lib/time";

/** The programme's age range (SPEC: young people 11–25, SEND up to 25). */
export const YOUNG_PERSON_MIN_AGE = 11;
export const YOUNG_PERSON_MAX_AGE = 25;

/** Whole years of age on the London calendar day of `instant`. */
export const ageOnDayOf = (dateOfBirth: string, instant: number) => ageOn(dateOfBirth, londonDate(instant));

/** True for an age within the programme's range (sign-up checks today's age). */
export const withinProgrammeAges = (age: number) => age >= YOUNG_PERSON_MIN_AGE && age <= YOUNG_PERSON_MAX_AGE;

/** Why someone may not book a session, as facts a refusal can be worded from. */
export type Ineligibility =
  | { reason: "not_young_person" }
  | { reason: "outside_age_range"; minAge: number; maxAge: number; age: number };

/**
 * Whether this person may book a session of `event` starting at `startsAt`: null when they
 * may. Only a young person with a date of birth can book a seat (school staff book groups).
 */
export function ineligibility(
  person: { dateOfBirth: string | null; isYoungPerson: boolean },
  event: Pick<typeof events.$inferSelect, "minAge" | "maxAge">,
  startsAt: number,
): Ineligibility | null {
  if (!person.isYoungPerson || !person.dateOfBirth) return { reason: "not_young_person" };
  const age = ageOnDayOf(person.dateOfBirth, startsAt);
  if (age < event.minAge || age > event.maxAge) return { reason: "outside_age_range", minAge: event.minAge, maxAge: event.maxAge, age };
  return null;
}
