// Rule 4, the one clash rule for events, groups and mentoring: a young person never holds
// two overlapping live bookings. Every booking write (individual, offer accepted, mentoring
// booked or moved) puts `not clashExists(...)` in its own WHERE, so two overlapping bookings
// racing each other cannot both win; findClash (lookups.ts) only explains a refusal afterwards.
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { bookings } from "../../db/schema";
import { HOLDING } from "./statements";


/** The bookings table as `clash`, for lookups that must say which booking is in the way. */
export const clashes = alias(bookings, "clash");

export interface ClashExcept {
  /** A booking for this very session is not a clash (rule 4's "one place" is checked apart). */
  sessionId?: SQL | string;
  /** The booking being moved does not clash with itself. */
  bookingId?: string;
}

/**
 * Live means SEAT_HOLDING_STATUSES (src/db/schema.ts says why attended and no_show are in it):
 * a checked-in person is at that session, so they are not free for another at that time.
 *
 * Rows of `clash` that stop `person` holding [startsAt, endsAt). A group booking's person_id
 * only marks the staff member who booked it, not someone who attends, so groups never clash.
 */
export function clashCondition(person: SQL | string, startsAt: SQL | number, endsAt: SQL | number, except: ClashExcept = {}): SQL {
  return sql`clash.person_id = ${person} and clash.kind != 'group' and clash.status in ${HOLDING}
    and clash.starts_at < ${endsAt} and clash.ends_at > ${startsAt}
    ${except.sessionId !== undefined ? sql`and clash.session_id is not ${except.sessionId}` : sql``}
    ${except.bookingId !== undefined ? sql`and clash.id <> ${except.bookingId}` : sql``}`;
}

/** True when `person` holds a live booking overlapping [startsAt, endsAt): a guard for writes. */
export function clashExists(person: SQL | string, startsAt: SQL | number, endsAt: SQL | number, except: ClashExcept = {}): SQL {
  return sql`exists (select 1 from bookings as clash where ${clashCondition(person, startsAt, endsAt, except)})`;
}
