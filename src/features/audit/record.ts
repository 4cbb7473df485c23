import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { insertSelect } from "../../db/conditional";
import { auditLog } from "../../db/schema";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Actor } from "../../lib/env";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** Ids and field names only: the audit log must not become a second copy of personal data. */
  detail?: Record<string, unknown>;
}

/**
 * The audit row for a change or a read of personal data. Put it in the same batch as the
 * change it records (pretix's log_action habit), so there is never a change without its entry.
 */
export function auditInsert(db: Db, actor: Actor | null, entry: AuditEntry, now: number) {
  return db.insert(auditLog).values(auditValues(actor, entry, now));
}

/** The audit row, written only if `condition` holds when the batch reaches it (the change happened). */
export function auditInsertIf(db: Db, actor: Actor | null, entry: AuditEntry, now: number, condition: SQL) {
  return insertSelect(db, auditLog, auditValues(actor, entry, now), sql`where ${condition}`);
}

const auditValues = (actor: Actor | null, entry: AuditEntry, now: number) => ({
  id: newId("aud", now),
  actorId: actorId(actor),
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId ?? null,
  detail: entry.detail ?? null,
  at: now,
});

/** Coordinators' reads of personal data are logged; others' reads of their own data are not. */
export async function auditRead(db: Db, actor: Actor | null, entry: AuditEntry, now: number): Promise<void> {
  if (actor?.kind === "person" && actor.isCoordinator) await auditInsert(db, actor, entry, now);
}

