import { and, eq, gt, isNull } from "drizzle-orm";
import { authSessions, magicLinks, people, type Locale } from "../../db/schema";
import { ACCESS_TOKEN_PREFIX } from "../../lib/auth";
import { newId, newSecret, sha256Hex } from "../../lib/crypto";
import type { Deps } from "../../lib/deps";
import { refuse } from "../../lib/refusal";
import { DAY } from "../../lib/time";
import { enqueue } from "../notifications/outbox";
import { awaitingParent } from "../../rules/digital-consent";

export const MAGIC_LINK_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * DAY;

/**
 * Sends a sign-in link if the email belongs to someone we know (or a coordinator). The
 * caller always gets the same answer; only a known address costs a write, so the routes run
 * this after responding (afterResponse) and its timing tells nothing.
 */
export async function requestMagicLink(deps: Deps, email: string): Promise<void> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const token = newSecret();
  const tokenHash = await sha256Hex(token);
  let [person] = await db.select().from(people).where(eq(people.email, email)).limit(1);
  if (!person && config.coordinatorEmails.includes(email)) {
    [person] = await db
      .insert(people)
      .values({ id: newId("per", now), email, displayName: email.split("@")[0]!, createdAt: now })
      .onConflictDoNothing()
      .returning();
    person ??= (await db.select().from(people).where(eq(people.email, email)).limit(1))[0];
  }
  if (!person || person.erasedAt) return;
  // An under-13's account waits for a parent's confirmation (rules/digital-consent.ts): no link
  // until then, and the answer to the asker stays the same.
  if (await awaitingParent(db, person.id)) return;
  await db.batch([
    db.insert(magicLinks).values({ id: newId("mlk", now), tokenHash, email, expiresAt: now + MAGIC_LINK_TTL_MS, createdAt: now }),
    enqueue(db, { template: "magic_link", to: email, locale: person.locale, payload: { url: `${config.publicUrl}/sign-in/${token}` } }, now),
  ]);
}

/** Exchanges a one-time link token for an access token. Single use, 15 minutes. */
export async function createSession(deps: Deps, token: string): Promise<{ accessToken: string; expiresAt: number; personId: string }> {
  const { db, clock } = deps;
  const now = clock.now();
  // Marking the link used and checking it was unused is one statement: two tabs racing to
  // use the same link cannot both get a session.
  const [link] = await db
    .update(magicLinks)
    .set({ usedAt: now })
    .where(and(eq(magicLinks.tokenHash, await sha256Hex(token)), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)))
    .returning();
  if (!link) throw refuse("sign_in_link_used");
  const [person] = await db.select().from(people).where(eq(people.email, link.email)).limit(1);
  if (!person || person.erasedAt || (await awaitingParent(db, person.id))) throw refuse("sign_in_link_dead");
  const accessToken = `${ACCESS_TOKEN_PREFIX}${newSecret(32)}`;
  const expiresAt = now + SESSION_TTL_MS;
  await db.insert(authSessions).values({ id: newId("ses", now), tokenHash: await sha256Hex(accessToken), personId: person.id, expiresAt, createdAt: now });
  return { accessToken, expiresAt, personId: person.id };
}

export async function revokeSession(deps: Deps, authSessionId: string): Promise<void> {
  await deps.db.update(authSessions).set({ revokedAt: deps.clock.now() }).where(eq(authSessions.id, authSessionId));
}

/** Creates the person if new; returns the id either way. Used by sign-up and by membership. */
export async function ensurePerson(
  deps: Deps,
  input: { email: string; displayName: string; dateOfBirth?: string; isYoungPerson?: boolean; locale?: Locale },
): Promise<{ id: string; created: boolean }> {
  const { db, clock } = deps;
  const now = clock.now();
  const [inserted] = await db
    .insert(people)
    .values({
      id: newId("per", now),
      email: input.email,
      displayName: input.displayName,
      dateOfBirth: input.dateOfBirth ?? null,
      isYoungPerson: input.isYoungPerson ?? false,
      locale: input.locale ?? "en",
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: people.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await db.select({ id: people.id }).from(people).where(eq(people.email, input.email)).limit(1);
  return { id: existing!.id, created: false };
}
