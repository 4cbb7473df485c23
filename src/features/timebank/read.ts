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

export interface LedgerLine extends StatementLine {
  holderKey: string;
  /** The person's name, or the contributor's as the host recorded it. */
  holderName: string | null;
  reversed: boolean;
}

/**
 * The newest entries of the whole ledger (or the one asked for), with whose they are and whether
 * a correction already reversed them: what a coordinator corrects from.
 */
export async function ledgerLines(deps: Deps, options: { limit?: number; entryId?: string } = {}): Promise<LedgerLine[]> {
  const rows = await deps.db.all<{
    id: string; kind: StatementLine["kind"]; minutes: number; at: number; session_id: string | null; event_title: string | null; organisation_name: string | null;
    offer_title: string | null; reverses_id: string | null; note: string | null; holder_key: string; holder_name: string | null; reversed: number;
  }>(sql`
    select e.id, e.kind, e.minutes, e.at, e.session_id, ev.title as event_title, o.name as organisation_name, f.title as offer_title, e.reverses_id, e.note,
      e.holder_key, coalesce(p.display_name, c.name) as holder_name,
      exists (select 1 from timebank_entries x where x.reverses_id = e.id) as reversed
    from timebank_entries e
      left join sessions s on s.id = e.session_id left join events ev on ev.id = s.event_id
      left join organisations o on o.id = e.organisation_id left join timebank_offers f on f.id = e.offer_id
      left join people p on p.id = e.person_id left join contributors c on c.id = e.contributor_id
    ${options.entryId ? sql`where e.id = ${options.entryId}` : sql``}
    order by e.at desc, e.id desc limit ${options.limit ?? 50}`);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    minutes: Number(r.minutes),
    at: Number(r.at),
    sessionId: r.session_id,
    eventTitle: r.event_title ? (JSON.parse(r.event_title) as LocalisedText) : null,
    organisationName: r.organisation_name,
    offerTitle: r.offer_title,
    reversesId: r.reverses_id,
    note: r.note,
    holderKey: r.holder_key,
    holderName: r.holder_name,
    reversed: Boolean(Number(r.reversed)),
  }));
}

/** Every holder's balance and hours earned, most hours first: the per-person table coordinators read. */
export async function holderBalances(deps: Deps, limit = 100): Promise<{ holderKey: string; name: string | null; earned: number; balance: number }[]> {
  const rows = await deps.db.all<{ holder_key: string; name: string | null; earned: number; balance: number }>(sql`
    select e.holder_key, max(coalesce(p.display_name, c.name)) as name,
      sum(case when coalesce(o.kind, e.kind) in ('attendance', 'contribution') then e.minutes else 0 end) as earned,
      sum(e.minutes) as balance
    from timebank_entries e left join timebank_entries o on o.id = e.reverses_id
      left join people p on p.id = e.person_id left join contributors c on c.id = e.contributor_id
    group by e.holder_key order by earned desc, e.holder_key limit ${limit}`);
  return rows.map((r) => ({ holderKey: r.holder_key, name: r.name, earned: Number(r.earned), balance: Number(r.balance) }));
}
