// Bookings a corrected date of birth put outside their event's age range (issue #14) are never
// cancelled by the system: a coordinator looks, decides (keep the place, or cancel it through
// the usual cancel) and marks the flag dealt with, here, from the API or the website alike.
import { and, eq, isNull, sql } from "drizzle-orm";
import { auditLog, bookingAgeFlags } from "../../db/schema";
import { insertSelect } from "../../db/conditional";
import { actorId } from "../../lib/auth";
import { newId } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import type { Actor } from "../../lib/env";
import { refuse } from "../../lib/refusal";

/** Marks a flag dealt with; a second press (or two coordinators at once) changes nothing more. */
export async function resolveAgeFlag(deps: Deps, actor: Actor, flagId: string): Promise<{ resolvedAt: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const [flag] = await db.select({ resolvedAt: bookingAgeFlags.resolvedAt, bookingId: bookingAgeFlags.bookingId }).from(bookingAgeFlags).where(eq(bookingAgeFlags.id, flagId)).limit(1);
  if (!flag) throw refuse("no_such_age_flag");
  if (flag.resolvedAt !== null) return { resolvedAt: flag.resolvedAt };
  // One audit row per flag however many press at once: the batch is one transaction, and the
  // audit row is written first, only while the flag is still open.
  await db.batch([
    insertSelect(
      db,
      auditLog,
      { id: newId("aud", now), actorId: actorId(actor), action: "booking.age_flag_resolved", subjectType: "booking", subjectId: flag.bookingId, detail: { flagId }, at: now },
      sql`where exists (select 1 from booking_age_flags where id = ${flagId} and resolved_at is null)`,
    ),
    db.update(bookingAgeFlags).set({ resolvedAt: now }).where(and(eq(bookingAgeFlags.id, flagId), isNull(bookingAgeFlags.resolvedAt))),
  ]);
  const [after] = await db.select({ resolvedAt: bookingAgeFlags.resolvedAt }).from(bookingAgeFlags).where(eq(bookingAgeFlags.id, flagId)).limit(1);
  return { resolvedAt: after!.resolvedAt! };
}
