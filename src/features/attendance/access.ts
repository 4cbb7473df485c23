// Who may see and do what around a session's attendance. Shared by attendance, feedback and
// reports so the rule "hosts and coordinators" lives in one place.
import { eq } from "drizzle-orm";
import { auditLog, bookings, events, sessions } from "../../db/schema";
import { actorId, actsFor, isCoordinator } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";

export type SessionRow = typeof sessions.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;

export async function loadSession(deps: Deps, sessionId: string): Promise<{ session: SessionRow; event: EventRow }> {
  const [row] = await deps.db
    .select({ session: sessions, event: events })
    .from(sessions)
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) throw new ProblemError("not_found", "There is no session with that id.");
  return row;
}

export async function loadEvent(deps: Deps, eventId: string): Promise<EventRow> {
  const [event] = await deps.db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) throw new ProblemError("not_found", "There is no event with that id.");
  return event;
}

/** The event's host organisation (its staff and API keys) and coordinators run the door. */
export function requireHost(actor: Actor, event: EventRow, doing: string): void {
  if (!actsFor(actor, event.hostOrganisationId)) {
    throw new ProblemError("forbidden", `Only the organisation hosting this event, or a coordinator, can ${doing}.`);
  }
}

/**
 * Who may see a booking: the young person who booked it, staff of the school a group
 * booking belongs to, and coordinators. Everyone else is told it does not exist.
 */
export function canSeeBooking(actor: Actor, booking: BookingRow): boolean {
  if (isCoordinator(actor)) return true;
  if (booking.kind === "group" && booking.organisationId) return actsFor(actor, booking.organisationId);
  return actor.kind === "person" && booking.personId !== null && booking.personId === actor.person.id;
}

export async function loadVisibleBooking(deps: Deps, actor: Actor, bookingId: string): Promise<BookingRow> {
  const [booking] = await deps.db.select().from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  if (!booking || !canSeeBooking(actor, booking)) throw new ProblemError("not_found", "There is no booking with that id that you can see.");
  return booking;
}

/** Rule 14: reading attendees' personal data leaves a trace. */
export function auditRead(deps: Deps, actor: Actor, action: string, subjectType: string, subjectId: string) {
  const now = deps.clock.now();
  return deps.db.insert(auditLog).values({ id: newId("aud", now), actorId: actorId(actor), action, subjectType, subjectId, at: now });
}

/** People are shown to hosts by first name only (data minimisation). */
export function firstName(displayName: string | null | undefined): string {
  return (displayName ?? "").trim().split(/\s+/)[0] ?? "";
}
