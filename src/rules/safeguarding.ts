// Rule 8, mentoring safeguarding: an under-18 may book a slot only if the mentor's DBS check
// is verified and valid on the slot's date (London); under-16s name a guardian, who is copied
// on every notice; a young person holds at most `maxFutureMentoringBookings` (configurable,
// default 2) future mentoring bookings. The booking write checks all of it in its own guard.
import { and, count, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { bookings, SEAT_HOLDING_STATUSES, type mentors } from "../db/schema";
import type { Deps } from "../lib/deps";
import { ageOn } from "../lib/time";
import { HOLDING } from "./capacity";

/** Under this age on the slot's day, the mentor's DBS must be valid that day. */
export const DBS_REQUIRED_UNDER_AGE = 18;
/** Under this age a mentoring booking names a parent or carer, who gets a copy of every notice. */
export const MENTORING_GUARDIAN_AGE = 16;

type DbsFacts = Pick<typeof mentors.$inferSelect, "dbsCheckedOn" | "dbsExpiresOn" | "dbsRevokedAt">;

/** Under 18 on `date` ('YYYY-MM-DD', London), or age unknown, which we treat the same way: safer. */
export const minorOn = (person: { dateOfBirth: string | null }, date: string) => !person.dateOfBirth || ageOn(person.dateOfBirth, date) < DBS_REQUIRED_UNDER_AGE;

/** Needs a guardian named (and copied) for mentoring on `date`. */
export const needsMentoringGuardian = (dateOfBirth: string, date: string) => ageOn(dateOfBirth, date) < MENTORING_GUARDIAN_AGE;

/**
 * A mentor may meet an under-18 on `date` ('YYYY-MM-DD', London) only if a coordinator
 * recorded a DBS check, it has not been revoked, and it is still valid that day (valid up to
 * and including its expiry date).
 */
export function dbsValidOn(mentor: DbsFacts, date: string): boolean {
  return !!mentor.dbsCheckedOn && !!mentor.dbsExpiresOn && mentor.dbsRevokedAt === null && mentor.dbsCheckedOn <= date && mentor.dbsExpiresOn >= date;
}

export type DbsProblem = "dbs_missing" | "dbs_revoked" | "dbs_expired";

/** Why the mentor's DBS is not valid on `date`, or null when it is (the same rule as dbsValidOn). */
export function dbsProblemOn(mentor: DbsFacts, date: string): DbsProblem | null {
  if (mentor.dbsRevokedAt !== null) return "dbs_revoked";
  if (!mentor.dbsCheckedOn || !mentor.dbsExpiresOn || mentor.dbsCheckedOn > date) return "dbs_missing";
  if (mentor.dbsExpiresOn < date) return "dbs_expired";
  return null;
}

/** dbsValidOn as a guard on the mentor row aliased `m`, for the booking write itself. */
export function dbsValidSql(date: string): SQL {
  return sql`m.dbs_revoked_at IS NULL AND m.dbs_checked_on IS NOT NULL AND m.dbs_checked_on <= ${date} AND m.dbs_expires_on >= ${date}`;
}

/** Live mentoring bookings the person holds that start after `now` (the cap counts these). */
export function futureMentoringCount(personId: string, now: number): SQL {
  return sql`(SELECT count(*) FROM bookings AS mine
    WHERE mine.person_id = ${personId}
      AND mine.kind = 'mentoring'
      AND mine.status IN ${HOLDING}
      AND mine.starts_at > ${now})`;
}

/** The cap as a guard: one more mentoring booking still fits under `cap` at the moment of writing. */
export const underMentoringCap = (personId: string, now: number, cap: number): SQL => sql`${futureMentoringCount(personId, now)} < ${cap}`;

/** Live mentoring bookings the person holds that have not started yet. */
export async function countFutureMentoring(deps: Deps, personId: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.personId, personId), eq(bookings.kind, "mentoring"), inArray(bookings.status, [...SEAT_HOLDING_STATUSES]), gt(bookings.startsAt, deps.clock.now())));
  return row!.n;
}

/** True when the person already holds the most future mentoring bookings allowed. */
export const atMentoringCap = async (deps: Deps, personId: string) => (await countFutureMentoring(deps, personId)) >= deps.config.maxFutureMentoringBookings;
