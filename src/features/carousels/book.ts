// School staff book a group onto a carousel for their own school (rules 1, 7, 19): pupils +
// staff, the staff ratio as for groups, up to the carousel's total capacity.
import { field, refuse } from "../../lib/refusal";
import { sql } from "drizzle-orm";
import { auditLog, carouselGroups, organisations } from "../../db/schema";
import { insertSelect } from "../../db/conditional";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { eq } from "drizzle-orm";
import { actorId } from "../../lib/auth";
import { staffNeeded } from "../../rules/groups";
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
  if (c.status === "cancelled") throw refuse("carousel_cancelled");
  if (now >= c.bookingsCloseAt) throw refuse("carousel_bookings_closed");
}

export async function bookCarouselGroup(deps: Deps, actor: Actor, carouselId: string, input: CarouselGroupInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const ownSchool = actor.kind === "api_key" ? actor.organisationId === input.schoolId : actor.organisationIds.includes(input.schoolId);
  if (!ownSchool) throw refuse("own_school_only");
  const [school] = await db.select().from(organisations).where(eq(organisations.id, input.schoolId)).limit(1);
  if (school?.type !== "school") throw refuse("schools_only_groups", {}, { fields: [field("schoolId", "not_a_school")] });
  const carousel = await loadCarousel(db, carouselId);
  assertBookingOpen(carousel, now);
  const needed = staffNeeded(input.pupils, carousel.pupilsPerStaff);
  if (input.staff < needed) {
    throw refuse("carousel_ratio_short", { pupils: input.pupils, needed, pupilsPerStaff: carousel.pupilsPerStaff, staff: input.staff }, { extra: { staffNeeded: needed }, fields: [field("staff", "must_be_at_least", { min: needed })] });
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
  throw view.seatsLeft === 0
    ? refuse("carousel_full", {}, { extra: { seatsLeft: 0 } })
    : refuse("carousel_places_short", { seatsLeft: view.seatsLeft, wanted: seats }, { extra: { seatsLeft: view.seatsLeft } });
}
