import { asc, desc, eq } from "drizzle-orm";
import { bookings, feedback, people, sessions, youSaidWeDid, type Locale } from "../../db/schema";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";
import { auditRead, firstName, loadEvent, requireHost } from "../attendance/access";

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

export async function feedbackSummary(deps: Deps, actor: Actor, eventId: string) {
  const event = await loadEvent(deps, eventId);
  requireHost(actor, event, "host_only_feedback");
  const rows = await deps.db
    .select({ feedback, displayName: people.displayName })
    .from(feedback)
    .innerJoin(bookings, eq(bookings.id, feedback.bookingId))
    .leftJoin(people, eq(people.id, bookings.personId))
    .where(eq(feedback.eventId, eventId))
    .orderBy(desc(feedback.createdAt));
  await auditRead(deps, actor, "feedback.read", "event", eventId);

  const distribution = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 } as Record<"1" | "2" | "3" | "4" | "5", number>;
  for (const { feedback: f } of rows) distribution[String(f.rating) as keyof typeof distribution]++;
  const total = rows.reduce((n, r) => n + r.feedback.rating, 0);
  const withWords = rows.filter(({ feedback: f }) => f.whatWorked !== "" || f.couldBeBetter !== "");
  const named = withWords
    .filter(({ feedback: f }) => !f.anonymous)
    .map(({ feedback: f, displayName }) => ({
      rating: f.rating,
      whatWorked: f.whatWorked,
      couldBeBetter: f.couldBeBetter,
      anonymous: false,
      from: { name: firstName(displayName), bookingId: f.bookingId },
      givenAt: f.createdAt as number | null,
    }));
  // Anonymous comments carry no name, booking or time, and are ordered by content, so neither
  // their place in the list nor a timestamp ties them back to one attendee.
  const anonymous = withWords
    .filter(({ feedback: f }) => f.anonymous)
    .map(({ feedback: f }) => ({ rating: f.rating, whatWorked: f.whatWorked, couldBeBetter: f.couldBeBetter, anonymous: true, from: null, givenAt: null }))
    .sort((a, b) => a.rating - b.rating || a.whatWorked.localeCompare(b.whatWorked) || a.couldBeBetter.localeCompare(b.couldBeBetter));
  return {
    eventId,
    count: rows.length,
    anonymousCount: rows.filter((r) => r.feedback.anonymous).length,
    averageRating: rows.length ? Math.round((total / rows.length) * 100) / 100 : null,
    distribution,
    comments: [...named, ...anonymous],
  };
}

export async function addYouSaidWeDid(deps: Deps, actor: Actor, eventId: string, input: { youSaid: string; weDid: string; locale: Locale }) {
  await loadEvent(deps, eventId);
  const now = deps.clock.now();
  const [note] = await deps.db
    .insert(youSaidWeDid)
    .values({ id: newId("ysw", now), eventId, ...input, authorId: actor.kind === "person" ? actor.person.id : null, createdAt: now })
    .returning();
  return note!;
}

export async function listYouSaidWeDid(deps: Deps, eventId: string) {
  await loadEvent(deps, eventId);
  return deps.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.eventId, eventId)).orderBy(desc(youSaidWeDid.createdAt), asc(youSaidWeDid.id));
}
