// Queries the timebank's API and pages share. The caller has decided who may see.
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { events, organisations, sessions, timebankEntries, timebankOffers } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { LocalisedText } from "../../db/schema";
import { balanceSql } from "../../rules/timebank";

export interface StatementLine {
  id: string;
  kind: "attendance" | "contribution" | "redemption" | "reversal";
  minutes: number;
  at: number;
  sessionId: string | null;
  eventTitle: LocalisedText | null;
  organisationName: string | null;
  offerTitle: string | null;
  reversesId: string | null;
  note: string | null;
}

/** A holder's balance (minutes) and every entry, newest first. */
export async function statementOf(deps: Deps, holder: string): Promise<{ balance: number; entries: StatementLine[] }> {
  const { db } = deps;
  const [[total], rows] = await Promise.all([
    db.all<{ balance: number }>(sql`select ${balanceSql(holder)} as balance`),
    db
      .select({
        id: timebankEntries.id,
        kind: timebankEntries.kind,
        minutes: timebankEntries.minutes,
        at: timebankEntries.at,
        sessionId: timebankEntries.sessionId,
        eventTitle: events.title,
        organisationName: organisations.name,
        offerTitle: timebankOffers.title,
        reversesId: timebankEntries.reversesId,
        note: timebankEntries.note,
      })
      .from(timebankEntries)
      .leftJoin(sessions, eq(sessions.id, timebankEntries.sessionId))
      .leftJoin(events, eq(events.id, sessions.eventId))
      .leftJoin(organisations, eq(organisations.id, timebankEntries.organisationId))
      .leftJoin(timebankOffers, eq(timebankOffers.id, timebankEntries.offerId))
      .where(eq(timebankEntries.holderKey, holder))
      .orderBy(desc(timebankEntries.at), desc(timebankEntries.id)),
  ]);
  return { balance: Number(total?.balance ?? 0), entries: rows };
}

export interface MonthTotals {
  /** "YYYY-MM" in London time. */
  month: string;
  /** Minutes credited (attendance and contributions, net of their reversals). */
  earned: number;
  /** Minutes redeemed (net of refunds). */
  spent: number;
  /** How many different holders had entries that month. */
  people: number;
}

/**
 * London's "YYYY-MM" of an instant (ms) column, in SQL so the totals are grouped where they are
 * summed. The same rule as lib/time.ts `londonOffsetMs` (summer time from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October): the last Sunday of a month of 31
 * days is the first Sunday on or after the 25th. `strftime('%s')` is text, hence the casts (an
 * integer compared with text is always smaller in SQLite). read.test.ts checks it against
 * `londonDate` around both clock changes.
 */
export function londonMonthSql(instantMs: SQL): SQL {
  const secs = sql`(${instantMs} / 1000)`;
  const year = sql`strftime('%Y', ${secs}, 'unixepoch')`;
  const changeAt = (monthDay: string) => sql`cast(strftime('%s', date(${year} || ${monthDay}, 'weekday 0'), '+1 hour') as integer)`;
  return sql`strftime('%Y-%m', ${secs} + case when ${secs} >= ${changeAt("-03-25")} and ${secs} < ${changeAt("-10-25")} then 3600 else 0 end, 'unixepoch')`;
}

/**
 * Totals by month for the programme, one organisation (hours given and gained at its sessions,
 * and spent on its offers) or one holder. Reversals count against what they reverse. An entry
 * about a session counts in the London month the session ended (hours given on 31 March and
 * confirmed on 2 April are March's; a session ending 00:30 on 1 April is April's), a redemption
 * in the month it was made.
 */
export async function balancesByMonth(deps: Deps, scope: { organisationId?: string; holder?: string }): Promise<MonthTotals[]> {
  const where = scope.holder
    ? sql`where e.holder_key = ${scope.holder}`
    : scope.organisationId
      ? sql`where e.organisation_id = ${scope.organisationId}`
      : sql``;
  const rows = await deps.db.all<{ month: string; earned: number; spent: number; people: number }>(sql`
    select ${londonMonthSql(sql`coalesce(s.ends_at, e.at)`)} as month,
      sum(case when coalesce(o.kind, e.kind) in ('attendance', 'contribution') then e.minutes else 0 end) as earned,
      -sum(case when coalesce(o.kind, e.kind) = 'redemption' then e.minutes else 0 end) as spent,
      count(distinct e.holder_key) as people
    from timebank_entries e left join timebank_entries o on o.id = e.reverses_id left join sessions s on s.id = e.session_id
    ${where}
    group by month order by month`);
  return rows.map((r) => ({ month: r.month, earned: Number(r.earned), spent: Number(r.spent), people: Number(r.people) }));
}
