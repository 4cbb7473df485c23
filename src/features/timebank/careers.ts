// Careers evidence for schools (issue #17): per school and per pupil named in its groups'
// rosters, the encounters with employers (Gatsby Benchmark 5) and experiences of workplaces
// (Gatsby 6) its groups attended. Which sessions count is the coordinators' choice
// (careers_rules: an event type, a host, or both). Pupils' data goes only to their own school.
import { and, asc, eq } from "drizzle-orm";
import { bookings, careersRules, events, organisations, sessions, type EventType, type GatsbyBenchmark, type LocalisedText } from "../../db/schema";
import { actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { londonDate } from "../../lib/time";
import { auditInsert, auditRead } from "../audit/record";
import { toCsv } from "../reports/csv";

export type CareersRuleRow = typeof careersRules.$inferSelect;

export interface Encounter {
  sessionId: string;
  startsAt: number;
  title: LocalisedText;
  eventType: EventType;
  host: string;
  benchmarks: GatsbyBenchmark[];
  groupBookingId: string;
  pupils: string[];
  pupilCount: number;
}

export interface CareersEvidence {
  schoolId: string;
  schoolName: string;
  encounters: Encounter[];
  pupils: { name: string; gatsby5: number; gatsby6: number }[];
}

/** Which benchmarks a session evidences under the rules: every rule whose type and host match (null matches any). */
export function benchmarksFor(rules: Pick<CareersRuleRow, "benchmark" | "eventType" | "hostOrganisationId">[], session: { eventType: EventType; hostOrganisationId: string }): GatsbyBenchmark[] {
  const hits = rules.filter((r) => (r.eventType === null || r.eventType === session.eventType) && (r.hostOrganisationId === null || r.hostOrganisationId === session.hostOrganisationId));
  return [...new Set(hits.map((r) => r.benchmark))].sort();
}

/** The school's staff (and its API key) and coordinators; anyone else, or a non-school, is refused. */
async function requireSchool(deps: Deps, actor: Actor, schoolId: string) {
  if (!actsFor(actor, schoolId)) throw refuse("careers_own_school_only");
  const [school] = await deps.db.select().from(organisations).where(eq(organisations.id, schoolId)).limit(1);
  if (!school) throw refuse("careers_own_school_only");
  if (school.type !== "school") throw refuse("careers_not_a_school");
  return school;
}

export async function careersEvidence(deps: Deps, actor: Actor, schoolId: string): Promise<CareersEvidence> {
  const { db, clock } = deps;
  const school = await requireSchool(deps, actor, schoolId);
  const [rules, groups] = await Promise.all([
    db.select().from(careersRules),
    db
      .select({ booking: bookings, startsAt: sessions.startsAt, title: events.title, eventType: events.type, hostId: events.hostOrganisationId, host: organisations.name })
      .from(bookings)
      .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
      .innerJoin(events, eq(events.id, sessions.eventId))
      .innerJoin(organisations, eq(organisations.id, events.hostOrganisationId))
      .where(and(eq(bookings.organisationId, schoolId), eq(bookings.kind, "group"), eq(bookings.status, "attended")))
      .orderBy(asc(sessions.startsAt), asc(bookings.id)),
  ]);
  // Pupils' names are personal data: a coordinator's look is logged (rule 14).
  await auditRead(db, actor, { action: "careers.evidence.read", subjectType: "organisation", subjectId: schoolId }, clock.now());
  const encounters: Encounter[] = groups
    .map((g) => ({
      sessionId: g.booking.sessionId!,
      startsAt: g.startsAt,
      title: g.title,
      eventType: g.eventType,
      host: g.host,
      benchmarks: benchmarksFor(rules, { eventType: g.eventType, hostOrganisationId: g.hostId }),
      groupBookingId: g.booking.id,
      pupils: g.booking.roster ?? [],
      pupilCount: g.booking.checkedInCount === null ? g.booking.pupils : Math.min(g.booking.pupils, g.booking.checkedInCount),
    }))
    .filter((e) => e.benchmarks.length > 0);
  const byPupil = new Map<string, { gatsby5: number; gatsby6: number }>();
  for (const e of encounters) {
    for (const name of e.pupils) {
      const tally = byPupil.get(name) ?? { gatsby5: 0, gatsby6: 0 };
      for (const b of e.benchmarks) tally[b] += 1;
      byPupil.set(name, tally);
    }
  }
  const pupils = [...byPupil.entries()].map(([name, t]) => ({ name, ...t })).sort((a, b) => a.name.localeCompare(b.name));
  return { schoolId, schoolName: school.name, encounters, pupils };
}

/** The CSV's columns, in order (documented in the OpenAPI description too). */
export const CAREERS_CSV_COLUMNS = ["pupil", "date", "activity", "activity_type", "host_organisation", "gatsby_benchmark", "group_booking_id"] as const;

/** One row per pupil, per session, per benchmark it evidences; a group without a roster is one row named "(group of N)". */
export function careersCsv(e: CareersEvidence): { csv: string; filename: string } {
  const rows = e.encounters.flatMap((x) =>
    (x.pupils.length > 0 ? x.pupils : [`(group of ${x.pupilCount})`]).flatMap((pupil) =>
      x.benchmarks.map((b) => [pupil, londonDate(x.startsAt), x.title.en, x.eventType, x.host, b === "gatsby5" ? "5" : "6", x.groupBookingId]),
    ),
  );
  return { csv: toCsv([...CAREERS_CSV_COLUMNS], rows), filename: `careers-evidence-${e.schoolName}.csv` };
}

export async function listCareersRules(deps: Deps): Promise<CareersRuleRow[]> {
  return deps.db.select().from(careersRules).orderBy(asc(careersRules.benchmark), asc(careersRules.createdAt), asc(careersRules.id));
}

export async function addCareersRule(deps: Deps, actor: Actor, input: { benchmark: GatsbyBenchmark; eventType?: EventType | null; hostOrganisationId?: string | null }): Promise<CareersRuleRow> {
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
  const { db, clock } = deps;
  if (input.hostOrganisationId) {
    const [host] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.hostOrganisationId)).limit(1);
    if (!host) throw refuse("careers_rule_host_unknown", {}, { fields: [field("hostOrganisationId", "no_such_organisation")] });
  }
  const now = clock.now();
  const row = { id: newId("crr", now), benchmark: input.benchmark, eventType: input.eventType ?? null, hostOrganisationId: input.hostOrganisationId ?? null, createdAt: now };
  await db.batch([db.insert(careersRules).values(row), auditInsert(db, actor, { action: "careers.rule.added", subjectType: "careers_rule", subjectId: row.id, detail: { benchmark: row.benchmark } }, now)]);
  return row;
}

export async function removeCareersRule(deps: Deps, actor: Actor, id: string): Promise<void> {
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
  const { db, clock } = deps;
  const [rule] = await db.select().from(careersRules).where(eq(careersRules.id, id)).limit(1);
  if (!rule) throw refuse("no_careers_rule");
  const now = clock.now();
  // The rule goes with its audit row.
  await db.batch([
    db.delete(careersRules).where(eq(careersRules.id, id)),
    auditInsert(db, actor, { action: "careers.rule.removed", subjectType: "careers_rule", subjectId: id, detail: { benchmark: rule.benchmark } }, now),
  ]);
}
