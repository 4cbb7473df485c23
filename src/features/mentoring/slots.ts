import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { bookings, mentoringSlots, mentors, people, SEAT_HOLDING_STATUSES, venues } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { HOUR } from "../../lib/time";
import { getMentor, managesMentor, type Mentor } from "./mentors";
import { expandLondonRule } from "../../lib/recurrence";
import { field, refuse, type PlainReason } from "../../lib/refusal";

export type Slot = typeof mentoringSlots.$inferSelect;

export interface SlotPlace {
  mode: "online" | "in_person";
  meetingUrl?: string;
  venueId?: string;
}
export type SlotTimes = { startsAt: string; endsAt: string } | { start: string; durationMinutes: number; rrule: string };

const MIN_MS = 15 * 60_000;
const MAX_MS = 4 * HOUR;
/** A refusal about one field, whose message there is the refusal's own sentence. */
const fieldRefusal = (path: string, reason: PlainReason) => refuse(reason, {}, { fields: [field(path, reason)] });

/** Rule 8: online slots carry a link; in-person slots are at a registered venue, never a typed address. */
async function checkPlace(deps: Deps, place: SlotPlace) {
  if (place.mode === "online") {
    if (!place.meetingUrl) throw fieldRefusal("meetingUrl", "online_slot_needs_link");
    if (place.venueId) throw fieldRefusal("venueId", "online_slot_no_venue");
  } else {
    if (!place.venueId) throw fieldRefusal("venueId", "in_person_slot_needs_venue");
    if (place.meetingUrl) throw fieldRefusal("meetingUrl", "in_person_slot_no_link");
    const [venue] = await deps.db.select({ id: venues.id }).from(venues).where(eq(venues.id, place.venueId)).limit(1);
    if (!venue) throw fieldRefusal("venueId", "slot_venue_unregistered");
  }
}

function checkTimes(startsAt: number, endsAt: number, now: number, path = "startsAt") {
  if (startsAt <= now) throw fieldRefusal(path, "slot_in_future");
  if (endsAt - startsAt < MIN_MS || endsAt - startsAt > MAX_MS) throw fieldRefusal("endsAt", "slot_length");
}

function instants(times: SlotTimes): { startsAt: number; endsAt: number }[] {
  if ("startsAt" in times) {
    return [{ startsAt: Date.parse(times.startsAt), endsAt: Date.parse(times.endsAt) }];
  }
  const starts = expandLondonRule(times.start, times.rrule, "slots");
  return starts.map((s) => ({ startsAt: s, endsAt: s + times.durationMinutes * 60_000 }));
}

/** A mentor cannot be in two places at once: new slots may not overlap their other live slots. */
async function checkMentorFree(deps: Deps, mentorId: string, times: { startsAt: number; endsAt: number }[], exceptSlotId?: string) {
  const first = Math.min(...times.map((t) => t.startsAt));
  const last = Math.max(...times.map((t) => t.endsAt));
  const existing = await deps.db
    .select({ startsAt: mentoringSlots.startsAt, endsAt: mentoringSlots.endsAt })
    .from(mentoringSlots)
    .where(
      and(
        eq(mentoringSlots.mentorId, mentorId),
        ne(mentoringSlots.status, "withdrawn"),
        sql`${mentoringSlots.startsAt} < ${last} AND ${mentoringSlots.endsAt} > ${first}`,
        exceptSlotId ? ne(mentoringSlots.id, exceptSlotId) : undefined,
      ),
    );
  const all = [...existing, ...times].sort((a, b) => a.startsAt - b.startsAt);
  for (let i = 1; i < all.length; i++) {
    if (all[i]!.startsAt < all[i - 1]!.endsAt) {
      throw refuse("mentor_slot_overlap", {}, { fields: [field("startsAt", "overlaps_mentor_slot")] });
    }
  }
}

export async function createSlots(deps: Deps, actor: Actor, mentorId: string, input: SlotTimes & SlotPlace): Promise<Slot[]> {
  const mentor = await getMentor(deps, mentorId);
  if (!managesMentor(actor, mentor)) throw refuse("own_mentors_slots_only");
  const now = deps.clock.now();
  const times = instants(input);
  for (const t of times) checkTimes(t.startsAt, t.endsAt, now, "startsAt" in input ? "startsAt" : "start");
  await checkPlace(deps, input);
  await checkMentorFree(deps, mentorId, times);
  const seriesId = times.length > 1 ? newId("ser", now) : null;
  const rows = times.map((t) => ({
    id: newId("mslot", now),
    mentorId,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    mode: input.mode,
    venueId: input.mode === "in_person" ? input.venueId! : null,
    meetingUrl: input.mode === "online" ? input.meetingUrl! : null,
    seriesId,
    createdAt: now,
  }));
  // A series is created whole or not at all.
  const [first, ...rest] = rows.map((r) => deps.db.insert(mentoringSlots).values(r).returning());
  const results = await deps.db.batch([first!, ...rest]);
  return results.flat() as Slot[];
}

export async function listMentorSlots(deps: Deps, actor: Actor, mentorId: string) {
  const mentor = await getMentor(deps, mentorId);
  if (!managesMentor(actor, mentor)) throw refuse("mentor_slots_own_organisation");
  return deps.db
    .select({ slot: mentoringSlots, bookingId: bookings.id })
    .from(mentoringSlots)
    .leftJoin(bookings, and(eq(bookings.slotId, mentoringSlots.id), eq(bookings.kind, "mentoring"), inArray(bookings.status, [...SEAT_HOLDING_STATUSES])))
    .where(and(eq(mentoringSlots.mentorId, mentorId), gt(mentoringSlots.endsAt, deps.clock.now() - 30 * 24 * HOUR)))
    .orderBy(asc(mentoringSlots.startsAt))
    .limit(500);
}

/** The slot with its mentor, checked against who is asking. Unknown and not-yours look the same (404). */
export async function slotForManager(deps: Deps, actor: Actor, slotId: string): Promise<{ slot: Slot; mentor: Mentor }> {
  const [row] = await deps.db
    .select({ slot: mentoringSlots, mentor: mentors })
    .from(mentoringSlots)
    .innerJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .where(eq(mentoringSlots.id, slotId))
    .limit(1);
  if (!row || !managesMentor(actor, row.mentor)) throw refuse("no_managed_slot");
  return row;
}

/** The live booking on a slot, with the young person's contact details for notices. */
export async function liveBookingOnSlot(deps: Deps, slotId: string) {
  const [row] = await deps.db
    .select({ booking: bookings, person: people })
    .from(bookings)
    .innerJoin(people, eq(people.id, bookings.personId))
    .where(and(eq(bookings.slotId, slotId), eq(bookings.kind, "mentoring"), inArray(bookings.status, [...SEAT_HOLDING_STATUSES])))
    .limit(1);
  return row ?? null;
}

export { checkMentorFree, checkPlace, checkTimes };
