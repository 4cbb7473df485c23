// Giving feedback on a booking (rule 13): through the API or the website, signed in, or from
// the one-time link in the feedback invitation (issue #14).
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookings, events, feedback, sessions } from "../../db/schema";
import { newId, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";

export interface FeedbackInput {
  rating: number;
  whatWorked: string;
  couldBeBetter: string;
  anonymous: boolean;
}

/** Who is answering: the signed-in booker, or the holder of the emailed link for this booking. */
export type FeedbackGiver = { actor: Actor } | { linkToken: string };

/**
 * The booking `giver` may give feedback on, with its event, or null. Only the booker speaks
 * for themselves (not even coordinators); the emailed link stands in for signing in, for that
 * one booking only.
 */
export async function feedbackBooking(db: Db, bookingId: string, giver: FeedbackGiver) {
  const own =
    "linkToken" in giver
      ? eq(bookings.feedbackTokenHash, await sha256Hex(giver.linkToken))
      : giver.actor.kind === "person"
        ? eq(bookings.personId, giver.actor.person.id)
        : undefined;
  if (!own) return null;
  const [row] = await db
    .select({ booking: bookings, eventId: sessions.eventId, title: events.title, given: feedback.id })
    .from(bookings)
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(feedback, eq(feedback.bookingId, bookings.id))
    .where(and(eq(bookings.id, bookingId), own))
    .limit(1);
  return row ?? null;
}

/** Rule 13: once per booking, only by the person who booked it, only if they came. */
export async function giveFeedback(deps: Deps, giver: Actor | FeedbackGiver, bookingId: string, input: FeedbackInput) {
  const { db, clock } = deps;
  const who: FeedbackGiver = "kind" in giver ? { actor: giver } : giver;
  const row = await feedbackBooking(db, bookingId, who);
  if (!row) throw refuse("no_visible_booking");
  if (row.booking.status !== "attended" || !row.eventId) {
    throw refuse("feedback_not_attended");
  }
  const now = clock.now();
  // The unique index on booking_id decides between two simultaneous submissions: one answer
  // per booking, so the emailed link, too, answers once.
  const [created] = await db
    .insert(feedback)
    .values({ id: newId("fbk", now), bookingId, eventId: row.eventId, ...input, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!created) throw refuse("feedback_given");
  return created;
}
