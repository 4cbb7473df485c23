// Reading the audit log: coordinators only (the route checks), newest first.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

export async function listAudit(db: Db, options: { subjectType?: string; subjectId?: string; before?: number; limit: number }) {
  const conditions = [
    options.subjectType ? eq(auditLog.subjectType, options.subjectType) : undefined,
    options.subjectId ? eq(auditLog.subjectId, options.subjectId) : undefined,
    options.before ? lt(auditLog.at, options.before) : undefined,
  ].filter(Boolean);
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit);
}
