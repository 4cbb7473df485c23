// Reading the audit log: coordinators only (the route and the page check), newest first.
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog, people } from "../../db/schema";

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string;
  /** Entries before this instant (paging back). */
  before?: number;
  /** What this person did, and what was done to them. */
  personId?: string;
  /** What the organisation's staff and API keys did, and what was done to it. */
  organisationId?: string;
  /** Instants [from, to). */
  fromMs?: number;
  toMs?: number;
  limit: number;
}

export async function listAudit(db: Db, options: AuditFilter) {
  const org = options.organisationId;
  const conditions = [
    options.subjectType ? eq(auditLog.subjectType, options.subjectType) : undefined,
    options.subjectId ? eq(auditLog.subjectId, options.subjectId) : undefined,
    options.before ? lt(auditLog.at, options.before) : undefined,
    options.fromMs !== undefined ? gte(auditLog.at, options.fromMs) : undefined,
    options.toMs !== undefined ? lt(auditLog.at, options.toMs) : undefined,
    options.personId ? or(eq(auditLog.actorId, options.personId), eq(auditLog.subjectId, options.personId)) : undefined,
    org
      ? or(
          eq(auditLog.subjectId, org),
          sql`${auditLog.actorId} in (select person_id from memberships where organisation_id = ${org})`,
          sql`${auditLog.actorId} in (select 'apikey:' || id from api_keys where organisation_id = ${org})`,
        )
      : undefined,
  ].filter(Boolean);
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
}

/** The person with this email, for the page's "person" filter (null: nobody has it). */
export async function personIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.email, email.trim().toLowerCase())).limit(1);
  return row?.id ?? null;
}

/** Display names for the actors on a page of entries (ids the page shows as people). */
export async function actorNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const personIds = [...new Set(ids.filter((id) => id.startsWith("per")))];
  if (personIds.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.displayName }).from(people).where(inArray(people.id, personIds));
  return new Map(rows.map((r) => [r.id, r.name]));
}
