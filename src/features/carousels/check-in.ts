// At the door: a group is checked in by head count (rule 12), and each of its planned visits
// records the pupils who came, so a station round counts as an employer encounter for them.
import { field, refuse } from "../../lib/refusal";
import { and, eq, inArray } from "drizzle-orm";
import { carouselGroups, carouselVisits } from "../../db/schema";
import { isCoordinator } from "../../lib/auth";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { auditInsert } from "../audit/record";
import { loadCarousel } from "./read";

export async function checkInCarouselGroup(deps: Deps, actor: Actor, groupId: string, counts: { pupils: number; staff: number }) {
  const { db, clock } = deps;
  const now = clock.now();
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
  const [g] = await db.select().from(carouselGroups).where(eq(carouselGroups.id, groupId)).limit(1);
  if (!g) throw refuse("no_such_carousel_group");
  if (g.status === "cancelled") throw refuse("carousel_group_cancelled");
  if (counts.pupils > g.pupils || counts.staff > g.staff) {
    throw refuse("carousel_check_in_too_many", { pupils: g.pupils, staff: g.staff }, { fields: [field(counts.pupils > g.pupils ? "pupils" : "staff", "more_than_booked")] });
  }
  const carousel = await loadCarousel(db, g.carouselId);
  if (carousel.status === "cancelled") throw refuse("carousel_cancelled");
  // Invariant: the head count and the attendance of every planned visit change together, so the
  // careers evidence never counts a group the door did not; the audit row goes with them.
  const [[row]] = await db.batch([
    db
      .update(carouselGroups)
      .set({ status: "attended", checkedInPupils: counts.pupils, checkedInStaff: counts.staff, checkedInAt: now, updatedAt: now })
      .where(and(eq(carouselGroups.id, g.id), inArray(carouselGroups.status, ["confirmed", "attended"])))
      .returning(),
    db.update(carouselVisits).set({ attendedPupils: counts.pupils, attendedAt: now }).where(eq(carouselVisits.groupId, g.id)),
    auditInsert(db, actor, { action: "carousel_group.checked_in", subjectType: "carousel_group", subjectId: g.id, detail: counts }, now),
  ]);
  if (!row) throw refuse("carousel_group_cancelled");
  return row;
}
