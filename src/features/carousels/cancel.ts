// A school (or a coordinator) cancels a group booked on a carousel, until the carousel starts.
import { refuse } from "../../lib/refusal";
import { and, eq } from "drizzle-orm";
import { carouselGroups, carouselVisits } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { auditInsert } from "../audit/record";
import { loadCarousel, loadVisibleGroup } from "./read";

export async function cancelCarouselGroup(deps: Deps, actor: Actor, groupId: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const g = await loadVisibleGroup(db, actor, groupId);
  if (g.status !== "confirmed") throw refuse("carousel_group_not_live");
  const carousel = await loadCarousel(db, g.carouselId);
  if (now >= carousel.startsAt && !isCoordinator(actor)) throw refuse("carousel_started_no_cancel");
  // Invariant: the group frees its seats and leaves the plan (its visits) in one write, so a
  // station's timetable never lists a cancelled group; the audit row goes with it.
  const [[row]] = await db.batch([
    db
      .update(carouselGroups)
      .set({ status: "cancelled", updatedAt: now })
      .where(and(eq(carouselGroups.id, g.id), eq(carouselGroups.status, "confirmed")))
      .returning(),
    db.delete(carouselVisits).where(eq(carouselVisits.groupId, g.id)),
    auditInsert(db, actor, { action: "carousel_group.cancelled", subjectType: "carousel_group", subjectId: g.id }, now),
  ]);
  if (!row) throw refuse("carousel_group_not_live");
  return row;
}
