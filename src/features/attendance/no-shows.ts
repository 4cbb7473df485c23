import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { bookings } from "../../db/schema";
import type { BatchItem } from "drizzle-orm/batch";
import { rowsAffected } from "../../db/client";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { HOUR } from "../../lib/time";
import { enqueueForBookings } from "../notifications/outbox";

/** The feedback page of a booking, opened from the invitation without signing in (issue #14). */
export const feedbackUrl = (deps: Deps, bookingId: string, token: string) => `${deps.config.publicUrl}/bookings/${bookingId}/feedback?t=${token}`;

/** Hosts may still be scanning late arrivals or typing up a paper list after the end. */
export const NO_SHOW_GRACE_MS = 2 * HOUR;

/**
 * After a session ends (plus the grace period): confirmed bookings nobody checked in become
 * `no_show`, and everyone who came is invited, once, to give feedback (rules 12 and 13).
 * Safe to run twice, or twice at once: every write is guarded by the state it changes.
 */
export async function markNoShows(
  deps: Deps,
  options: {
    limit?: number;
    /** One session's register, closed by its host: no grace period, whatever its end. */
    sessionId?: string;
    /** Written in the same batch as the no-shows (the host's audit row). */
    alongside?: BatchItem<"sqlite">[];
  } = {},
): Promise<{ noShows: number; invited: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const cutoff = now - NO_SHOW_GRACE_MS;
  const due = options.sessionId ? eq(bookings.sessionId, options.sessionId) : lte(bookings.endsAt, cutoff);

  // One statement, so it is atomic on its own; `status = 'confirmed' AND checked_in_at IS NULL`
  // means a check-in that lands first wins and is never overwritten. Mentoring has no door to
  // check in at, so it is not ours to mark.
  const [marked] = await db.batch([
    db
      .update(bookings)
      .set({ status: "no_show", updatedAt: now })
      .where(
        and(
          eq(bookings.status, "confirmed"),
          isNull(bookings.feedbackInvitedAt),
          due,
          isNull(bookings.checkedInAt),
          inArray(bookings.kind, ["individual", "group"]),
        ),
      )
      .returning({ id: bookings.id }),
    ...(options.alongside ?? []),
  ]);

  const attended = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, "attended"), isNull(bookings.feedbackInvitedAt), due))
    .limit(options.limit ?? 200);
  if (attended.length === 0) return { noShows: marked.length, invited: 0 };

  // Issue #14: each invitation carries a link of its own, so someone not signed in can answer
  // from the email; only its hash is kept, set in the same claim as the invitation.
  const links = await Promise.all(
    attended.map(async ({ id }) => {
      const token = newSecret();
      return { id, token, hash: await sha256Hex(token) };
    }),
  );
  const statements = links.flatMap(({ id, token, hash }) => {
    const op = newId("op", now);
    return [
      // Claims the booking for this run: a concurrent run's UPDATE finds the column already set
      // and matches nothing, so its `last_op` never equals its own op id.
      db
        .update(bookings)
        .set({ feedbackInvitedAt: now, feedbackTokenHash: hash, lastOp: op })
        .where(and(eq(bookings.id, id), eq(bookings.status, "attended"), isNull(bookings.feedbackInvitedAt))),
      // …and the message exists only if this run's claim succeeded (and the person was not
      // erased meanwhile): the message and the flag commit together or not at all.
      // A group booked by API key has no person to invite, hence `person_id is not null`.
      enqueueForBookings(db, "feedback_invitation", sql`b.id = ${id} and b.last_op = ${op} and b.person_id is not null`, now, {
        payload: { feedbackUrl: feedbackUrl(deps, id, token) },
      }),
    ];
  });
  // Invariant: a booking's feedback_invited_at is set if and only if its invitation is in the
  // outbox (or its person was erased).
  const results = await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  const invited = results.filter((_, i) => i % 2 === 1).reduce((n, r) => n + rowsAffected(r), 0);
  return { noShows: marked.length, invited };
}
