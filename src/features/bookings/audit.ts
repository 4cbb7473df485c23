// Rule 14: what coordinators do to other people's bookings is recorded, in the same batch as
// the change (so there is never a change without its entry, nor an entry without its change).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Actor } from "../../lib/env";
import { insertSelect } from "../../db/conditional";

/**
 * An audit row. With `onlyIf` (a condition, e.g. on a `last_op` marker) it is written only
 * when that condition holds at that point of the batch, i.e. when the change happened.
 */
export function auditEntry(
  db: Db,
  actor: Actor | null,
  action: string,
  subject: { type: "booking" | "session"; id: string },
  now: number,
  options: { detail?: Record<string, unknown>; onlyIf?: SQL } = {},
) {
  const values = {
    id: newId("aud", now),
    actorId: actorId(actor),
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    detail: options.detail ?? null,
    at: now,
  };
  return options.onlyIf ? insertSelect(db, auditLog, values, sql`where ${options.onlyIf}`) : db.insert(auditLog).values(values);
}
