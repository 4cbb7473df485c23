import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { memberships, organisations } from "../../db/schema";
import { requireCoordinator, requirePerson } from "../../lib/auth";
import { afterResponse } from "../../lib/deps";
import type { Api } from "../../lib/env";
import { bearer, Email, IdParam, json, jsonBody, NO_STORE, problemsFor, Text } from "../../lib/openapi";
import { iso } from "../../lib/time";
import { resolveAgeFlag } from "./age-flags";
import { enforceConsentLimit, enforceSignInLimit } from "../../lib/rate-limit";
import { createSession, requestMagicLink, revokeSession } from "./sign-in";
import { Accepted, JoinRequest, MeSchema, MeUpdated, ProfileRequest } from "./schemas";
import { changeProfile, confirmEmailChange } from "./profile";
import { meBody, openAgeFlags, personById } from "./read";
import { checkJoin, join } from "./join";

const JOIN_AWAITING_PARENT = "A parent or carer has been emailed a link: the account works once they confirm it. Then a sign-in link is sent.";
const JoinAccepted = Accepted.extend({ awaitingParent: z.boolean() }).openapi("JoinAccepted");
const AgeFlag = z
  .object({ id: z.string(), bookingId: z.string(), name: z.string(), age: z.number().int(), minAge: z.number().int(), maxAge: z.number().int(), startsAt: z.string() })
  .openapi("AgeFlag");
const SIGN_IN_SENT = "If that email address is registered, a sign-in link is on its way. It works for 15 minutes.";

export function registerAuth(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/auth/magic-links",
      tags: ["auth"],
      summary: "Email a one-time sign-in link",
      description: "Always answers 202, whether or not the address is registered.",
      request: { body: jsonBody(z.object({ email: Email })) },
      responses: { 202: json(Accepted, "Link sent if the address is known"), ...problemsFor(400, 429) },
    }),
    async (c) => {
      const { email } = c.req.valid("json");
      await enforceSignInLimit(c, email);
      // A known address costs a database write, an unknown one does not: answer first, so the
      // response time does not tell whether someone is registered.
      await afterResponse(c.var.deps, () => requestMagicLink(c.var.deps, email));
      return c.json({ message: SIGN_IN_SENT }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/auth/sessions",
      tags: ["auth"],
      summary: "Exchange a sign-in link token for an access token",
      request: { body: jsonBody(z.object({ token: Text(200, 1) })) },
      responses: {
        201: json(z.object({ accessToken: z.string(), expiresAt: z.string() }).openapi("AccessToken"), "Signed in"),
        ...problemsFor(400, 401),
      },
    }),
    async (c) => {
      const session = await createSession(c.var.deps, c.req.valid("json").token);
      // A credential: never cached, and never kept by the Idempotency-Key store.
      return c.json({ accessToken: session.accessToken, expiresAt: new Date(session.expiresAt).toISOString() }, 201, NO_STORE);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/auth/sessions/current",
      tags: ["auth"],
      summary: "Sign out (revoke this access token)",
      security: bearer,
      responses: { 204: { description: "Signed out" }, ...problemsFor(401, 403) },
    }),
    async (c) => {
      await revokeSession(c.var.deps, requirePerson(c).authSessionId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["auth"],
      summary: "Who am I",
      security: bearer,
      responses: { 200: json(MeSchema, "The signed-in person"), ...problemsFor(401, 403) },
    }),
    async (c) => c.json(await meBody(c.var.deps, requirePerson(c)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/me",
      tags: ["auth"],
      summary: "Correct your details (name, date of birth, email, language)",
      description:
        "UK GDPR right to rectification; the same rules as the website's /my/details. A date of birth must make a young person 11 to 25 today; upcoming bookings it puts outside their event's age range are flagged to coordinators (never cancelled), counted in `flaggedBookings`. A new email changes only once the link sent to it is used (`pendingEmail` until then); the old address gets a notice.",
      security: bearer,
      request: { body: jsonBody(ProfileRequest) },
      responses: { 200: json(MeUpdated, "Saved (an email change waits for its link)"), ...problemsFor(400, 401, 403, 422) },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const result = await changeProfile(c.var.deps, actor, c.req.valid("json"));
      const fresh = { ...actor, person: (await personById(c.var.deps, actor.person.id))! };
      return c.json({ ...(await meBody(c.var.deps, fresh)), pendingEmail: result.pendingEmail, flaggedBookings: result.flagged }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/age-flags",
      tags: ["auth"],
      summary: "Bookings a corrected date of birth put outside their event's age range, not yet dealt with (coordinators)",
      description: "Never cancelled by the system: a coordinator decides, then marks the flag dealt with. Newest first, at most 50; the coordinator's home page lists the same.",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(AgeFlag) }), "Open flags"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      requireCoordinator(c);
      const rows = await openAgeFlags(c.var.deps.db);
      return c.json({ items: rows.map((r) => ({ ...r, startsAt: iso(r.startsAt) })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/age-flags/{id}/resolution",
      tags: ["auth"],
      summary: "Mark a flagged booking dealt with (coordinators)",
      description: "Keeping the place needs nothing more; cancelling it is the usual cancel. Marking twice changes nothing more (one audit row).",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ resolvedAt: z.string() }).openapi("AgeFlagResolved"), "Dealt with"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const { resolvedAt } = await resolveAgeFlag(c.var.deps, actor, c.req.valid("param").id);
      return c.json({ resolvedAt: iso(resolvedAt) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/email-changes/{token}",
      tags: ["auth"],
      summary: "Confirm a new email address (no sign-in: the link sent to it is the permission)",
      request: { params: z.object({ token: Text(200, 10).openapi({ param: { name: "token", in: "path" } }) }) },
      responses: { 200: json(z.object({ email: z.string() }).openapi("EmailChanged"), "The email has changed"), ...problemsFor(401, 409, 429) },
    }),
    async (c) => {
      await enforceConsentLimit(c);
      const { newEmail } = await confirmEmailChange(c.var.deps, c.req.valid("param").token);
      return c.json({ email: newEmail }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/young-people",
      tags: ["auth"],
      summary: "Sign up as a young person (11–25)",
      description:
        "Collects only what the programme needs: an email, a first name, a date of birth (for age rules) and a language; optionally a school and access needs to remember. Under 13 (UK GDPR's age of digital consent) a parent's or carer's email is required (not the young person's own, nor a young person's account): the account works only once they confirm it by the link emailed to them, and `awaitingParent` is true. Otherwise a sign-in link is sent. Answers 202 whether or not the email was already registered; the same rules as the website's /join page.",
      request: { body: jsonBody(JoinRequest) },
      responses: { 202: json(JoinAccepted, "Sign-in link (or the parent's confirmation link) sent"), ...problemsFor(400, 422, 429) },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const deps = c.var.deps;
      await enforceSignInLimit(c, input.email);
      const plan = await checkJoin(deps, input);
      // After the response, as for magic links: a new and an existing address must look alike.
      await afterResponse(deps, () => join(deps, plan));
      return c.json({ message: plan.awaitingParent ? JOIN_AWAITING_PARENT : SIGN_IN_SENT, awaitingParent: plan.awaitingParent }, 202);
    },
  );
}
