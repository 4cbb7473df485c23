// Reading feedback and "you said, we did" notes: the host and coordinators see the summary, everyone sees the notes.
import { asc, desc, eq } from "drizzle-orm";
import { bookings, feedback, people, youSaidWeDid } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { auditRead, firstName, loadEvent, requireHost } from "../attendance/access";

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

export async function listYouSaidWeDid(deps: Deps, eventId: string) {
  await loadEvent(deps, eventId);
  return deps.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.eventId, eventId)).orderBy(desc(youSaidWeDid.createdAt), asc(youSaidWeDid.id));
}
