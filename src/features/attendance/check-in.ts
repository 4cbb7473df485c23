import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { bookings, organisations, people } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { HOUR } from "../../lib/time";
import { loadSession } from "../bookings/lookups";
import type { BookingRow } from "../bookings/view";
import { doorName, requireHost } from "./access";
import { londonDescription } from "../../../emails/format";

/** Doors open early: scanning before this is almost certainly the wrong day. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * HOUR;

export type CheckInInput = { ticketCode: string; count?: number } | { groupBookingId: string; count: number };

export interface CheckInResult {
  bookingId: string;
  sessionId: string;
  kind: "individual" | "group";
  /** First name for an individual, the school's name for a group. */
  name: string;
  seats: number;
  checkedInCount: number;
  checkedInAt: number;
  alreadyCheckedIn: boolean;
  accessNeeds: string;
}

/** Statuses a ticket can be checked in from. `no_show` lets a host correct a late record. */
const CHECKABLE = ["confirmed", "no_show"] as const;

const REFUSALS: Record<string, string> = {
  pending_consent: "This booking is still waiting for a parent or carer to agree, so it can't be checked in.",
  waitlisted: "This person is on the waiting list and has no place at this session.",
  offered: "This person was offered a place but has not accepted it, so it can't be checked in.",
  cancelled: "This booking was cancelled, so it can't be checked in.",
};

/** People type codes from paper; accept lower case, spaces and a missing dash. */
export function normaliseTicketCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s-]/g, "");
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}

export async function checkIn(deps: Deps, actor: Actor, sessionId: string, input: CheckInInput): Promise<CheckInResult> {
  const { db, clock } = deps;
  const { session, event } = await loadSession(deps, sessionId);
  requireHost(actor, event, "check people in");
  if (session.status === "cancelled") throw new ProblemError("session_cancelled", "This session has been cancelled, so nobody can be checked in.");
  const now = clock.now();
  if (now < session.startsAt - CHECK_IN_OPENS_BEFORE_MS) {
    throw new ProblemError("unprocessable", `Check-in opens 2 hours before the start, on ${londonDescription(session.startsAt - CHECK_IN_OPENS_BEFORE_MS)}.`);
  }

  const { booking, name } = await findBooking(deps, input);
  if (booking.sessionId !== session.id) throw await wrongSession(deps, booking);
  const refusal = REFUSALS[booking.status];
  if (refusal) throw new ProblemError("ticket_not_valid", refusal, { extra: { bookingId: booking.id, status: booking.status } });

  const count = booking.kind === "group" ? groupCount(booking, input.count) : 1;

  // The guard `checked_in_at IS NULL` makes a second scan, even at the same instant from two
  // doors, unable to move the first check-in time: only one UPDATE can match.
  const [first] = await db
    .update(bookings)
    .set({ status: "attended", checkedInAt: now, checkedInCount: count, updatedAt: now })
    .where(and(eq(bookings.id, booking.id), isNull(bookings.checkedInAt), inArray(bookings.status, CHECKABLE)))
    .returning();
  if (first) return describe(first, name, false);

  // Already in. A group's head count may be corrected (latecomers), never its first time.
  const again =
    booking.kind === "group"
      ? await db
          .update(bookings)
          .set({ checkedInCount: count, updatedAt: now })
          .where(and(eq(bookings.id, booking.id), isNotNull(bookings.checkedInAt), eq(bookings.status, "attended")))
          .returning()
      : await db.select().from(bookings).where(eq(bookings.id, booking.id)).limit(1);
  const row = again[0];
  if (!row || row.status !== "attended" || row.checkedInAt === null) {
    // The booking changed between our read and our write (cancelled at the door, say).
    throw new ProblemError("ticket_not_valid", REFUSALS[row?.status ?? "cancelled"] ?? "This booking can't be checked in now.");
  }
  return describe(row, name, true);
}

/** The booking and the name the door shows for it (read together: check-in is the busiest moment). */
async function findBooking(deps: Deps, input: CheckInInput): Promise<{ booking: BookingRow; name: string }> {
  const byTicket = "ticketCode" in input;
  const [row] = await deps.db
    .select({ booking: bookings, school: organisations.name, person: people.displayName })
    .from(bookings)
    .leftJoin(organisations, eq(organisations.id, bookings.organisationId))
    .leftJoin(people, eq(people.id, bookings.personId))
    .where(byTicket ? eq(bookings.ticketCode, normaliseTicketCode(input.ticketCode)) : and(eq(bookings.id, input.groupBookingId), eq(bookings.kind, "group")))
    .limit(1);
  if (!row) {
    throw new ProblemError("not_found", byTicket ? "We can't find a ticket with that code. Check the letters and try again." : "There is no group booking with that id.");
  }
  return { booking: row.booking, name: doorName(row.booking.kind, row.school, row.person) };
}

function groupCount(booking: BookingRow, count: number | undefined): number {
  const booked = booking.pupils + booking.staff;
  if (count === undefined) {
    throw new ProblemError("validation", `This is a group ticket for ${booked} people: please give the head count.`, {
      errors: [{ path: "count", message: "required for a group" }],
    });
  }
  if (count > booked) {
    throw new ProblemError(
      "validation",
      `This group booked ${booked} places (${booking.pupils} pupils and ${booking.staff} staff), so at most ${booked} can be checked in.`,
      { errors: [{ path: "count", message: `at most ${booked}` }] },
    );
  }
  return count;
}

async function wrongSession(deps: Deps, booking: BookingRow): Promise<ProblemError> {
  if (!booking.sessionId) {
    return new ProblemError("wrong_session", "This ticket is for a mentoring session, not this one.", { extra: { sessionId: null } });
  }
  const { session, event } = await loadSession(deps, booking.sessionId);
  return new ProblemError("wrong_session", `This ticket is for "${event.title.en}" on ${londonDescription(session.startsAt)}, not this session.`, {
    extra: { sessionId: session.id, eventId: event.id },
  });
}

function describe(booking: BookingRow, name: string, alreadyCheckedIn: boolean): CheckInResult {
  return {
    bookingId: booking.id,
    sessionId: booking.sessionId!,
    kind: booking.kind === "group" ? "group" : "individual",
    name,
    seats: booking.seats,
    checkedInCount: booking.checkedInCount ?? 0,
    checkedInAt: booking.checkedInAt!,
    alreadyCheckedIn,
    accessNeeds: booking.accessNeeds,
  };
}
