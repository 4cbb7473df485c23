// Queries the timebank's API and pages share. The caller has decided who may see.
import { desc, eq, sql } from "drizzle-orm";
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
  /** "YYYY-MM" in UTC. */
  month: string;
  /** Minutes credited (attendance and contributions, net of their reversals). */
  earned: number;
  /** Minutes redeemed (net of refunds). */
  spent: number;
  /** How many different holders had entries that month. */
  people: number;
}

/**
 * Totals by month for the programme, one organisation (hours given and gained at its sessions,
 * and spent on its offers) or one holder. Reversals count against what they reverse.
 */
export async function balancesByMonth(deps: Deps, scope: { organisationId?: string; holder?: string }): Promise<MonthTotals[]> {
  const where = scope.holder
    ? sql`where e.holder_key = ${scope.holder}`
    : scope.organisationId
      ? sql`where e.organisation_id = ${scope.organisationId}`
      : sql``;
  const rows = await deps.db.all<{ month: string; earned: number; spent: number; people: number }>(sql`
    select strftime('%Y-%m', e.at / 1000, 'unixepoch') as month,
      sum(case when coalesce(o.kind, e.kind) in ('attendance', 'contribution') then e.minutes else 0 end) as earned,
      -sum(case when coalesce(o.kind, e.kind) = 'redemption' then e.minutes else 0 end) as spent,
      count(distinct e.holder_key) as people
    from timebank_entries e left join timebank_entries o on o.id = e.reverses_id
    ${where}
    group by month order by month`);
  return rows.map((r) => ({ month: r.month, earned: Number(r.earned), spent: Number(r.spent), people: Number(r.people) }));
}
