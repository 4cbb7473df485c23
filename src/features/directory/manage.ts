// The coordinators' smaller directory writes: adding a category, confirming a service's
// details are still right, and counting a poster's scan.
import { eq, sql } from "drizzle-orm";
import { directoryCategories, directoryPosterScans, directoryServices, venues } from "../../db/schema";
import { posterKey, type Poster } from "./posters";
import { isCoordinator } from "../../lib/auth";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse } from "../../lib/refusal";
import { londonDate } from "../../lib/time";
import { auditInsert, auditInsertIf } from "../audit/record";
import { findCategory } from "./read";
import type { DirectoryPictogram, LocalisedText } from "../../db/schema";

export async function addCategory(deps: Deps, actor: Actor, input: { id: string; name: LocalisedText; pictogram?: DirectoryPictogram }) {
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
  if (await findCategory(deps.db, input.id)) throw refuse("dir_category_exists", {}, { fields: [field("id", "dir_already_used")] });
  const now = deps.clock.now();
  // One batch: the category and its audit row. The primary key refuses a racing duplicate.
  const [[row]] = await deps.db.batch([
    deps.db.insert(directoryCategories).values({ id: input.id, name: input.name, pictogram: input.pictogram ?? "other", createdAt: now }).returning(),
    auditInsert(deps.db, actor, { action: "directory.category.added", subjectType: "directory_category", subjectId: input.id }, now),
  ]);
  return row!;
}

/** A coordinator confirms the details are still right today: it leaves the six-month list. */
export async function markChecked(deps: Deps, actor: Actor, id: string) {
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
  // Services are withdrawn, never deleted: one that is not there now never will be, and a
  // refusal must leave no audit row behind (test/hostile-input.test.ts).
  if (!(await deps.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.id, id)).limit(1)).length) throw refuse("dir_no_service");
  const now = deps.clock.now();
  // One batch: the date and its audit row, the row only for a service that exists (a refused
  // call changes nothing, test/hostile-input.test.ts).
  const [[row]] = await deps.db.batch([
    deps.db.update(directoryServices).set({ lastCheckedOn: londonDate(now) }).where(eq(directoryServices.id, id)).returning(),
    auditInsertIf(deps.db, actor, { action: "directory.service.checked", subjectType: "directory_service", subjectId: id }, now, sql`exists (select 1 from directory_services where id = ${id})`),
  ]);
  if (!row) throw refuse("dir_no_service");
  return row;
}

/**
 * One more person came from this poster. Only the poster and a count are kept: no address,
 * no cookie, no time per scan. One statement, so simultaneous scans all count.
 */
export async function countPosterScan(deps: Deps, poster: Poster): Promise<void> {
  // Only posters that exist are counted, so made-up links cannot fill the table.
  if (poster.scope.kind === "category" && !(await findCategory(deps.db, poster.scope.id))) return;
  if (poster.scope.kind === "venue" && !(await deps.db.select({ id: venues.id }).from(venues).where(eq(venues.id, poster.scope.id)).limit(1)).length) return;
  const key = posterKey(poster);
  const now = deps.clock.now();
  await deps.db
    .insert(directoryPosterScans)
    .values({ poster: key, scans: 1, lastAt: now })
    .onConflictDoUpdate({ target: directoryPosterScans.poster, set: { scans: sql`${directoryPosterScans.scans} + 1`, lastAt: now } });
}
