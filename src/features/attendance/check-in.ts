import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { bookings, organisations, people } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { field, refuse, type PlainReason, type Refusal } from "../../lib/refusal";
import { HOUR } from "../../lib/time";
import { loadSession } from "../bookings/lookups";
import type { BookingRow } from "../bookings/view";
import { creditAttendanceStatement } from "../timebank/ledger";
import { doorName, requireHost } from "./access";

/** Doors open early: scanning before this is almost certainly the wrong day. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * HOUR;

/**
 * A ticket's code (typed or scanned), a group by its booking with the head count, or anyone on
 * the register by their booking (the "check in" button beside a name; a group needs its count).
 */
export type CheckInInput = { ticketCode: string; count?: number } | { groupBookingId: string; count: number } | { bookingId: string; count?: number };

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

/** Why a booking in each other status cannot be checked in. */
const REFUSALS: Partial<Record<BookingRow["status"], PlainReason>> = {
  pending_consent: "check_in_pending_consent",
  waitlisted: "check_in_waitlisted",
  offered: "check_in_offered",
  cancelled: "check_in_cancelled",
};

/** People type codes from paper; accept lower case, spaces and a missing dash. */
export function normaliseTicketCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s-]/g, "");
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}

export async function checkIn(deps: Deps, actor: Actor, sessionId: string, input: CheckInInput): Promise<CheckInResult> {
  const { db, clock } = deps;
  const { session, event } = await loadSession(deps, sessionId);
  requireHost(actor, event, "host_only_check_in");
  if (session.status === "cancelled") throw refuse("check_in_session_cancelled");
  const now = clock.now();
  if (now < session.startsAt - CHECK_IN_OPENS_BEFORE_MS) {
    throw refuse("check_in_not_open", { when: { at: session.startsAt - CHECK_IN_OPENS_BEFORE_MS } });
  }

  const { booking, name } = await findBooking(deps, input);
  if (booking.sessionId !== session.id) throw await wrongSession(deps, booking);
  const refusal = REFUSALS[booking.status];
  if (refusal) throw refuse(refusal, {}, { extra: { bookingId: booking.id, status: booking.status } });

  const count = booking.kind === "group" ? groupCount(booking, input.count) : 1;

  // The guard `checked_in_at IS NULL` makes a second scan, even at the same instant from two
  // doors, unable to move the first check-in time: only one UPDATE can match.
  // Invariant (rule 18): the person's hours are credited in the same write as the check-in,
  // once per person per session (the ledger's unique credit key), never without it.
  const [[first]] = await db.batch([
    db
      .update(bookings)
      .set({ status: "attended", checkedInAt: now, checkedInCount: count, updatedAt: now })
      .where(and(eq(bookings.id, booking.id), isNull(bookings.checkedInAt), inArray(bookings.status, CHECKABLE)))
      .returning(),
    creditAttendanceStatement(db, booking.id, now),
  ]);
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
    throw refuse(REFUSALS[row?.status ?? "cancelled"] ?? "check_in_not_now");
  }
  return describe(row, name, true);
}

/** The booking and the name the door shows for it (read together: check-in is the busiest moment). */
async function findBooking(deps: Deps, input: CheckInInput): Promise<{ booking: BookingRow; name: string }> {
  const byTicket = "ticketCode" in input;
  const where = byTicket
    ? eq(bookings.ticketCode, normaliseTicketCode(input.ticketCode))
    : "groupBookingId" in input
      ? and(eq(bookings.id, input.groupBookingId), eq(bookings.kind, "group"))
      : eq(bookings.id, input.bookingId);
  const [row] = await deps.db
    .select({ booking: bookings, school: organisations.name, person: people.displayName })
    .from(bookings)
    .leftJoin(organisations, eq(organisations.id, bookings.organisationId))
    .leftJoin(people, eq(people.id, bookings.personId))
    .where(where)
    .limit(1);
  if (!row) {
    throw refuse(byTicket ? "ticket_not_found" : "groupBookingId" in input ? "no_group_booking" : "no_such_booking");
  }
  return { booking: row.booking, name: doorName(row.booking.kind, row.school, row.person) };
}

function groupCount(booking: BookingRow, count: number | undefined): number {
  const booked = booking.pupils + booking.staff;
  if (count === undefined) {
    throw refuse("group_count_needed", { booked }, { fields: [field("count", "required_for_group")] });
  }
  if (count > booked) {
    throw refuse("group_count_too_high", { booked, pupils: booking.pupils, staff: booking.staff }, { fields: [field("count", "at_most", { max: booked })] });
  }
  return count;
}

async function wrongSession(deps: Deps, booking: BookingRow): Promise<Refusal> {
  if (!booking.sessionId) return refuse("ticket_for_mentoring", {}, { extra: { sessionId: null } });
  const { session, event } = await loadSession(deps, booking.sessionId);
  return refuse("ticket_for_other_session", { title: event.title, when: { at: session.startsAt } }, {
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
