// Reads shared by the booking and group services. Reads decide what to attempt and how to
// explain a refusal; they never decide capacity (the guards inside each batch do).
import { isUniqueViolation } from "../../lib/constraint";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedOnce } from "../../db/prepared";
import { bookings, events, sessions } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import { actsFor, isCoordinator } from "../../lib/auth";
import type { Actor } from "../../lib/env";
import { waitlistPosition } from "../../rules/waiting-list";
import type { BookingRow } from "./view";
import { refuse } from "../../lib/refusal";

/** A session with its event, by the session's primary key. */
const sessionWithEvent = (db: Db) =>
  db.select({ session: sessions, event: events }).from(sessions).innerJoin(events, eq(events.id, sessions.eventId)).where(eq(sessions.id, sql.placeholder("id"))).limit(1).prepare();

export async function loadSession(deps: Deps, sessionId: string) {
  const [row] = await preparedOnce(deps.db, "bookings.sessionWithEvent", sessionWithEvent).all({ id: sessionId });
  if (!row) throw refuse("no_such_session");
  return row;
}

export function eventTitle(event: typeof events.$inferSelect) {
  return event.title.en;
}

/** Refuses a session that can no longer be booked (or changed by a non-coordinator). */
export function assertBookable(session: typeof sessions.$inferSelect, now: number) {
  if (session.status === "cancelled") throw refuse("session_cancelled_no_booking");
  if (session.startsAt <= now) throw refuse("session_started_no_booking");
}

/**
 * Who may see a booking: the young person who booked it, staff (or an API key) of the school a
 * group belongs to, and coordinators. A group's person_id is only the staff member who booked
 * it: they see it as long as they act for that school. Everyone else is told it does not exist.
 */
export function canSeeBooking(actor: Actor, b: Pick<BookingRow, "kind" | "personId" | "organisationId">): boolean {
  if (isCoordinator(actor)) return true;
  if (b.kind === "group") return b.organisationId !== null && actsFor(actor, b.organisationId);
  return actor.kind === "person" && b.personId !== null && b.personId === actor.person.id;
}

/** A booking the actor may see (see `canSeeBooking`). Others get 404. */
export async function loadVisibleBooking(deps: Deps, actor: Actor, bookingId: string): Promise<BookingRow> {
  const [b] = await deps.db.select().from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  if (!b || !canSeeBooking(actor, b)) throw refuse("no_such_booking");
  return b;
}

export async function positionOf(deps: Deps, bookingId: string): Promise<number | undefined> {
  const rows = await deps.db.all<{ position: number }>(sql`select ${waitlistPosition} as position from bookings b where b.id = ${bookingId} and b.status = 'waitlisted'`);
  return rows[0]?.position;
}

export function clashProblem(clash: { id: string; title: string }) {
  return refuse("booking_clashes_with", { title: clash.title }, { extra: { clashingBookingId: clash.id, clashingTitle: clash.title } });
}

export async function liveBookingOf(deps: Deps, personId: string, sessionId: string) {
  const [b] = await deps.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.personId, personId), eq(bookings.sessionId, sessionId), eq(bookings.kind, "individual"), ne(bookings.status, "cancelled")))
    .limit(1);
  return b ?? null;
}

/**
 * True when the error is the one-place-per-person-per-session index refusing a duplicate. By
 * code: a booking insert's other unique indexes hold random tokens (ticket, consent), which
 * do not collide.
 */
export function isDuplicateBooking(err: unknown): boolean {
  return isUniqueViolation(err);
}
