// An under-13's account nobody confirmed (rules/digital-consent.ts): the child cannot sign in
// and a parent never answered, so what we hold about them serves no one. Erased by the same
// path as a person's own erasure, so nothing of it is left behind in another table.
import { and, eq, isNull, lt } from "drizzle-orm";
import { parentalConfirmations, people } from "../../db/schema";
import type { Deps } from "../../lib/deps";
import { PARENT_CONFIRMATION_DAYS } from "../../rules/digital-consent";
import { erasePerson } from "./erasure";

const DAY_MS = 86_400_000;

/** Accounts erased per run: the minute cron comes back for the rest. */
export const UNCONFIRMED_JOINS_PER_RUN = 20;

export async function eraseUnconfirmedJoins(deps: Deps): Promise<{ erased: number }> {
  const cutoff = deps.clock.now() - PARENT_CONFIRMATION_DAYS * DAY_MS;
  const waiting = await deps.db
    .select({ personId: parentalConfirmations.personId })
    .from(parentalConfirmations)
    .innerJoin(people, eq(people.id, parentalConfirmations.personId))
    .where(and(isNull(parentalConfirmations.confirmedAt), lt(parentalConfirmations.createdAt, cutoff), isNull(people.erasedAt)))
    .limit(UNCONFIRMED_JOINS_PER_RUN);
  for (const { personId } of waiting) {
    // A parent confirming at this moment races the erasure: if the erasure commits first, the
    // link is dead (erasure replaces its hash); if the confirmation does, the account is erased
    // anyway, a parent who answered after PARENT_CONFIRMATION_DAYS, told by the page to join again.
    await erasePerson(deps, null, personId, "parent_never_confirmed");
  }
  return { erased: waiting.length };
}
