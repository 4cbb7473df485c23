import { and, eq, sql } from "drizzle-orm";
import { auditLog, directoryChanges, directoryServices } from "../../db/schema";
import { insertSelect } from "../../db/conditional";
import { actorId, actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { londonDate } from "../../lib/time";
import { auditInsert } from "../audit/record";
import { checkReferences, fieldNames, rowValues } from "./fields";
import { findService } from "./read";
import type { DirectoryChange, DirectoryService, ServiceChanges } from "./schemas";

export type EditOutcome = { published: DirectoryService } | { proposed: DirectoryChange };

/** "This batch's guarded write reached the service": the audit row depends on it. */
export const serviceStampedBy = (serviceId: string, op: string) => sql`WHERE EXISTS (SELECT 1 FROM directory_services WHERE id = ${serviceId} AND last_op = ${op})`;

/** The audit row of a guarded write, written only if that write happened (see db/conditional.ts). */
export function guardedAudit(deps: Deps, actor: Actor, entry: { action: string; subjectType: string; subjectId: string; detail: Record<string, unknown> }, now: number, guard: ReturnType<typeof sql>) {
  return insertSelect(deps.db, auditLog, { id: newId("aud", now), actorId: actorId(actor), action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, detail: entry.detail, at: now }, guard);
}

/**
 * A coordinator's edit is applied at once; a partner's (of the organisation that runs the
 * service) becomes a proposal a coordinator approves (rule 20). Nobody else may change it,
 * and a partner cannot hand a service to another organisation.
 */
export async function editService(deps: Deps, actor: Actor, id: string, changes: ServiceChanges): Promise<EditOutcome> {
  const found = await findService(deps.db, id);
  if (!found) throw refuse("dir_no_service");
  const service = found.service;
  if (!actsFor(actor, service.organisationId)) throw refuse("dir_own_services_change_only");
  if (changes.organisationId !== undefined && changes.organisationId !== service.organisationId && !isCoordinator(actor)) {
    throw refuse("dir_move_coordinators_only", {}, { fields: [field("organisationId", "dir_stay_your_organisation")] });
  }
  if (Object.keys(changes).length === 0) throw refuse("dir_nothing_to_change");
  await checkReferences(deps.db, changes, service);
  const now = deps.clock.now();
  if (!isCoordinator(actor)) {
    const changeId = newId("dch", now);
    // One batch: the proposal and its audit row. The public service is untouched.
    const [[change]] = await deps.db.batch([
      deps.db.insert(directoryChanges).values({ id: changeId, serviceId: id, organisationId: service.organisationId, kind: "update", proposal: changes, proposedBy: actorId(actor), createdAt: now }).returning(),
      auditInsert(deps.db, actor, { action: "directory.service.proposed", subjectType: "directory_change", subjectId: changeId, detail: { serviceId: id, kind: "update", fields: fieldNames(changes) } }, now),
    ]);
    return { proposed: change! };
  }
  const row = await applyChanges(deps, actor, service, changes, { action: "directory.service.updated", subjectType: "directory_service", subjectId: id, detail: { fields: fieldNames(changes) } });
  return { published: row };
}

/**
 * Writes `changes` onto the service as it was read. The search text is rebuilt from the
 * merged names, so the write is guarded on updated_at: if someone else changed the service
 * in between, read it again and retry rather than overwrite their names' search text.
 */
export async function applyChanges(
  deps: Deps,
  actor: Actor,
  service: DirectoryService,
  changes: ServiceChanges,
  audit: { action: string; subjectType: string; subjectId: string; detail: Record<string, unknown> },
): Promise<DirectoryService> {
  let current = service;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.clock.now();
    const op = newId("op", now);
    const values = rowValues(changes, { name: changes.name ?? current.name, description: changes.description ?? current.description });
    // One batch: the change and its audit row, the row only if the guarded UPDATE won.
    const [[row]] = await deps.db.batch([
      deps.db
        .update(directoryServices)
        .set({ ...values, lastCheckedOn: londonDate(now), updatedAt: Math.max(now, current.updatedAt + 1), lastOp: op })
        .where(and(eq(directoryServices.id, current.id), eq(directoryServices.updatedAt, current.updatedAt)))
        .returning(),
      guardedAudit(deps, actor, audit, now, serviceStampedBy(current.id, op)),
    ]);
    if (row) return row;
    const again = await findService(deps.db, current.id);
    if (!again) throw refuse("dir_no_service");
    current = again.service;
  }
  throw refuse("dir_service_busy");
}
