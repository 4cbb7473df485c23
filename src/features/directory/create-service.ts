import { directoryChanges, directoryServices } from "../../db/schema";
import { actorId, actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { londonDate } from "../../lib/time";
import { auditInsert } from "../audit/record";
import { checkReferences, fieldNames, rowValues } from "./fields";
import type { DirectoryChange, DirectoryService, ServiceInput } from "./schemas";

export type CreateOutcome = { published: DirectoryService } | { proposed: DirectoryChange };

/**
 * A coordinator's new service is public at once. A partner's (staff or API key of the
 * organisation that runs it) is a proposal, public only once a coordinator approves it
 * (rule 20). Either way the write and its audit row go in one batch.
 */
export async function createService(deps: Deps, actor: Actor, input: ServiceInput): Promise<CreateOutcome> {
  if (!actsFor(actor, input.organisationId)) {
    throw refuse("dir_own_services_only", {}, { fields: [field("organisationId", "your_organisation")] });
  }
  await checkReferences(deps.db, input);
  const now = deps.clock.now();
  const serviceId = newId("dsv", now);
  if (isCoordinator(actor)) {
    const values = rowValues(input, input);
    // One batch: the service never appears without the audit row that says who added it.
    const [[row]] = await deps.db.batch([
      deps.db
        .insert(directoryServices)
        .values({ ...values, id: serviceId, organisationId: input.organisationId, categoryId: input.categoryId, name: input.name, description: input.description, lastCheckedOn: londonDate(now), createdAt: now, updatedAt: now })
        .returning(),
      auditInsert(deps.db, actor, { action: "directory.service.created", subjectType: "directory_service", subjectId: serviceId, detail: { fields: fieldNames(input) } }, now),
    ]);
    return { published: row! };
  }
  const changeId = newId("dch", now);
  // One batch: the proposal and its audit row.
  const [[change]] = await deps.db.batch([
    deps.db
      .insert(directoryChanges)
      .values({ id: changeId, serviceId, organisationId: input.organisationId, kind: "create", proposal: input, proposedBy: actorId(actor), createdAt: now })
      .returning(),
    auditInsert(deps.db, actor, { action: "directory.service.proposed", subjectType: "directory_change", subjectId: changeId, detail: { serviceId, kind: "create", fields: fieldNames(input) } }, now),
  ]);
  return { proposed: change! };
}
