// Reading sign-in state without changing it: what the sign-in page needs before it offers a button.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { joinDetails, magicLinks } from "../../db/schema";
import { sha256Hex } from "../../lib/crypto";

/** Whether a sign-in link is still usable, checked without using it up. */
export async function signInLinkUsable(db: Db, token: string, now: number): Promise<boolean> {
  const [link] = await db
    .select({ id: magicLinks.id })
    .from(magicLinks)
    .where(and(eq(magicLinks.tokenHash, await sha256Hex(token)), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)))
    .limit(1);
  return Boolean(link);
}

/** What a young person chose to tell us when joining (school, access needs), or null. */
export async function joinDetailsOf(db: Db, personId: string) {
  const [row] = await db.select({ school: joinDetails.school, accessNeeds: joinDetails.accessNeeds }).from(joinDetails).where(eq(joinDetails.personId, personId)).limit(1);
  return row ?? null;
}
