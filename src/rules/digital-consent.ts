// Digital consent (issue #14, UK GDPR Art. 8 and the Data Protection Act 2018 s.9): 13 is the
// age at which a child can agree to an online service themselves. Someone younger may start
// joining, but their account is usable (a sign-in link, a session) only once a parent or carer
// confirms it through a link emailed to them. Who may be that parent is rule 15's question
// (rules/consent.ts `guardianEmailIsAChilds`): not the child's own address, nor a young
// person's account under 18.
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { parentalConfirmations } from "../db/schema";
import { ageOnDayOf } from "./eligibility";

/** UK GDPR's age of digital consent. */
export const DIGITAL_CONSENT_AGE = 13;

/**
 * An under-13's account that no parent confirms within this many days is erased (ICO
 * Children's code: keep a child's data no longer than needed; a link that was never used
 * means the account will never be used). The join page and the parent's email say so.
 */
export const PARENT_CONFIRMATION_DAYS = 14;

/** True when someone born on `dateOfBirth` needs a parent's confirmation to join at `now`. */
export const needsParentalConfirmation = (dateOfBirth: string, now: number) => ageOnDayOf(dateOfBirth, now) < DIGITAL_CONSENT_AGE;

/** The parent's link: only for this account, only once (the guard of the confirming write). */
export const confirmationClaim = (tokenHash: string): SQL => and(eq(parentalConfirmations.tokenHash, tokenHash), isNull(parentalConfirmations.confirmedAt))!;

/**
 * Whether this person's account is waiting for a parent: the check before every sign-in link
 * and every session. An account with no row never needed one (13 or over when joining, made
 * by a coordinator, or older than this feature).
 */
export async function awaitingParent(db: Db, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ confirmedAt: parentalConfirmations.confirmedAt })
    .from(parentalConfirmations)
    .where(eq(parentalConfirmations.personId, personId))
    .limit(1);
  return Boolean(row) && row!.confirmedAt === null;
}
