// Catalogue rows written straight into the database, so booking tests do not depend on the
// catalogue endpoints (built separately), plus fast sign-ins for hundreds of people.
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { authSessions, events, memberships, organisations, people, sessions, venues, type OrganisationType } from "../../src/db/schema";
import { ACCESS_TOKEN_PREFIX } from "../../src/lib/auth";
import { newId, newSecret, sha256Hex } from "../../src/lib/crypto";
import { DAY, HOUR } from "../../src/lib/time";

export async function organisation(db: Db, type: OrganisationType = "school", name = `${type} ${newSecret(3)}`) {
  const [org] = await db.insert(organisations).values({ id: newId("org"), type, name, contactEmail: `office-${newSecret(4)}@${type}.test` }).returning();
  return org!;
}

export async function venue(db: Db) {
  const [v] = await db.insert(venues).values({ id: newId("ven"), name: "Library", address: "1 High St", postcode: "AB1 2CD" }).returning();
  return v!;
}

export async function event(db: Db, options: Partial<typeof events.$inferInsert> = {}) {
  const host = options.hostOrganisationId ?? (await organisation(db, "community")).id;
  const [e] = await db
    .insert(events)
    .values({ id: newId("evt"), type: "career_taster", title: { en: "Plumbing taster" }, description: { en: "Try it out" }, ...options, hostOrganisationId: host })
    .returning();
  return e!;
}

/** A session `startsIn` ms after `now`, lasting 2 h, on a new event unless one is given. */
export async function session(
  db: Db,
  now: number,
  options: { capacity?: number; startsIn?: number; durationMs?: number; eventId?: string; event?: Partial<typeof events.$inferInsert>; title?: string } = {},
) {
  const eventId = options.eventId ?? (await event(db, { ...options.event, ...(options.title ? { title: { en: options.title } } : {}) })).id;
  const startsAt = now + (options.startsIn ?? 7 * DAY);
  const [s] = await db
    .insert(sessions)
    .values({ id: newId("ses"), eventId, startsAt, endsAt: startsAt + (options.durationMs ?? 2 * HOUR), capacity: options.capacity ?? 20 })
    .returning();
  return s!;
}

export async function addMember(db: Db, organisationId: string, personId: string) {
  await db.insert(memberships).values({ id: newId("mem"), organisationId, personId });
}

export async function personByEmail(db: Db, email: string) {
  const [p] = await db.select().from(people).where(eq(people.email, email)).limit(1);
  return p!;
}

/**
 * Creates `count` young people and a signed-in token for each in two multi-row inserts:
 * the same rows a magic-link sign-in would leave (tokens stored only hashed).
 */
export async function youngPeopleWithTokens(db: Db, now: number, count: number, options: { dateOfBirth?: string; prefix?: string } = {}) {
  const prefix = options.prefix ?? newSecret(4).toLowerCase();
  const made = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const token = `${ACCESS_TOKEN_PREFIX}${newSecret(32)}`;
      return { id: newId("per"), email: `yp-${prefix}-${i}@example.com`, token, tokenHash: await sha256Hex(token) };
    }),
  );
  // D1 allows at most 100 bound values per statement.
  for (let i = 0; i < made.length; i += 15) {
    const chunk = made.slice(i, i + 15);
    await db.insert(people).values(chunk.map((p) => ({ id: p.id, email: p.email, displayName: "Sam", dateOfBirth: options.dateOfBirth ?? "2008-05-05", isYoungPerson: true })));
    await db.insert(authSessions).values(chunk.map((p) => ({ id: newId("ses"), tokenHash: p.tokenHash, personId: p.id, expiresAt: now + 30 * DAY })));
  }
  return made.map(({ id, email, token }) => ({ id, email, token }));
}

/** A signed-in token for `email` (created if new), without the magic-link round trip. */
export async function signedIn(db: Db, now: number, email: string) {
  const token = `${ACCESS_TOKEN_PREFIX}${newSecret(32)}`;
  await db.insert(people).values({ id: newId("per"), email, displayName: email.split("@")[0]! }).onConflictDoNothing();
  const person = await personByEmail(db, email);
  await db.insert(authSessions).values({ id: newId("ses"), tokenHash: await sha256Hex(token), personId: person.id, expiresAt: now + 30 * DAY });
  return token;
}
