import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Db } from "../db/client";
import { preparedOnce } from "../db/prepared";
import { apiKeys, authSessions, memberships, people } from "../db/schema";
import { sha256Hex } from "./crypto";
import type { Actor, AppEnv } from "./env";
import { ProblemError } from "./problem";
import { refuse } from "./refusal";
import { isSameOrigin, UNSAFE_METHODS } from "./same-origin";

export const ACCESS_TOKEN_PREFIX = "od_s_";
export const API_KEY_PREFIX = "od_k_";
/** The website's sign-in cookie: an access token, HttpOnly, SameSite=Lax. */
export const SESSION_COOKIE = "od_session";

/**
 * Resolves the Authorization header, or else the website's session cookie, to an actor. A
 * header that is present but wrong is refused outright (401) so a stale token is noticed; a
 * stale cookie just means "signed out", so the public pages still show. A browser sends the
 * cookie on requests other sites start too, so an unsafe request that relies on it must come
 * from one of our own pages (CSRF).
 */
export function resolveActor(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("actor", null);
    const header = c.req.header("authorization");
    const cookie = header ? undefined : getCookie(c, SESSION_COOKIE);
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw refuse("bearer_format");
      c.set("actor", await actorForToken(c, match[1]!));
    } else if (cookie) {
      if (UNSAFE_METHODS.has(c.req.method) && !isSameOrigin(c)) {
        throw refuse("cross_site_request");
      }
      if (cookie.startsWith(ACCESS_TOKEN_PREFIX)) c.set("actor", await actorForToken(c, cookie).catch(signedOutIfRefused));
    }
    await next();
  };
}

const signedOutIfRefused = (err: unknown) => {
  if (err instanceof ProblemError) return null;
  throw err;
};

/** The caller a token stands for (exported for the sign-in page, which lands the person in their area). */
export async function actorForToken(c: Context<AppEnv>, token: string): Promise<Actor> {
  const { db, clock, config } = c.var.deps;
  const hash = await sha256Hex(token);
  const now = clock.now();
  if (token.startsWith(API_KEY_PREFIX)) {
    const [key] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (!key) throw refuse("api_key_invalid");
    return { kind: "api_key", organisationId: key.organisationId, apiKeyId: key.id };
  }
  // One round trip on every signed-in request: the memberships come along as a JSON array.
  const [row] = await preparedOnce(db, "auth.personForToken", personForToken).all({ hash, now });
  if (!row || row.person.erasedAt) throw refuse("sign_in_expired");
  return {
    kind: "person",
    person: row.person,
    isCoordinator: config.coordinatorEmails.includes(row.person.email.toLowerCase()),
    organisationIds: JSON.parse(row.organisationIds) as string[],
    authSessionId: row.sessionId,
  };
}

/** A live sign-in's person by the token's hash (the unique index on token_hash finds it). */
const personForToken = (db: Db) =>
  db
    .select({
      sessionId: authSessions.id,
      person: people,
      organisationIds: sql<string>`(select json_group_array(${memberships.organisationId}) from ${memberships} where ${memberships.personId} = ${people.id})`,
    })
    .from(authSessions)
    .innerJoin(people, eq(people.id, authSessions.personId))
    .where(and(eq(authSessions.tokenHash, sql.placeholder("hash")), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql.placeholder("now"))))
    .limit(1)
    .prepare();

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw refuse("sign_in_needed");
  return actor;
}

export function requirePerson(c: Context<AppEnv>): Extract<Actor, { kind: "person" }> {
  const actor = requireActor(c);
  if (actor.kind !== "person") throw refuse("person_needed");
  return actor;
}

export function isCoordinator(actor: Actor | null): boolean {
  return actor?.kind === "person" && actor.isCoordinator;
}

export function requireCoordinator(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  if (!isCoordinator(actor)) throw refuse("coordinators_only");
  return actor;
}

/** True when the actor may act for this organisation: a member, its API key, or a coordinator. */
export function actsFor(actor: Actor | null, organisationId: string): boolean {
  if (!actor) return false;
  if (actor.kind === "api_key") return actor.organisationId === organisationId;
  return actor.isCoordinator || actor.organisationIds.includes(organisationId);
}

export function requireActsFor(c: Context<AppEnv>, organisationId: string): Actor {
  const actor = requireActor(c);
  if (!actsFor(actor, organisationId)) throw refuse("own_organisation_only");
  return actor;
}

/** Id of whoever is calling, for audit rows and idempotency scopes. */
export function actorId(actor: Actor | null): string {
  if (!actor) return "anonymous";
  return actor.kind === "person" ? actor.person.id : `apikey:${actor.apiKeyId}`;
}
