import { and, eq, sql } from "drizzle-orm";
import { insertSelect } from "../../db/conditional";
import { directoryChanges, directoryServices } from "../../db/schema";
import { actorId, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { londonDate } from "../../lib/time";
import { guardedAudit } from "./edit-service";
import { checkReferences, fieldNames, rowValues } from "./fields";
import { findChange, findService } from "./read";
import type { DirectoryChange, ServiceChanges, ServiceInput } from "./schemas";

/** The refusal for a proposal someone already decided, with its status for machines. */
const alreadyDecided = (status: DirectoryChange["status"]) => refuse(status === "approved" ? "dir_change_already_approved" : "dir_change_already_rejected", {}, { extra: { status } });

const changeStampedBy = (changeId: string, op: string) => sql`EXISTS (SELECT 1 FROM directory_changes WHERE id = ${changeId} AND last_op = ${op})`;

/**
 * A coordinator approves (the proposal becomes public) or rejects a pending proposal. A
 * proposal is decided once: two coordinators pressing at the same moment cannot both apply
 * it, because the decision is a guarded UPDATE (status still 'pending') and the service write
 * and audit row in the same batch run only if that UPDATE stamped the change.
 */
export async function decideChange(deps: Deps, actor: Actor, id: string, decision: "approve" | "reject"): Promise<DirectoryChange> {
  if (!isCoordinator(actor)) throw refuse("dir_decide_coordinators_only");
  for (let attempt = 0; attempt < 3; attempt++) {
    const change = await findChange(deps.db, id);
    if (!change) throw refuse("dir_no_change");
    if (change.status !== "pending") throw alreadyDecided(change.status);
    const now = deps.clock.now();
    const op = newId("op", now);
    const audit = { action: `directory.change.${decision === "approve" ? "approved" : "rejected"}`, subjectType: "directory_change", subjectId: id, detail: { serviceId: change.serviceId, kind: change.kind, fields: fieldNames(change.proposal) } };
    const decide = (extra?: ReturnType<typeof sql>) =>
      deps.db
        .update(directoryChanges)
        .set({ status: decision === "approve" ? "approved" : "rejected", decidedBy: actorId(actor), decidedAt: now, lastOp: op })
        .where(and(eq(directoryChanges.id, id), eq(directoryChanges.status, "pending"), extra))
        .returning();
    const auditRow = guardedAudit(deps, actor, audit, now, sql`WHERE ${changeStampedBy(id, op)}`);

    if (decision === "reject") {
      const [[row]] = await deps.db.batch([decide(), auditRow]);
      if (row) return row;
      continue;
    }
    if (change.kind === "create") {
      const input = change.proposal as ServiceInput;
      await checkReferences(deps.db, input);
      const values = rowValues(input, input);
      // One batch: the decision, the new public service and the audit row, all or nothing.
      const [[row]] = await deps.db.batch([
        decide(),
        insertSelect(
          deps.db,
          directoryServices,
          { ...values, id: change.serviceId, organisationId: input.organisationId, categoryId: input.categoryId, name: input.name, description: input.description, lastCheckedOn: londonDate(now), lastOp: op, createdAt: now, updatedAt: now },
          sql`WHERE ${changeStampedBy(id, op)}`,
        ),
        auditRow,
      ]);
      if (row) return row;
      continue;
    }
    const found = await findService(deps.db, change.serviceId);
    if (!found) throw refuse("dir_change_service_gone");
    const current = found.service;
    const changes = change.proposal as ServiceChanges;
    await checkReferences(deps.db, changes, current);
    const values = rowValues(changes, { name: changes.name ?? current.name, description: changes.description ?? current.description });
    // One batch: decided only if the service is still as read (its search text is rebuilt from
    // the merged names), then the service write and the audit row only if the decision won.
    const [[row]] = await deps.db.batch([
      decide(sql`EXISTS (SELECT 1 FROM directory_services WHERE id = ${current.id} AND updated_at = ${current.updatedAt})`),
      deps.db
        .update(directoryServices)
        .set({ ...values, lastCheckedOn: londonDate(now), updatedAt: Math.max(now, current.updatedAt + 1), lastOp: op })
        .where(and(eq(directoryServices.id, current.id), changeStampedBy(id, op))),
      auditRow,
    ]);
    if (row) return row;
  }
  const latest = await findChange(deps.db, id);
  if (latest && latest.status !== "pending") throw alreadyDecided(latest.status);
  throw refuse("dir_service_busy");
}
