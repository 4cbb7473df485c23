// Rule 4, the one clash rule for events, groups and mentoring: a young person never holds
// two overlapping live bookings. Every booking write (individual, offer accepted, mentoring
// booked or moved) puts `not clashExists(...)` in its own WHERE, so two overlapping bookings
// racing each other cannot both win; findClash only explains a refusal afterwards.
import { eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { bookings, events, sessions } from "../db/schema";
import type { Deps } from "../lib/deps";
import { HOLDING } from "./capacity";

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

/** The person's seat-holding booking that overlaps [startsAt, endsAt) (see ClashExcept), read after a guarded write was refused. */
export async function findClash(deps: Deps, personId: string, startsAt: number, endsAt: number, except: ClashExcept = {}) {
  const [other] = await deps.db
    .select({ id: clashes.id, kind: clashes.kind, title: events.title })
    .from(clashes)
    .leftJoin(sessions, eq(sessions.id, clashes.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .where(clashCondition(personId, startsAt, endsAt, except))
    .limit(1);
  if (!other) return null;
  return { id: other.id, title: other.title?.en ?? (other.kind === "mentoring" ? "a mentoring session" : "another booking") };
}

/**
 * A session moving to [startsAt, endsAt): the people holding a place on it who hold another
 * booking overlapping the new time. Put `not exists (...)` of this in the move's guard.
 */
export function peopleClashingAt(sessionId: string, startsAt: number, endsAt: number): SQL {
  return sql`select moving.person_id from bookings as moving where moving.session_id = ${sessionId}
    and moving.kind != 'group' and moving.status in ${HOLDING} and ${clashExists(sql`moving.person_id`, startsAt, endsAt, { sessionId })}`;
}

/** How many people a refused move would have put into a clash (to say so). */
export async function countClashing({ db }: Deps, sessionId: string, startsAt: number, endsAt: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(distinct person_id) as n from (${peopleClashingAt(sessionId, startsAt, endsAt)})`);
  return Number(row?.n ?? 0);
}
