// Rule 18, timebank: hours are credited once per person per session, in the same write as the
// check-in or the confirmation of a contribution; entries are never edited (a reversal is a
// new entry); a redemption never takes a balance below zero, under any concurrency.
//
// How each part holds:
// - once per person per session: every credit carries `credit_key` =
//   "<session>|<holder>#<n>" under a UNIQUE index, and is written with INSERT … SELECT … ON
//   CONFLICT DO NOTHING. n counts the reversals already made of that holder's credits for that
//   session (read inside the same statement), so two submissions of one check-in collide on the
//   key, and a check-in undone (a reversal) and done again gets a fresh key, credited once more.
// - same write: the features put a credit (ledger.ts `creditStatement`, through its attendance or contribution form) in the check-in's or confirmation's batch;
//   its SELECT only yields a row if that batch's guarded update really left the booking
//   attended (or the contribution confirmed).
// - never edited: triggers on timebank_entries refuse UPDATE and DELETE (migration 0009).
// - never below zero: `balanceCovers` sits in the redemption's INSERT … SELECT, so the balance is
//   read by the very statement that spends it (SQLite and D1 run one write at a time).
import { sql, type SQL } from "drizzle-orm";
import { HOUR } from "../lib/time";

/** The most a host may record for one person at one session (a long day's volunteering). */
export const MAX_CONTRIBUTION_MINUTES = 12 * 60;
/** Offers cost at least a quarter of an hour and at most 100 hours. */
export const MIN_OFFER_MINUTES = 15;
export const MAX_OFFER_MINUTES = 100 * 60;

/** Whose balance an entry counts in: a person with an account, else the contributor row. */
export type Holder = { personId: string } | { contributorId: string };

export function holderKey(holder: Holder): string {
  return "personId" in holder ? `person:${holder.personId}` : `contributor:${holder.contributorId}`;
}

/** A session's length in whole minutes: what an attendance or a contribution is worth by default. */
export function sessionMinutes(session: { startsAt: number; endsAt: number }): number {
  return Math.max(0, Math.round((session.endsAt - session.startsAt) / (HOUR / 60)));
}

/** Minutes said as hours for people ("1.5"): the ledger counts minutes so sums stay exact. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** "<session>|<holder>": the subject of a credit and of its reversals. SQL, so it can take columns. */
export function subjectKeySql(sessionId: SQL, holder: SQL): SQL {
  return sql`${sessionId} || '|' || ${holder}`;
}

/**
 * The unique credit key for a subject: the subject plus how many of its credits were already
 * reversed. Read inside the INSERT, so the count is the one the write sees.
 */
export function creditKeySql(subjectKey: SQL): SQL {
  return sql`${subjectKey} || '#' || (select count(*) from timebank_entries r where r.subject_key = ${subjectKey} and r.kind = 'reversal')`;
}

/** The holder's balance in minutes, read where the statement runs. */
export function balanceSql(holder: string): SQL {
  return sql`(select coalesce(sum(b.minutes), 0) from timebank_entries b where b.holder_key = ${holder})`;
}

/** The guard of every redemption: the holder's balance covers `cost` when the INSERT runs. */
export function balanceCovers(holder: string, cost: number): SQL {
  return sql`${balanceSql(holder)} >= ${cost}`;
}

/** A credit not yet reversed (the guard of a reversal: each credit is reversed at most once). */
export function notReversed(entryIdColumn: SQL): SQL {
  return sql`not exists (select 1 from timebank_entries x where x.reverses_id = ${entryIdColumn})`;
}
