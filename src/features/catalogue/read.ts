// Reading the catalogue: what the public pages and the coordinator's lists show. Small, indexed,
// and the same on libSQL and D1. Changes go through events.ts, venues.ts and sessions.ts.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events, organisations, sessions, venues, youSaidWeDid, type EventType } from "../../db/schema";
import type { Event, Session } from "./events";
import type { Venue } from "./venues";

/** Access needs people can filter by: facts about the venue, or features of the activity. */
const VENUE_FACTS = {
  step_free: venues.stepFree,
  accessible_toilet: venues.accessibleToilet,
  hearing_loop: venues.hearingLoop,
  quiet_room: venues.quietRoom,
  disabled_parking: venues.disabledParking,
} as const;
export const EVENT_FEATURES = ["bsl", "easy_read", "sensory_friendly"] as const;
/** The tags the site has words for (in every language); the API takes others too. */
export const EVENT_TAGS = ["women_in_trades", "neurodiverse_friendly", "young_parents", "send_friendly"] as const;
export const ACCESS_NEEDS = [...Object.keys(VENUE_FACTS), ...EVENT_FEATURES] as AccessNeed[];
export type AccessNeed = keyof typeof VENUE_FACTS | (typeof EVENT_FEATURES)[number];

/** Enough for a staff page to stay well under 60 KB on a slow phone. */
const LIST_LIMIT = 100;

export interface SessionFilters {
  type?: EventType;
  /** Instants bounding the session start: from inclusive, to exclusive. */
  from?: number;
  to?: number;
  age?: number;
  access?: AccessNeed[];
  /** Activities carrying this tag (a strand such as women_in_trades). */
  tag?: string;
  /** Words in the title or description, in any language (the same match as GET /api/v1/events `q`). */
  q?: string;
}

function accessCondition(need: AccessNeed): SQL {
  if (need in VENUE_FACTS) {
    // Online sessions need no journey and no building, so they meet every venue need.
    return or(isNull(sessions.venueId), eq(VENUE_FACTS[need as keyof typeof VENUE_FACTS], true))!;
  }
  return sql`exists (select 1 from json_each(${events.accessFeatures}) where value = ${need})`;
}

function sessionConditions(filters: SessionFilters, now: number): SQL[] {
  const where = [eq(sessions.status, "scheduled"), gt(sessions.startsAt, now)];
  if (filters.type) where.push(eq(events.type, filters.type));
  if (filters.from !== undefined) where.push(gte(sessions.startsAt, filters.from));
  if (filters.to !== undefined) where.push(lt(sessions.startsAt, filters.to));
  if (filters.age !== undefined) where.push(lte(events.minAge, filters.age), gte(events.maxAge, filters.age));
  for (const need of filters.access ?? []) where.push(accessCondition(need));
  if (filters.tag) where.push(sql`exists (select 1 from json_each(${events.tags}) where value = ${filters.tag})`);
  if (filters.q) where.push(sql`instr(${events.searchText}, ${filters.q.toLowerCase()}) > 0`);
  return where;
}

export interface EventListing {
  event: Event;
  /** The first few matching sessions, soonest first. */
  sessions: { session: Session; venue: Venue | null }[];
  /** How many matching sessions there are in all. */
  sessionCount: number;
}

/**
 * One page of activities with a scheduled session still to come that matches the filters,
 * ordered by their next such session. Paging is by activity in SQL, so a weekly session
 * running all year costs one row here, not fifty-two.
 */
export async function upcomingEvents(
  db: Db,
  filters: SessionFilters,
  now: number,
  page: { number: number; size: number; sessionsEach: number },
): Promise<{ total: number; listings: EventListing[] }> {
  const where = and(...sessionConditions(filters, now));
  const next = sql<number>`min(${sessions.startsAt})`;
  const [counted, ranked] = await Promise.all([
    db
      .select({ total: sql<number>`count(distinct ${sessions.eventId})` })
      .from(sessions)
      .innerJoin(events, eq(events.id, sessions.eventId))
      .leftJoin(venues, eq(venues.id, sessions.venueId))
      .where(where),
    db
      .select({ eventId: sessions.eventId, next, count: sql<number>`count(*)` })
      .from(sessions)
      .innerJoin(events, eq(events.id, sessions.eventId))
      .leftJoin(venues, eq(venues.id, sessions.venueId))
      .where(where)
      .groupBy(sessions.eventId)
      .orderBy(next, sessions.eventId)
      .limit(page.size)
      .offset((page.number - 1) * page.size),
  ]);
  if (ranked.length === 0) return { total: Number(counted[0]?.total ?? 0), listings: [] };
  // The first few matching sessions of each activity on this page, by rank within the activity.
  const rank = sql<number>`row_number() over (partition by ${sessions.eventId} order by ${sessions.startsAt}, ${sessions.id})`.as("rank");
  const firstFew = db
    .select({ id: sessions.id, rank })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(where, inArray(sessions.eventId, ranked.map((r) => r.eventId))))
    .as("first_few");
  const rows = await db
    .select({ session: sessions, event: events, venue: venues })
    .from(firstFew)
    .innerJoin(sessions, eq(sessions.id, firstFew.id))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(lte(firstFew.rank, page.sessionsEach))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
  const byEvent = new Map(ranked.map((r) => [r.eventId, { sessions: [] as EventListing["sessions"], sessionCount: Number(r.count), event: null as Event | null }]));
  for (const { session, event, venue } of rows) {
    const entry = byEvent.get(event.id)!;
    entry.event = event;
    entry.sessions.push({ session, venue });
  }
  return {
    total: Number(counted[0]?.total ?? 0),
    listings: ranked.map((r) => byEvent.get(r.eventId)!).map((e) => ({ event: e.event!, sessions: e.sessions, sessionCount: e.sessionCount })),
  };
}

/** One activity with its future sessions, their venues, its host and its "you said, we did" notes. */
export async function eventPage(db: Db, eventId: string, now: number) {
  const [row] = await db
    .select({ event: events, hostName: organisations.name })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
    .where(eq(events.id, eventId))
    .limit(1);
  if (!row) return null;
  const [upcoming, notes] = await Promise.all([
    db
      .select({ session: sessions, venue: venues })
      .from(sessions)
      .leftJoin(venues, eq(venues.id, sessions.venueId))
      .where(and(eq(sessions.eventId, eventId), eq(sessions.status, "scheduled"), gt(sessions.startsAt, now)))
      .orderBy(asc(sessions.startsAt))
      .limit(60),
    db.select().from(youSaidWeDid).where(eq(youSaidWeDid.eventId, eventId)).orderBy(desc(youSaidWeDid.createdAt)).limit(20),
  ]);
  return { ...row, sessions: upcoming, notes };
}

/** Every venue by name, for a form's choice of place. */
export const allVenues = (db: Db) => db.select({ id: venues.id, name: venues.name }).from(venues).orderBy(asc(venues.name)).limit(200);

/** Events newest first, each with the start of its next scheduled session (the coordinator's list). */
export function coordinatorEvents(db: Db, now: number) {
  const next = sql<number | null>`(select min(s.starts_at) from sessions s where s.event_id = ${events.id} and s.status = 'scheduled' and s.starts_at > ${now})`;
  return db
    .select({ event: events, hostName: organisations.name, next })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(LIST_LIMIT);
}
