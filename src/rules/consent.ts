// Rule 3, consent: under the event's consent age (on the session date) a booking is
// `pending_consent`, holding its seat for 48 h (never past the start); the guardian answers
// through the emailed one-time link, which is their only credential; refusal or expiry frees
// the seat (bookings/consent.ts, bookings/expiry.ts, with rule 5's offer in the same write).
import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { bookings, people } from "../db/schema";
import { DAY } from "../lib/time";
import { ageOnDayOf } from "./eligibility";

/** An event's consent age when it does not say (SPEC: default 16). */
export const DEFAULT_CONSENT_AGE = 16;

/** How long a seat waits for a guardian's answer. */
export const CONSENT_HOLD_MS = 2 * DAY;

/** True when someone born on `dateOfBirth` needs a guardian's yes for a session starting at `startsAt`. */
export function needsConsent(dateOfBirth: string, consentAge: number, startsAt: number): boolean {
  return ageOnDayOf(dateOfBirth, startsAt) < consentAge;
}

/** The consent age that applies to this person for this session, or null when none does (for forms). */
export function consentAgeFor(dateOfBirth: string | null | undefined, consentAge: number, startsAt: number): number | null {
  return dateOfBirth && needsConsent(dateOfBirth, consentAge, startsAt) ? consentAge : null;
}

/** When a consent hold placed at `now` ends: 48 h later, or at the start if that is sooner. */
export function consentHoldUntil(now: number | SQL, startsAt: SQL | number): SQL {
  // Added by SQLite, so `now` may be a slot of a statement built once (src/db/prepared.ts).
  return sql`min(${now} + ${CONSENT_HOLD_MS}, ${startsAt})`;
}

/**
 * Who may consent: only the holder of the link (its hash), only once, only while the hold is
 * open. The guard of the write that acts on the answer, so two clicks (or a click racing the
 * expiry job) cannot both act.
 */
export function consentClaim(bookingId: string, tokenHash: string, now: number): SQL {
  return and(eq(bookings.id, bookingId), eq(bookings.status, "pending_consent"), eq(bookings.consentTokenHash, tokenHash), gt(bookings.holdExpiresAt, now))!;
}

/** Whether a pending booking's link can still be used at `now` (read before the guarded write). */
export const consentOpen = (b: { status: string; holdExpiresAt: number | null }, now: number) =>
  b.status === "pending_consent" && (b.holdExpiresAt === null || b.holdExpiresAt > now);

/**
 * Who may be asked (issue #14): a guardian is an adult, so the address that receives the
 * consent link may not be the young person's own, nor that of any young person's account who
 * is under this age on the session date (a child cannot say yes for themselves or a friend).
 */
export const GUARDIAN_MIN_AGE = 18;

/** Emails compare trimmed and case-insensitively: "Me@X.org " is me@x.org. */
export const sameEmail = (email: string) => email.trim().toLowerCase();

/**
 * True when `guardianEmail` belongs to the young person booking, or to any young person's
 * account under GUARDIAN_MIN_AGE on the day of a session starting at `startsAt`. Read before
 * the booking's batch: an account created with that address in the instant between is the
 * only gap, and it would still be a child's own account, refused at the next booking.
 */
export async function guardianEmailIsAChilds(db: Db, person: { email: string }, guardianEmail: string, startsAt: number): Promise<boolean> {
  const wanted = sameEmail(guardianEmail);
  if (wanted === sameEmail(person.email)) return true;
  const owners = await db
    .select({ dateOfBirth: people.dateOfBirth })
    .from(people)
    .where(and(eq(people.isYoungPerson, true), isNull(people.erasedAt), sql`lower(trim(${people.email})) = ${wanted}`));
  return owners.some((o) => o.dateOfBirth === null || ageOnDayOf(o.dateOfBirth, startsAt) < GUARDIAN_MIN_AGE);
}

/**
 * How many consent requests one guardian address receives in a day, whoever triggers them
 * (issue #14): a young person booking and cancelling in a loop, or someone typing a stranger's
 * address, cannot turn the site into a way to flood an inbox. A real family's day needs a few.
 */
export const CONSENT_EMAILS_PER_GUARDIAN_PER_DAY = 3;

/**
 * True (as SQL) while `guardianEmail` has had fewer than the day's allowance of consent requests
 * in the 24 h before `now`. Counted from the outbox, where every request is written in the same
 * batch as the booking that causes it, so a guard built on this inside that batch cannot be
 * raced past: two bookings at once are two transactions, and the second sees the first's row.
 */
export function guardianHasAllowance(guardianEmail: string | SQL, now: number | SQL): SQL {
  // As SQL (slots of a statement built once, src/db/prepared.ts), the address comes already
  // normalised by `sameEmail` and the day is subtracted by SQLite.
  const key = typeof guardianEmail === "string" ? sameEmail(guardianEmail) : guardianEmail;
  const since = typeof now === "number" ? now - DAY : sql`(${now} - ${DAY})`;
  // A whole series' request (bookings/series.ts) is one email and counts as one.
  return sql`(select count(*) from outbox o where o.template in ('consent_request', 'series_consent_request')
    and o.created_at > ${since} and lower(trim(o.to_email)) = ${key}) < ${CONSENT_EMAILS_PER_GUARDIAN_PER_DAY}`;
}

/** Whether `guardianEmail` may be sent another consent request at `now` (the read that explains a refused write). */
export async function guardianAllowanceLeft(db: Db, guardianEmail: string, now: number): Promise<boolean> {
  const [row] = await db.all<{ ok: number }>(sql`select ${guardianHasAllowance(guardianEmail, now)} as ok`);
  return Boolean(row?.ok);
}
