// Queries the directory's API and website share. The public only ever reads directory_services
// rows that are not withdrawn: a partner's proposal lives in directory_changes until approved.
import { and, asc, desc, eq, inArray, like, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  DIRECTORY_BUILT_IN_CATEGORIES,
  directoryCategories,
  directoryChanges,
  directoryPosterScans,
  directoryServices,
  events,
  organisations,
  sessions,
  venues,
  type DirectoryPictogram,
  type LocalisedText,
} from "../../db/schema";
import { londonDate, startOfLondonDay } from "../../lib/time";
import { isOpenAt } from "./opening-hours";
import type { DirectoryChange, ServiceFilter, ServiceWithPlace } from "./schemas";

export interface Category {
  id: string;
  /** Null for a built-in category: its name is in the site's catalogue (directoryCategoryNames). */
  name: LocalisedText | null;
  pictogram: DirectoryPictogram;
  builtIn: boolean;
}

const builtIn = (id: (typeof DIRECTORY_BUILT_IN_CATEGORIES)[number]): Category => ({ id, name: null, pictogram: id, builtIn: true });

/** The built-in categories first, in the issue's order, then those coordinators added. */
export async function listCategories(db: Db): Promise<Category[]> {
  const added = await db.select().from(directoryCategories).orderBy(asc(directoryCategories.createdAt), asc(directoryCategories.id));
  return [...DIRECTORY_BUILT_IN_CATEGORIES.map(builtIn), ...added.map((c) => ({ id: c.id, name: c.name, pictogram: c.pictogram, builtIn: false }))];
}

export async function findCategory(db: Db, id: string): Promise<Category | undefined> {
  const known = DIRECTORY_BUILT_IN_CATEGORIES.find((c) => c === id);
  if (known) return builtIn(known);
  const [row] = await db.select().from(directoryCategories).where(eq(directoryCategories.id, id)).limit(1);
  return row ? { id: row.id, name: row.name, pictogram: row.pictogram, builtIn: false } : undefined;
}

const withPlace = (db: Db) =>
  db
    .select({ service: directoryServices, organisationName: organisations.name, venue: venues })
    .from(directoryServices)
    .innerJoin(organisations, eq(organisations.id, directoryServices.organisationId))
    .leftJoin(venues, eq(venues.id, directoryServices.venueId));

/** A service in whatever state, for the people who manage it. */
export async function findService(db: Db, id: string): Promise<ServiceWithPlace | undefined> {
  const [row] = await withPlace(db).where(eq(directoryServices.id, id)).limit(1);
  return row;
}

/** A service the public may see: approved (it is in the table at all) and not withdrawn. */
export async function publishedService(db: Db, id: string): Promise<ServiceWithPlace | undefined> {
  const [row] = await withPlace(db)
    .where(and(eq(directoryServices.id, id), eq(directoryServices.withdrawn, false)))
    .limit(1);
  return row;
}

/** SQL LIKE with the user's % and _ taken literally. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Public services matching the filters, by name. "Open now" is decided in London wall time
 * from each service's hours (opening-hours.ts), after the SQL filters: a directory holds
 * hundreds of services, not millions, so this stays one small query.
 */
export async function listServices(db: Db, filter: ServiceFilter, now: number): Promise<ServiceWithPlace[]> {
  const conditions: (SQL | undefined)[] = [eq(directoryServices.withdrawn, false)];
  if (filter.q) conditions.push(sql`${directoryServices.searchText} LIKE ${likeLiteral(filter.q.toLowerCase())} ESCAPE '\\'`);
  if (filter.category) conditions.push(eq(directoryServices.categoryId, filter.category));
  if (filter.language) conditions.push(like(directoryServices.languages, likeLiteral(`"${filter.language}"`)));
  if (filter.stepFree) conditions.push(eq(venues.stepFree, true));
  if (filter.free) conditions.push(eq(directoryServices.free, true));
  if (filter.venue) conditions.push(eq(directoryServices.venueId, filter.venue));
  const rows = await withPlace(db)
    .where(and(...conditions))
    .orderBy(sql`json_extract(${directoryServices.name}, '$.en') COLLATE NOCASE`, asc(directoryServices.id));
  return filter.openNow ? rows.filter((r) => isOpenAt(r.service.hours, now)) : rows;
}

/** Every public service, for the Open Referral UK feed and the posters. */
export const allPublished = (db: Db, now: number) => listServices(db, {}, now);

/** Proposals, newest first: all of them for coordinators, else those of the given organisations. */
export async function listChanges(db: Db, options: { organisationIds: string[] | "all"; status?: DirectoryChange["status"] }): Promise<DirectoryChange[]> {
  if (options.organisationIds !== "all" && options.organisationIds.length === 0) return [];
  return db
    .select()
    .from(directoryChanges)
    .where(
      and(
        options.organisationIds === "all" ? undefined : inArray(directoryChanges.organisationId, options.organisationIds),
        options.status ? eq(directoryChanges.status, options.status) : undefined,
      ),
    )
    .orderBy(desc(directoryChanges.createdAt), desc(directoryChanges.id))
    .limit(200);
}

export async function findChange(db: Db, id: string): Promise<DirectoryChange | undefined> {
  const [row] = await db.select().from(directoryChanges).where(eq(directoryChanges.id, id)).limit(1);
  return row;
}

/** Six months before `now`'s London date, as 'YYYY-MM-DD' (the 31st falls back to the month's end). */
export function sixMonthsBefore(now: number): string {
  const [y, m, d] = londonDate(now).split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 - 6 + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, m - 1 - 6, Math.min(d, lastDay)));
  return date.toISOString().slice(0, 10);
}

/** Services nobody has checked for more than six months, oldest first: flagged to coordinators. */
export async function staleServices(db: Db, now: number): Promise<ServiceWithPlace[]> {
  return withPlace(db)
    .where(and(eq(directoryServices.withdrawn, false), lt(directoryServices.lastCheckedOn, sixMonthsBefore(now))))
    .orderBy(asc(directoryServices.lastCheckedOn), asc(directoryServices.id));
}

/** How many people each poster brought, most first. */
export async function posterCounts(db: Db) {
  return db.select().from(directoryPosterScans).orderBy(desc(directoryPosterScans.scans), asc(directoryPosterScans.poster));
}

/** A venue's name for its poster, or null when there is no such venue (the page's 404). */
export async function venueName(db: Db, id: string): Promise<string | null> {
  const [venue] = await db.select({ name: venues.name }).from(venues).where(eq(venues.id, id)).limit(1);
  return venue?.name ?? null;
}

/** Names of organisations by id, for the coordinators' review list. */
export async function organisationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((o) => [o.id, o.name]));
}

/**
 * "Who is in the building today" (issue #16 item 9): a venue's sessions on today's London date,
 * with the activity and the organisation running it, read from the sessions as they are now.
 */
export async function todayAtVenue(db: Db, venueId: string, now: number) {
  const today = londonDate(now);
  const from = startOfLondonDay(today);
  const to = startOfLondonDay(today, 1);
  return db
    .select({ sessionId: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, eventId: events.id, title: events.title, type: events.type, organisation: organisations.name })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
    .where(and(eq(sessions.venueId, venueId), eq(sessions.status, "scheduled"), sql`${sessions.startsAt} < ${to}`, sql`${sessions.endsAt} > ${from}`))
    .orderBy(asc(sessions.startsAt))
    .limit(50);
}
