// Calendar files people fetch: one booking's invite, and a personal subscription feed.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { bookings, people } from "../../db/schema";
import { newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { auditInsert } from "../audit/record";
import { canSeeBooking } from "../bookings/lookups";
import { loadManyBookingDetails } from "../notifications/read";
import { bookingInvite, INVITED_STATUSES, inviteMethodFor, personalFeed } from "./ics";

export async function inviteForBooking(deps: Deps, actor: Actor, bookingId: string): Promise<string> {
  const { db, clock, config } = deps;
  const [d] = await loadManyBookingDetails(db, eq(bookings.id, bookingId), { limit: 1 });
  // Someone else's booking looks exactly like a missing one: ids are not to be probed.
  if (!d || !canSeeBooking(actor, d.booking)) throw refuse("booking_not_found");
  const method = inviteMethodFor(d);
  if (!method) throw refuse("invite_not_confirmed");
  if (actor.kind === "person" && actor.person.id !== d.booking.personId && actor.isCoordinator) {
    await auditInsert(db, actor, { action: "booking.invite_downloaded", subjectType: "booking", subjectId: d.booking.id }, clock.now());
  }
  const locale = d.person?.locale ?? "en";
  const attendee = d.person ? { email: d.person.email, name: d.person.displayName } : undefined;
  return bookingInvite(d, method, { config, locale, now: clock.now(), attendee, includeOnlineLink: true });
}

export const feedUrl = (publicUrl: string, secret: string) => `${publicUrl}/api/v1/calendar-feeds/${secret}.ics`;

/**
 * Creates or replaces the person's feed secret. Only its hash is kept, so the URL is shown
 * this once; replacing the hash is what makes the old URL stop working.
 */
export async function rotateCalendarFeed(deps: Deps, personId: string): Promise<string> {
  const secret = newSecret(24);
  await deps.db.update(people).set({ calendarFeedHash: await sha256Hex(secret) }).where(eq(people.id, personId));
  return feedUrl(deps.config.publicUrl, secret);
}

const FEED_LIMIT = 500;

/** The feed behind a secret: the person's confirmed bookings (checked in or not), or null for an unknown secret. */
export async function calendarFeed(deps: Deps, secret: string): Promise<string | null> {
  const { db, clock, config } = deps;
  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.calendarFeedHash, await sha256Hex(secret)), isNull(people.erasedAt)))
    .limit(1);
  if (!person) return null;
  const list = (await loadManyBookingDetails(db, and(eq(bookings.personId, person.id), inArray(bookings.status, [...INVITED_STATUSES])), { limit: FEED_LIMIT })).filter(
    (d) => !d.occurrenceCancelled,
  );
  return personalFeed(list, { config, locale: person.locale, now: clock.now(), includeOnlineLink: true });
}
