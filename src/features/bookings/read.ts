// Reading bookings for the pages: a person's own list, and the booking a guardian's consent link
// is for. Who may see a booking is decided by lookups.ts (loadVisibleBooking); these only gather.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, mentoringSlots, mentors, people, sessions, venues } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { waitlistPosition } from "../../rules/waiting-list";
import { auditEntry } from "./audit";
import { loadVisibleBooking, positionOf } from "./lookups";
import { bookingOut } from "./view";

/** What a consent link shows (issue #14): the question, or the decision it recorded. */
export type ConsentState = "asked" | "granted" | "withdrawable" | "refused" | "withdrawn" | "cancelled";

/**
 * The booking a consent link is for, and where its answer stands: still to answer (`asked`),
 * a yes that can be withdrawn until the start (`withdrawable`) or no longer (`granted`), a no,
 * a withdrawn yes, or a place cancelled since for another reason. Null when the link never
 * existed or ran out unanswered. The token is stored hashed, so it is looked up by its hash.
 */
export async function consentLink(db: Db, token: string, now: number) {
  const [row] = await db
    .select({ booking: bookings, person: { displayName: people.displayName }, session: sessions, event: events, venue: venues })
    .from(bookings)
    .innerJoin(people, eq(people.id, bookings.personId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(eq(bookings.consentTokenHash, await sha256Hex(token)))
    .limit(1);
  if (!row) return null;
  const state = consentState(row.booking, row.session.startsAt, now);
  return state ? { ...row, state } : null;
}

function consentState(b: { status: string; holdExpiresAt: number | null; cancelReason: string | null }, startsAt: number, now: number): ConsentState | null {
  if (b.status === "pending_consent") return b.holdExpiresAt !== null && b.holdExpiresAt > now ? "asked" : null;
  if (b.status === "cancelled") {
    if (b.cancelReason === "consent_refused") return "refused";
    if (b.cancelReason === "consent_withdrawn") return "withdrawn";
    return b.cancelReason === "consent_expired" ? null : "cancelled";
  }
  if (b.status === "confirmed" && startsAt > now) return "withdrawable";
  return b.status === "confirmed" || b.status === "attended" || b.status === "no_show" ? "granted" : null;
}

/** The booking a consent link is for, only while it can still be answered. */
export async function consentRequest(db: Db, token: string, now: number) {
  const link = await consentLink(db, token, now);
  return link?.state === "asked" ? link : null;
}

/** What a person has booked, soonest first, with what is needed to describe each. */
export async function bookingsOf(db: Db, personId: string) {
  const rows = await db
    .select({ booking: bookings, event: events, mentorName: mentors.displayName, sessionVenue: venues })
    .from(bookings)
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(mentoringSlots, eq(mentoringSlots.id, bookings.slotId))
    .leftJoin(mentors, eq(mentors.id, mentoringSlots.mentorId))
    .leftJoin(venues, eq(venues.id, sql`coalesce(${sessions.venueId}, ${mentoringSlots.venueId})`))
    .where(eq(bookings.personId, personId))
    .orderBy(asc(bookings.startsAt))
    .limit(200);
  return rows;
}

/**
 * A booking's row as stored, for its page (the API's shape lacks the guardian's address). The
 * caller has already decided the person may see it (lookups.ts loadVisibleBooking).
 */
export async function bookingRow(db: Db, bookingId: string) {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  return row ?? null;
}

export async function getBooking(deps: Deps, actor: Actor, bookingId: string) {
  const b = await loadVisibleBooking(deps, actor, bookingId);
  const ownOrSchool = actor.kind === "api_key" || actor.person.id === b.personId || (b.organisationId !== null && actor.organisationIds.includes(b.organisationId));
  if (!ownOrSchool) await auditEntry(deps.db, actor, "booking.read", { type: "booking", id: b.id }, deps.clock.now());
  return bookingOut(b, { position: await positionOf(deps, b.id) });
}

/** The signed-in person's own bookings, soonest first. */
export async function listMyBookings(deps: Deps, personId: string) {
  const rows = await deps.db
    .select({ booking: bookings, title: events.title })
    .from(bookings)
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .where(and(eq(bookings.personId, personId), sql`${bookings.kind} != 'group'`))
    .orderBy(bookings.startsAt, desc(bookings.createdAt))
    .limit(500);
  const positions = new Map(
    (
      await deps.db.all<{ id: string; position: number }>(
        sql`select b.id as id, ${waitlistPosition} as position from bookings b where b.person_id = ${personId} and b.status = 'waitlisted'`,
      )
    ).map((p) => [p.id, p.position]),
  );
  return rows.map((r) => bookingOut(r.booking, { position: positions.get(r.booking.id), title: r.title?.en }));
}
