// My record (issue #17): everything a young person took part in and gave, with the organisations
// they met, to attach to a CV or a college application; shareable by a secret link they can
// turn off. Only what happened: sessions checked in, mentoring that took place, roles confirmed.
import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { bookings, contributors, events, mentoringSlots, mentors, organisations, people, recordShares, sessions, type ContributorRole, type EventType, type LocalisedText } from "../../db/schema";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { balanceSql, holderKey } from "../../rules/timebank";
import { auditInsert } from "../audit/record";

export interface RecordItem {
  kind: "session" | "mentoring" | "role";
  eventType: EventType | null;
  role: ContributorRole | null;
  title: LocalisedText;
  organisation: string;
  startsAt: number;
  minutes: number;
}

export interface YoungPersonRecord {
  name: string;
  items: RecordItem[];
  /** Minutes gained by taking part, given in roles, and the balance left to spend. */
  minutesTakingPart: number;
  minutesGiven: number;
  balance: number;
  organisations: string[];
}

const minutesBetween = (a: number, b: number) => Math.max(0, Math.round((b - a) / 60_000));

export async function recordOf(deps: Deps, personId: string): Promise<YoungPersonRecord> {
  const { db, clock } = deps;
  const now = clock.now();
  const [[person], attended, mentoring, roles, [total]] = await Promise.all([
    db.select({ name: people.displayName }).from(people).where(eq(people.id, personId)).limit(1),
    db
      .select({ type: events.type, title: events.title, organisation: organisations.name, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
      .from(bookings)
      .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
      .innerJoin(events, eq(events.id, sessions.eventId))
      .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
      .where(and(eq(bookings.personId, personId), eq(bookings.kind, "individual"), eq(bookings.status, "attended"))),
    // Mentoring is never checked in: a confirmed booking whose slot has ended took place.
    db
      .select({ mentor: mentors.displayName, organisation: organisations.name, startsAt: mentoringSlots.startsAt, endsAt: mentoringSlots.endsAt })
      .from(bookings)
      .innerJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
      .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
      .innerJoin(organisations, eq(organisations.id, mentors.organisationId))
      .where(and(eq(bookings.personId, personId), eq(bookings.kind, "mentoring"), inArray(bookings.status, ["confirmed", "attended"]), lt(mentoringSlots.endsAt, now))),
    db
      .select({ role: contributors.role, title: events.title, organisation: organisations.name, startsAt: sessions.startsAt, endsAt: sessions.endsAt, minutes: contributors.minutes })
      .from(contributors)
      .innerJoin(sessions, eq(sessions.id, contributors.sessionId))
      .innerJoin(events, eq(events.id, sessions.eventId))
      .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
      .where(and(eq(contributors.personId, personId), sql`${contributors.confirmedAt} is not null`)),
    db.all<{ balance: number }>(sql`select ${balanceSql(holderKey({ personId }))} as balance`),
  ]);
  const items: RecordItem[] = [
    ...attended.map((a) => ({ kind: "session" as const, eventType: a.type, role: null, title: a.title, organisation: a.organisation, startsAt: a.startsAt, minutes: minutesBetween(a.startsAt, a.endsAt) })),
    ...mentoring.map((m) => ({ kind: "mentoring" as const, eventType: null, role: null, title: { en: m.mentor }, organisation: m.organisation, startsAt: m.startsAt, minutes: minutesBetween(m.startsAt, m.endsAt) })),
    ...roles.map((r) => ({ kind: "role" as const, eventType: null, role: r.role, title: r.title, organisation: r.organisation, startsAt: r.startsAt, minutes: r.minutes ?? minutesBetween(r.startsAt, r.endsAt) })),
  ].sort((a, b) => a.startsAt - b.startsAt);
  const sum = (kinds: RecordItem["kind"][]) => items.filter((i) => kinds.includes(i.kind)).reduce((n, i) => n + i.minutes, 0);
  return {
    name: person?.name ?? "",
    items,
    minutesTakingPart: sum(["session", "mentoring"]),
    minutesGiven: sum(["role"]),
    balance: Number(total?.balance ?? 0),
    organisations: [...new Set(items.map((i) => i.organisation))].sort((a, b) => a.localeCompare(b)),
  };
}

export function requireYoungPerson(actor: Actor): Extract<Actor, { kind: "person" }> {
  if (actor.kind !== "person" || !actor.person.isYoungPerson) throw refuse("record_young_people_only");
  return actor;
}

export type RecordShareRow = typeof recordShares.$inferSelect;

/** A new secret link to the record: the secret is shown once, only its hash is kept. */
export async function createRecordLink(deps: Deps, actor: Actor): Promise<{ share: RecordShareRow; token: string }> {
  const me = requireYoungPerson(actor);
  const { db, clock } = deps;
  const now = clock.now();
  const token = newSecret(24);
  const share = { id: newId("rsh", now), personId: me.person.id, tokenHash: await sha256Hex(token), revokedAt: null, createdAt: now };
  await db.batch([db.insert(recordShares).values(share), auditInsert(db, me, { action: "timebank.record.shared", subjectType: "record_share", subjectId: share.id }, now)]);
  return { share, token };
}

export async function listRecordLinks(deps: Deps, actor: Actor): Promise<RecordShareRow[]> {
  const me = requireYoungPerson(actor);
  return deps.db.select().from(recordShares).where(and(eq(recordShares.personId, me.person.id), isNull(recordShares.revokedAt))).orderBy(desc(recordShares.createdAt), asc(recordShares.id));
}

/** Turns a link off for good. Only its owner can: anyone else's id is simply not found. */
export async function revokeRecordLink(deps: Deps, actor: Actor, shareId: string): Promise<void> {
  const me = requireYoungPerson(actor);
  const { db, clock } = deps;
  const now = clock.now();
  const [row] = await db
    .update(recordShares)
    .set({ revokedAt: now })
    .where(and(eq(recordShares.id, shareId), eq(recordShares.personId, me.person.id), isNull(recordShares.revokedAt)))
    .returning();
  if (!row) throw refuse("no_record_link");
}

/** The record behind a live link; a revoked, unknown or erased person's link does not work. */
export async function recordByToken(deps: Deps, token: string): Promise<YoungPersonRecord> {
  const [row] = await deps.db
    .select({ personId: recordShares.personId })
    .from(recordShares)
    .innerJoin(people, eq(people.id, recordShares.personId))
    .where(and(eq(recordShares.tokenHash, await sha256Hex(token)), isNull(recordShares.revokedAt), isNull(people.erasedAt)))
    .limit(1);
  if (!row) throw refuse("record_link_unusable");
  return recordOf(deps, row.personId);
}
