import { and, asc, eq, inArray } from "drizzle-orm";
import { bookings, organisations, people } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { loadSession } from "../bookings/lookups";
import { auditRead, doorName, requireHost } from "./access";

/** The bookings a host expects at the door; the rest (cancelled, waiting) are not coming. */
export const EXPECTED_STATUSES = ["confirmed", "attended", "no_show"] as const;

export interface Attendee {
  bookingId: string;
  kind: "individual" | "group";
  /** First name only; for a group, the school's name. */
  name: string;
  pupils: number;
  staff: number;
  seats: number;
  status: (typeof EXPECTED_STATUSES)[number];
  accessNeeds: string;
  roster: string[] | null;
  checkedInAt: number | null;
  checkedInCount: number;
}

export async function attendanceFor(deps: Deps, actor: Actor, sessionId: string) {
  const { session, event } = await loadSession(deps, sessionId);
  requireHost(actor, event, "host_only_attendees");
  const rows = await deps.db
    .select({ booking: bookings, displayName: people.displayName, schoolName: organisations.name })
    .from(bookings)
    .leftJoin(people, eq(people.id, bookings.personId))
    .leftJoin(organisations, eq(organisations.id, bookings.organisationId))
    .where(and(eq(bookings.sessionId, sessionId), inArray(bookings.status, EXPECTED_STATUSES)))
    .orderBy(asc(bookings.createdAt));
  await auditRead(deps, actor, "attendance.read", "session", sessionId);

  const attendees: Attendee[] = rows.map(({ booking: b, displayName, schoolName }) => ({
    bookingId: b.id,
    kind: b.kind === "group" ? "group" : "individual",
    name: doorName(b.kind, schoolName, displayName),
    pupils: b.pupils,
    staff: b.staff,
    seats: b.seats,
    status: b.status as Attendee["status"],
    accessNeeds: b.accessNeeds,
    roster: b.roster ?? null,
    checkedInAt: b.checkedInAt,
    checkedInCount: b.checkedInCount ?? 0,
  }));
  // A register reads best as people by first name, then groups by school.
  attendees.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "individual" ? -1 : 1));
  return { session, event, attendees, counts: countAttendance(attendees) };
}

export function countAttendance(attendees: Attendee[]) {
  const tally = (list: Attendee[]) => {
    const inside = list.filter((a) => a.checkedInAt !== null);
    return {
      bookings: list.length,
      checkedIn: inside.length,
      expectedSeats: list.reduce((n, a) => n + a.seats, 0),
      checkedInSeats: inside.reduce((n, a) => n + a.checkedInCount, 0),
    };
  };
  const all = tally(attendees);
  return {
    expectedSeats: all.expectedSeats,
    checkedInSeats: all.checkedInSeats,
    stillToArrive: attendees.filter((a) => a.checkedInAt === null && a.status === "confirmed").length,
    noShows: attendees.filter((a) => a.status === "no_show").length,
    individuals: tally(attendees.filter((a) => a.kind === "individual")),
    groups: tally(attendees.filter((a) => a.kind === "group")),
  };
}
