import { and, asc, eq, gt, gte, lte, sql, type SQL } from "drizzle-orm";
import { events, organisations, sessions, type EventType, type LocalisedText } from "../../db/schema";
import { actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse, type FieldRefusal } from "../../lib/refusal";
import { decodeCursor, encodeCursor, searchTextFor } from "./shared";
import type { Db } from "../../db/client";
import { preparedOnce } from "../../db/prepared";
import { DEFAULT_CONSENT_AGE } from "../../rules/consent";
import { YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";

export type Event = typeof events.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export interface EventFields {
  type: EventType;
  title: LocalisedText;
  description: LocalisedText;
  whatToBring: LocalisedText | null;
  minAge: number;
  maxAge: number;
  tags: string[];
  accessFeatures: string[];
  groupsAllowed: boolean;
  pupilsPerStaff: number;
  waitlistEnabled: boolean;
  consentAge: number;
}

export type EventInput = Partial<EventFields> & Pick<EventFields, "type" | "title" | "description"> & { hostOrganisationId: string };
export type EventPatch = Partial<EventFields>;

/** Rules that span fields, checked on the merged result so a PATCH cannot break them either. */
function checkEventRules(e: Pick<EventFields, "minAge" | "maxAge" | "consentAge">) {
  const fields: FieldRefusal[] = [];
  if (e.minAge > e.maxAge) fields.push(field("minAge", "not_more_than_max_age", { max: e.maxAge }));
  if (fields.length) throw refuse("min_age_above_max", {}, { fields });
}

const unique = (values: string[] | undefined) => (values ? [...new Set(values)] : undefined);

/** Coordinators create events for any host; anyone else only for an organisation they act for. */
export async function createEvent(deps: Deps, actor: Actor, input: EventInput): Promise<Event> {
  if (!isCoordinator(actor) && !actsFor(actor, input.hostOrganisationId)) {
    throw refuse("own_events_only", {}, { fields: [field("hostOrganisationId", "your_organisation")] });
  }
  const [host] = await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.hostOrganisationId)).limit(1);
  if (!host) {
    throw refuse("unknown_organisation", {}, { fields: [field("hostOrganisationId", "no_such_organisation")] });
  }
  const row = {
    minAge: input.minAge ?? YOUNG_PERSON_MIN_AGE,
    maxAge: input.maxAge ?? YOUNG_PERSON_MAX_AGE,
    consentAge: input.consentAge ?? DEFAULT_CONSENT_AGE,
  };
  checkEventRules(row);
  const now = deps.clock.now();
  const [event] = await deps.db
    .insert(events)
    .values({
      id: newId("evt", now),
      type: input.type,
      title: input.title,
      description: input.description,
      searchText: searchTextFor(input.title, input.description),
      hostOrganisationId: input.hostOrganisationId,
      ...row,
      tags: unique(input.tags) ?? [],
      accessFeatures: unique(input.accessFeatures) ?? [],
      groupsAllowed: input.groupsAllowed ?? false,
      pupilsPerStaff: input.pupilsPerStaff ?? 10,
      waitlistEnabled: input.waitlistEnabled ?? true,
      whatToBring: input.whatToBring ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return event!;
}

export async function getEvent(deps: Deps, id: string): Promise<Event> {
  const [row] = await deps.db.select().from(events).where(eq(events.id, id)).limit(1);
  if (!row) throw refuse("no_event");
  return row;
}

/** Loads an event the actor may change: coordinators, or whoever acts for the host. */
export async function getEventToManage(deps: Deps, actor: Actor, id: string): Promise<Event> {
  const event = await getEvent(deps, id);
  if (!actsFor(actor, event.hostOrganisationId)) throw refuse("host_only_change_event");
  return event;
}

/**
 * The update is guarded on `updated_at` as read, so two PATCHes racing each other cannot
 * together produce an age range neither would have been allowed to set alone.
 */
export async function updateEvent(deps: Deps, actor: Actor, id: string, patch: EventPatch): Promise<Event> {
  const current = await getEventToManage(deps, actor, id);
  const merged = { ...current, ...definedOnly(patch) };
  checkEventRules(merged);
  const now = Math.max(deps.clock.now(), current.updatedAt + 1);
  const [row] = await deps.db
    .update(events)
    .set({
      ...definedOnly(patch),
      tags: unique(patch.tags) ?? current.tags,
      accessFeatures: unique(patch.accessFeatures) ?? current.accessFeatures,
      searchText: searchTextFor(merged.title, merged.description),
      updatedAt: now,
    })
    .where(and(eq(events.id, id), eq(events.updatedAt, current.updatedAt)))
    .returning();
  if (!row) throw refuse("event_changed_meanwhile");
  return row;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface EventFilters {
  type?: EventType;
  from?: number;
  /** Exclusive. */
  to?: number;
  age?: number;
  tags?: string[];
  accessFeatures?: string[];
  q?: string;
  cursor?: string;
  limit: number;
}

/**
 * The public directory. Ordered by id (time-prefixed, unique), so paging with the opaque
 * cursor visits every matching event exactly once.
 */
export async function listEvents(deps: Deps, f: EventFilters) {
  const after = decodeCursor(f.cursor);
  const where: (SQL | undefined)[] = [after ? gt(events.id, after) : undefined];
  if (f.type) where.push(eq(events.type, f.type));
  if (f.age !== undefined) where.push(lte(events.minAge, f.age), gte(events.maxAge, f.age));
  if (f.tags?.length) {
    // Any of the tags asked for.
    where.push(sql`exists (select 1 from json_each(${events.tags}) where json_each.value in (select value from json_each(${JSON.stringify(f.tags)})))`);
  }
  for (const feature of f.accessFeatures ?? []) {
    // Every access feature asked for: someone who needs BSL and easy-read needs both.
    where.push(sql`exists (select 1 from json_each(${events.accessFeatures}) where json_each.value = ${feature})`);
  }
  if (f.q) where.push(sql`instr(${events.searchText}, ${f.q.toLowerCase()}) > 0`);
  if (f.from !== undefined || f.to !== undefined) {
    const inRange = and(
      eq(sessions.eventId, events.id),
      eq(sessions.status, "scheduled"),
      f.from !== undefined ? gte(sessions.startsAt, f.from) : undefined,
      f.to !== undefined ? sql`${sessions.startsAt} < ${f.to}` : undefined,
    );
    where.push(sql`exists (select 1 from ${sessions} where ${inRange})`);
  }
  // The plain list (no filter but the page), by far the most asked for, is built once.
  const rows =
    where.length === 1
      ? await preparedOnce(deps.db, "catalogue.eventsPage", eventsPage).all({ after: after ?? "", limit: f.limit + 1 })
      : await deps.db
          .select()
          .from(events)
          .where(and(...where))
          .orderBy(asc(events.id))
          .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  const next = await nextSessions(deps, items.map((e) => e.id));
  return {
    items: items.map((e) => ({ event: e, nextSession: next.get(e.id) ?? null })),
    nextCursor: rows.length > f.limit ? encodeCursor(items.at(-1)!.id) : null,
  };
}

/** A page of events after id `after` ('' for the first), in id order. */
const eventsPage = (db: Db) =>
  db.select().from(events).where(gt(events.id, sql.placeholder("after"))).orderBy(asc(events.id)).limit(sql.placeholder("limit")).prepare();

/** Each event's first scheduled session that has not started yet. */
async function nextSessions(deps: Deps, eventIds: string[]): Promise<Map<string, Session>> {
  if (eventIds.length === 0) return new Map();
  const rows = await preparedOnce(deps.db, "catalogue.nextSessions", nextSessionsOf).all({ ids: JSON.stringify(eventIds), now: deps.clock.now() });
  return new Map(rows.map((s) => [s.eventId, s]));
}

const nextSessionsOf = (db: Db) =>
  db
    .select()
    .from(sessions)
    .where(
      and(
        // One JSON parameter rather than one per id: D1 binds at most 100 parameters a query.
        sql`${sessions.eventId} in (select value from json_each(${sql.placeholder("ids")}))`,
        sql`${sessions.id} = (select s2.id from sessions s2 where s2.event_id = ${sessions.eventId} and s2.status = 'scheduled' and s2.starts_at > ${sql.placeholder("now")} order by s2.starts_at, s2.id limit 1)`,
      ),
    )
    .prepare();

export async function upcomingSessions(deps: Deps, eventId: string): Promise<Session[]> {
  return deps.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.eventId, eventId), eq(sessions.status, "scheduled"), gt(sessions.startsAt, deps.clock.now())))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}
