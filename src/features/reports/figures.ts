// The programme's figures, one query module for the programme report (CSV) and the dashboards
// (coordinators', and a host's for its own sessions): per session first, then added up by event
// type or by week in one place, so the report and the charts cannot disagree.
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { bookings, EVENT_TYPES, events, feedback, organisations, sessions, type EventType } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import { field, refuse } from "../../lib/refusal";
import { londonDate, startOfLondonDay } from "../../lib/time";

/** A London calendar date range, both ends included, as UTC instants [from, to). */
export function londonDateRange(from: string, to: string): { fromMs: number; toMs: number } {
  if (from > to) throw refuse("end_before_start", {}, { fields: [field("to", "before_from")] });
  return { fromMs: startOfLondonDay(from), toMs: startOfLondonDay(to, 1) };
}

const count = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
const isPlace = sql`${bookings.status} in ('confirmed', 'attended', 'no_show')`;

export interface Tally {
  sessions: number;
  capacity: number;
  bookings: number;
  individual: number;
  group: number;
  seats: number;
  attended: number;
  noShows: number;
  seatsIn: number;
  cancelled: number;
  waitlisted: number;
  given: number;
  sum: number;
}
export const emptyTally = (): Tally => ({ sessions: 0, capacity: 0, bookings: 0, individual: 0, group: 0, seats: 0, attended: 0, noShows: 0, seatsIn: 0, cancelled: 0, waitlisted: 0, given: 0, sum: 0 });

export type SessionFigures = Tally & { sessionId: string; startsAt: number; type: EventType; cancelledSession: boolean };

/**
 * Each session starting in the range with its counts. `hostOrganisationId` keeps to one host's
 * own events (a host's dashboard); without it, the whole programme (coordinators).
 */
export async function sessionFigures(deps: Deps, from: string, to: string, scope: { hostOrganisationId?: string } = {}): Promise<SessionFigures[]> {
  const { fromMs, toMs } = londonDateRange(from, to);
  const where = and(gte(sessions.startsAt, fromMs), lt(sessions.startsAt, toMs), scope.hostOrganisationId ? eq(events.hostOrganisationId, scope.hostOrganisationId) : undefined);
  const rows = await deps.db
    .select({
      sessionId: sessions.id,
      startsAt: sessions.startsAt,
      type: events.type,
      status: sessions.status,
      capacity: sessions.capacity,
      bookings: count(isPlace),
      individual: count(sql`${isPlace} and ${bookings.kind} = 'individual'`),
      group: count(sql`${isPlace} and ${bookings.kind} = 'group'`),
      seats: sql<number>`coalesce(sum(case when ${isPlace} then ${bookings.seats} else 0 end), 0)`,
      attended: count(sql`${bookings.status} = 'attended'`),
      noShows: count(sql`${bookings.status} = 'no_show'`),
      seatsIn: sql<number>`coalesce(sum(case when ${bookings.status} = 'attended' then coalesce(${bookings.checkedInCount}, 0) else 0 end), 0)`,
      cancelled: count(sql`${bookings.status} = 'cancelled'`),
      waitlisted: count(sql`${bookings.status} = 'waitlisted'`),
    })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(bookings, and(eq(bookings.sessionId, sessions.id), inArray(bookings.kind, ["individual", "group"])))
    .where(where)
    .groupBy(sessions.id);
  const ratings = await deps.db
    .select({ sessionId: sessions.id, given: sql<number>`count(*)`, sum: sql<number>`coalesce(sum(${feedback.rating}), 0)` })
    .from(feedback)
    .innerJoin(bookings, eq(bookings.id, feedback.bookingId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(where)
    .groupBy(sessions.id);
  const rated = new Map(ratings.map((r) => [r.sessionId, r]));
  return rows.map(({ status, ...r }) => ({
    ...r,
    sessions: 1,
    cancelledSession: status === "cancelled",
    given: Number(rated.get(r.sessionId)?.given ?? 0),
    sum: Number(rated.get(r.sessionId)?.sum ?? 0),
  }));
}

const KEYS = Object.keys(emptyTally()) as (keyof Tally)[];
function add(into: Tally, from: Tally) {
  for (const k of KEYS) into[k] += Number(from[k]);
}

/** Added up by event type, with an `all` line: the programme report's rows. */
export function byEventType(figures: SessionFigures[]): { type: EventType | "all"; tally: Tally }[] {
  const lines = new Map<EventType | "all", Tally>([...EVENT_TYPES, "all" as const].map((t) => [t, emptyTally()]));
  for (const f of figures) {
    add(lines.get(f.type)!, f);
    add(lines.get("all")!, f);
  }
  return [...lines].map(([type, tally]) => ({ type, tally }));
}

/** The Monday (London date) of the week an instant falls in. */
export function weekOf(instant: number): string {
  const day = londonDate(instant);
  const d = new Date(`${day}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Added up by week (weeks starting Monday, London time), oldest first. */
export function byWeek(figures: SessionFigures[]): { week: string; tally: Tally }[] {
  const weeks = new Map<string, Tally>();
  for (const f of [...figures].sort((a, b) => a.startsAt - b.startsAt)) {
    const w = weekOf(f.startsAt);
    if (!weeks.has(w)) weeks.set(w, emptyTally());
    add(weeks.get(w)!, f);
  }
  return [...weeks].map(([week, tally]) => ({ week, tally }));
}

/**
 * Who took part: schools with a group booked (not cancelled) on a session in the range, and
 * employers hosting a session in it.
 */
export async function participants(deps: Deps, from: string, to: string, scope: { hostOrganisationId?: string } = {}) {
  const { fromMs, toMs } = londonDateRange(from, to);
  const inRange = and(gte(sessions.startsAt, fromMs), lt(sessions.startsAt, toMs), scope.hostOrganisationId ? eq(events.hostOrganisationId, scope.hostOrganisationId) : undefined);
  const [schools] = await deps.db
    .select({ n: sql<number>`count(distinct ${bookings.organisationId})` })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(and(inRange, eq(bookings.kind, "group"), sql`${bookings.status} <> 'cancelled'`));
  const [employers] = await deps.db
    .select({ n: sql<number>`count(distinct ${events.hostOrganisationId})` })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
    .where(and(inRange, eq(organisations.type, "employer")));
  return { schools: Number(schools?.n ?? 0), employers: Number(employers?.n ?? 0) };
}

/**
 * Everything a dashboard draws, for coordinators (the whole programme) or one host (its own
 * events only): the host partner area calls this with `hostOrganisationId`.
 */
export async function dashboardFigures(deps: Deps, from: string, to: string, scope: { hostOrganisationId?: string } = {}) {
  const figures = await sessionFigures(deps, from, to, scope);
  // Seats left unused only count sessions that went ahead.
  const held = figures.filter((f) => !f.cancelledSession);
  return {
    from,
    to,
    weeks: byWeek(figures),
    types: byEventType(figures).filter((l) => l.type !== "all" && l.tally.sessions > 0),
    all: byEventType(figures).find((l) => l.type === "all")!.tally,
    unusedByWeek: byWeek(held).map(({ week, tally }) => ({ week, unused: Math.max(0, tally.capacity - tally.seats) })),
    participants: await participants(deps, from, to, scope),
  };
}
export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;
