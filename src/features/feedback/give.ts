// Giving feedback on a booking (rule 13).
import { eq } from "drizzle-orm";
import { bookings, feedback, sessions } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";

export interface FeedbackInput {
  rating: number;
  whatWorked: string;
  couldBeBetter: string;
  anonymous: boolean;
}

/** Rule 13: once per booking, only by the person who booked it, only if they came. */
export async function giveFeedback(deps: Deps, actor: Actor, bookingId: string, input: FeedbackInput) {
  const { db, clock } = deps;
  const [row] = await db
    .select({ booking: bookings, eventId: sessions.eventId })
    .from(bookings)
    .leftJoin(sessions, eq(sessions.id, bookings.sessionId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  // Only the booker: other people (even coordinators) must not speak for them.
  if (!row || actor.kind !== "person" || row.booking.personId !== actor.person.id) {
    throw refuse("no_visible_booking");
  }
  if (row.booking.status !== "attended" || !row.eventId) {
    throw refuse("feedback_not_attended");
  }
  const now = clock.now();
  // The unique index on booking_id decides between two simultaneous submissions.
  const [created] = await db
    .insert(feedback)
    .values({ id: newId("fbk", now), bookingId, eventId: row.eventId, ...input, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!created) throw refuse("feedback_given");
  return created;
}

