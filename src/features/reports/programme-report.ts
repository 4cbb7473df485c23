import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { bookings, EVENT_TYPES, events, feedback, sessions, type EventType } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import { field, refuse } from "../../lib/refusal";
import { startOfLondonDay } from "../../lib/time";
import { toCsv } from "./csv";

const PROGRAMME_REPORT_HEADER = [
  "Event type",
  "Sessions",
  "Bookings",
  "Individual bookings",
  "Group bookings",
  "Seats booked",
  "Attended",
  "No-shows",
  "Attendance rate (%)",
  "No-show rate (%)",
  "Seats checked in",
  "Cancelled",
  "Feedback given",
  "Average rating",
];

/** A London calendar date range, both ends included, as UTC instants [from, to). */
function londonDateRange(from: string, to: string): { fromMs: number; toMs: number } {
  if (from > to) throw refuse("end_before_start", {}, { fields: [field("to", "before_from")] });
  return { fromMs: startOfLondonDay(from), toMs: startOfLondonDay(to, 1) };
}

const count = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
const isPlace = sql`${bookings.status} in ('confirmed', 'attended', 'no_show')`;

/**
 * Programme figures by event type for sessions starting in the range. Counts only: no names,
 * ids or free text, so the file can be shared with funders. Rates are over bookings whose
 * outcome is known (attended or no-show).
 */
async function programmeReport(deps: Deps, from: string, to: string) {
  const { fromMs, toMs } = londonDateRange(from, to);
  const inRange = and(gte(sessions.startsAt, fromMs), lt(sessions.startsAt, toMs));
  const figures = await deps.db
    .select({
      type: events.type,
      sessions: sql<number>`count(distinct ${sessions.id})`,
      bookings: count(isPlace),
      individual: count(sql`${isPlace} and ${bookings.kind} = 'individual'`),
      group: count(sql`${isPlace} and ${bookings.kind} = 'group'`),
      seats: sql<number>`coalesce(sum(case when ${isPlace} then ${bookings.seats} else 0 end), 0)`,
      attended: count(sql`${bookings.status} = 'attended'`),
      noShows: count(sql`${bookings.status} = 'no_show'`),
      seatsIn: sql<number>`coalesce(sum(case when ${bookings.status} = 'attended' then coalesce(${bookings.checkedInCount}, 0) else 0 end), 0)`,
      cancelled: count(sql`${bookings.status} = 'cancelled'`),
    })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(bookings, and(eq(bookings.sessionId, sessions.id), inArray(bookings.kind, ["individual", "group"])))
    .where(inRange)
    .groupBy(events.type);
  const ratings = await deps.db
    .select({ type: events.type, given: sql<number>`count(*)`, sum: sql<number>`coalesce(sum(${feedback.rating}), 0)` })
    .from(feedback)
    .innerJoin(bookings, eq(bookings.id, feedback.bookingId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(inRange)
    .groupBy(events.type);

  const empty = { sessions: 0, bookings: 0, individual: 0, group: 0, seats: 0, attended: 0, noShows: 0, seatsIn: 0, cancelled: 0, given: 0, sum: 0 };
  type Line = typeof empty;
  const byType = new Map<EventType | "all", Line>([...EVENT_TYPES, "all" as const].map((t) => [t, { ...empty }]));
  const add = (t: EventType, part: Partial<Line>) => {
    for (const key of [t, "all"] as const) {
      const line = byType.get(key)!;
      for (const [k, v] of Object.entries(part)) if (k in line) line[k as keyof Line] += Number(v);
    }
  };
  for (const { type, ...f } of figures) add(type, f);
  for (const { type, ...r } of ratings) add(type, r);
  return [...byType].map(([type, l]) => ({ type, ...l }));
}

const percent = (part: number, whole: number) => (whole === 0 ? "" : (Math.round((part / whole) * 1000) / 10).toFixed(1));

export async function programmeReportCsv(deps: Deps, from: string, to: string) {
  const lines = await programmeReport(deps, from, to);
  const rows = lines.map((l) => {
    const known = l.attended + l.noShows;
    return [
      l.type,
      l.sessions,
      l.bookings,
      l.individual,
      l.group,
      l.seats,
      l.attended,
      l.noShows,
      percent(l.attended, known),
      percent(l.noShows, known),
      l.seatsIn,
      l.cancelled,
      l.given,
      l.given === 0 ? "" : (Math.round((l.sum / l.given) * 100) / 100).toFixed(2),
    ];
  });
  return { csv: toCsv(PROGRAMME_REPORT_HEADER, rows), filename: `programme-${from}-to-${to}.csv` };
}
