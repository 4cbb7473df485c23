// Reading sign-in state without changing it: what the sign-in page needs before it offers a button.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { magicLinks } from "../../db/schema";
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
