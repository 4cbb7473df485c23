// School staff book a group onto a carousel for their own school (rules 1, 7, 19): pupils +
// staff, the staff ratio as for groups, up to the carousel's total capacity.
import { sql } from "drizzle-orm";
import { auditLog, carouselGroups, organisations } from "../../db/schema";
import { insertSelect } from "../../db/conditional";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { eq } from "drizzle-orm";
import { actorId } from "../../lib/auth";
import { staffNeeded } from "../groups/service";
import { capacitySql, carouselView, loadCarousel, seatsTakenSql } from "./read";

export interface CarouselGroupInput {
  schoolId: string;
  label: string;
  pupils: number;
  staff: number;
  minAge: number;
  maxAge: number;
  accessNeeds?: string;
}

export function assertBookingOpen(c: { status: string; bookingsCloseAt: number }, now: number) {
  if (c.status === "cancelled") throw new ProblemError("session_cancelled", "This carousel has been cancelled.");
  if (now >= c.bookingsCloseAt) throw new ProblemError("conflict", "Bookings for this carousel have closed.");
}

export async function bookCarouselGroup(deps: Deps, actor: Actor, carouselId: string, input: CarouselGroupInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const ownSchool = actor.kind === "api_key" ? actor.organisationId === input.schoolId : actor.organisationIds.includes(input.schoolId);
  if (!ownSchool) throw new ProblemError("forbidden", "Only staff of that school can book a group for it.");
  const [school] = await db.select().from(organisations).where(eq(organisations.id, input.schoolId)).limit(1);
  if (school?.type !== "school") throw new ProblemError("unprocessable", "Only schools can book groups.", { errors: [{ path: "schoolId", message: "not a school" }] });
  const carousel = await loadCarousel(db, carouselId);
  assertBookingOpen(carousel, now);
  const needed = staffNeeded(input.pupils, carousel.pupilsPerStaff);
  if (input.staff < needed) {
    throw new ProblemError(
      "group_ratio",
      `A group of ${input.pupils} pupils needs at least ${needed} staff (1 adult for every ${carousel.pupilsPerStaff} pupils). You said ${input.staff}.`,
      { extra: { staffNeeded: needed }, errors: [{ path: "staff", message: `must be at least ${needed}` }] },
    );
  }
  const seats = input.pupils + input.staff;
  const id = newId("cgr", now);
  // Invariant (rules 1, 19): the live groups' seats never exceed the stations' total capacity
  // per round. The guard is inside the INSERT … SELECT, so two bookings racing for the last
  // seats cannot both pass it (SQLite and D1 run one write statement at a time); the audit row
  // is written only if the group was.
  const [[row]] = await db.batch([
    insertSelect(
      db,
      carouselGroups,
      {
        id,
        carouselId,
        schoolId: input.schoolId,
        bookedBy: actor.kind === "person" ? actor.person.id : null,
        label: input.label,
        pupils: input.pupils,
        staff: input.staff,
        seats,
        minAge: input.minAge,
        maxAge: input.maxAge,
        accessNeeds: input.accessNeeds ?? "",
        status: "confirmed",
        createdAt: now,
        updatedAt: now,
      },
      sql`from carousels c where c.id = ${carouselId} and c.status = 'open' and c.bookings_close_at > ${now}
          and ${seatsTakenSql(carouselId)} + ${seats} <= ${capacitySql(carouselId)}`,
    ).returning(),
    insertSelect(
      db,
      auditLog,
      { id: newId("aud", now), actorId: actorId(actor), action: "carousel_group.booked", subjectType: "carousel_group", subjectId: id, detail: { carouselId, seats }, at: now },
      sql`where exists (select 1 from carousel_groups where id = ${id})`,
    ),
  ]);
  if (row) return row;
  const fresh = await loadCarousel(db, carouselId);
  assertBookingOpen(fresh, clock.now());
  const view = await carouselView(db, fresh);
  throw new ProblemError(
    "session_full",
    view.seatsLeft === 0
      ? "Sorry, this carousel is full."
      : `Only ${view.seatsLeft} places are left and your group needs ${seats}. Try a smaller group.`,
    { extra: { seatsLeft: view.seatsLeft } },
  );
}
