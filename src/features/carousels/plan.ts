// Makes (or remakes) a carousel's rotation plan with rule 19's planner and stores it: the plan
// itself (misses and why) on the carousel, and one visit row per group per round for the
// timetables, check-in and attendance.
import { refuse } from "../../lib/refusal";
import { and, eq, isNull, lte, or, lt, ne } from "drizzle-orm";
import { carousels, carouselVisits } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { planCarousel, type CarouselPlan } from "../../rules/carousel";
import { auditInsert } from "../audit/record";
import { liveGroupsOf, loadCarousel, stationsOf } from "./read";

export async function makePlan(deps: Deps, actor: Actor | null, carouselId: string): Promise<CarouselPlan> {
  const { db, clock } = deps;
  const now = clock.now();
  const carousel = await loadCarousel(db, carouselId);
  if (carousel.status === "cancelled") throw refuse("carousel_cancelled");
  const [stations, groups] = await Promise.all([stationsOf(db, carouselId), liveGroupsOf(db, carouselId)]);
  const plan = planCarousel({
    rounds: carousel.rounds,
    groups: groups.map((g) => ({ id: g.id, seats: g.seats, minAge: g.minAge, maxAge: g.maxAge })),
    stations: stations.map(({ station: s }) => ({ id: s.id, capacity: s.capacity, minAge: s.minAge, maxAge: s.maxAge })),
  });
  const visits = plan.groups.flatMap((g) =>
    g.stations.flatMap((stationId, r) => (stationId ? [{ id: newId("cvi", now), carouselId, groupId: g.groupId, stationId, round: r + 1 }] : [])),
  );
  // Invariant (rule 19): the stored plan and the visit rows the timetables read are replaced
  // together, so no timetable ever mixes two plans; the audit row goes with them.
  await db.batch([
    db.delete(carouselVisits).where(eq(carouselVisits.carouselId, carouselId)),
    ...chunks(visits, 10).map((part) => db.insert(carouselVisits).values(part)),
    db.update(carousels).set({ plan: plan as unknown as Record<string, unknown>, plannedAt: now }).where(eq(carousels.id, carouselId)),
    auditInsert(db, actor, { action: "carousel.planned", subjectType: "carousel", subjectId: carouselId, detail: { visits: plan.visits, complete: plan.complete } }, now),
  ]);
  return plan;
}

/** D1 limits bound parameters per statement (100): 10 visits × 5 columns stays well inside. */
function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * The minute job: plans every open carousel whose bookings have closed and that has no plan
 * made since they closed. Planning twice gives the same plan (the planner is deterministic).
 */
export async function planClosedCarousels(deps: Deps) {
  const now = deps.clock.now();
  const due = await deps.db
    .select({ id: carousels.id })
    .from(carousels)
    .where(
      and(
        ne(carousels.status, "cancelled"),
        lte(carousels.bookingsCloseAt, now),
        lt(carousels.startsAt, now + 365 * 86_400_000),
        or(isNull(carousels.plannedAt), lt(carousels.plannedAt, carousels.bookingsCloseAt)),
      ),
    )
    .limit(20);
  for (const c of due) await makePlan(deps, null, c.id);
  return { planned: due.length };
}
