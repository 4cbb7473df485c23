// Rule 7 (groups): at least one member of staff for every so many pupils, a roster no longer
// than the group, and how a group that does not fit is refused. Group bookings and carousels
// both ask here.
import { field, refuse } from "../lib/refusal";

/** Staff needed for a group: at least one, and one for every `pupilsPerStaff` pupils. */
export function staffNeeded(pupils: number, pupilsPerStaff: number) {
  return Math.max(1, Math.ceil(pupils / pupilsPerStaff));
}

export function assertRatio(pupils: number, staff: number, pupilsPerStaff: number) {
  const needed = staffNeeded(pupils, pupilsPerStaff);
  if (staff < needed) {
    throw refuse("group_ratio_short", { pupils, needed, pupilsPerStaff, staff }, { extra: { staffNeeded: needed }, fields: [field("staff", "must_be_at_least", { min: needed })] });
  }
}

export function assertRoster(roster: string[] | undefined, pupils: number) {
  if (roster && roster.length > pupils) {
    throw refuse("roster_too_long", { names: roster.length, pupils }, { fields: [field("roster", "at_most_names", { max: pupils })] });
  }
}

export function fullProblem(seatsLeft: number, wanted: number) {
  return seatsLeft === 0 ? refuse("group_session_full", {}, { extra: { seatsLeft } }) : refuse("group_seats_short", { seatsLeft, wanted }, { extra: { seatsLeft } });
}
