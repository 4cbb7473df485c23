// Who may see and do what around a session's attendance. Shared by attendance, feedback and
// reports so the rule "hosts and coordinators" lives in one place. Who may see a booking, and
// loading a session with its event, are the booking engine's (bookings/lookups.ts).
import { eq } from "drizzle-orm";
import { events } from "../../db/schema";
import { actsFor } from "../../lib/auth";
import { auditInsert } from "../audit/record";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse, type PlainReason } from "../../lib/refusal";

export type EventRow = typeof events.$inferSelect;

export async function loadEvent(deps: Deps, eventId: string): Promise<EventRow> {
  const [event] = await deps.db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) throw refuse("no_event");
  return event;
}

/** The event's host organisation (its staff and API keys) and coordinators run the door. */
export function requireHost(actor: Actor, event: EventRow, refusal: Extract<PlainReason, `host_only_${string}`>): void {
  if (!actsFor(actor, event.hostOrganisationId)) {
    throw refuse(refusal);
  }
}

/** Rule 14: reading attendees' personal data leaves a trace, whoever reads it (hosts too, not only coordinators). */
export function auditRead(deps: Deps, actor: Actor, action: string, subjectType: string, subjectId: string) {
  return auditInsert(deps.db, actor, { action, subjectType, subjectId }, deps.clock.now());
}

/** People are shown to hosts by first name only (data minimisation). */
export function firstName(displayName: string | null | undefined): string {
  return (displayName ?? "").trim().split(/\s+/)[0] ?? "";
}

/** The name the door shows: a group by its school (its person_id is only the staff member who booked it), anyone else by first name. */
export function doorName(kind: string, schoolName: string | null | undefined, displayName: string | null | undefined): string {
  return kind === "group" ? (schoolName ?? "") : firstName(displayName);
}
