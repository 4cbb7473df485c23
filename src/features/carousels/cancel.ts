// A school (or a coordinator) cancels a group booked on a carousel, until the carousel starts.
import { and, eq } from "drizzle-orm";
import { carouselGroups, carouselVisits } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { auditInsert } from "../audit/record";
import { loadCarousel, loadVisibleGroup } from "./read";

export async function cancelCarouselGroup(deps: Deps, actor: Actor, groupId: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const g = await loadVisibleGroup(db, actor, groupId);
  if (g.status !== "confirmed") throw new ProblemError("conflict", "This group booking is already cancelled or checked in.");
  const carousel = await loadCarousel(db, g.carouselId);
  if (now >= carousel.startsAt && !isCoordinator(actor)) throw new ProblemError("session_started", "The carousel has started, so the booking can't be cancelled now.");
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
  if (!row) throw new ProblemError("conflict", "This group booking is already cancelled or checked in.");
  return row;
}
