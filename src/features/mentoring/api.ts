import { createRoute, z } from "@hono/zod-openapi";
import { requireActor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problems, problemsFor } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { registerMentoringBookingRoutes } from "./api-bookings";
import { registerSlotRoutes } from "./api-slots";
import { canSeeDbs, createMentor, getMentor, listMentors, recordVerification } from "./mentors";
import { safeguardingAlerts } from "./safeguarding";
import { MentorFull, mentorFull, mentorPublic, MentorPublic, NewMentor, Verification } from "./schemas";
import { auditRead } from "../audit/record";

const SafeguardingAlert = z
  .object({
    bookingId: z.string(),
    slotId: z.string(),
    startsAt: z.string(),
    reason: z.enum(["dbs_missing", "dbs_expired", "dbs_revoked"]),
    mentor: z.object({ id: z.string(), displayName: z.string(), organisationId: z.string(), dbsExpiresOn: z.string().nullable(), dbsRevokedAt: z.string().nullable() }),
    youngPerson: z.object({ id: z.string(), displayName: z.string(), ageOnDay: z.number().int().nullable() }),
  })
  .openapi("SafeguardingAlert");

/** Mentors, their slots, mentoring bookings and the safeguarding watch (SPEC rule 8). */
export function registerMentoring(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/mentors",
      tags: ["mentoring"],
      summary: "Add a mentor to your employer organisation",
      description: "Employer staff or the employer's API key, for their own organisation; or coordinators.",
      security: bearer,
      request: { body: jsonBody(NewMentor) },
      responses: { 201: json(MentorFull, "Added"), ...problemsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const mentor = await createMentor(c.var.deps, actor, c.req.valid("json"));
      return c.json(mentorFull(mentor, c.var.deps.clock.now()), 201, { location: `/api/v1/mentors/${mentor.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/mentors",
      tags: ["mentoring"],
      summary: "Mentors (public details only)",
      request: { query: z.object({ organisationId: z.string().max(64).optional() }) },
      responses: { 200: json(z.object({ items: z.array(MentorPublic) }), "Mentors"), ...problemsFor(400) },
    }),
    async (c) => {
      const items = await listMentors(c.var.deps, c.req.valid("query"));
      return c.json({ items: items.map(mentorPublic) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/mentors/{id}",
      tags: ["mentoring"],
      summary: "A mentor",
      description: "Everyone sees name, sector, bio and languages. The mentor's organisation and coordinators also see the email and DBS status.",
      request: { params: IdParam },
      responses: { 200: json(z.union([MentorFull, MentorPublic]), "The mentor"), 404: problems[404] },
    }),
    async (c) => {
      const mentor = await getMentor(c.var.deps, c.req.valid("param").id);
      if (!canSeeDbs(c.var.actor, mentor)) return c.json(mentorPublic(mentor), 200);
      // A coordinator seeing a mentor's email and DBS record leaves a trace (rule 14).
      await auditRead(c.var.deps.db, c.var.actor, { action: "mentor.read", subjectType: "mentor", subjectId: mentor.id }, c.var.deps.clock.now());
      return c.json(mentorFull(mentor, c.var.deps.clock.now()), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/mentors/{id}/verification",
      tags: ["mentoring"],
      summary: "Record or revoke a mentor's DBS check (coordinators)",
      description: "Only the certificate number's last 4 characters are stored. `{ revoked: true }` revokes the check at once.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(Verification) },
      responses: { 200: json(MentorFull, "Recorded"), ...problemsFor(400, 401, 403, 404) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const mentor = await recordVerification(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json"));
      return c.json(mentorFull(mentor, c.var.deps.clock.now()), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/safeguarding/alerts",
      tags: ["mentoring"],
      summary: "Future mentoring bookings with under-18s whose mentor's DBS is missing, expired or revoked (coordinators)",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(SafeguardingAlert) }), "Alerts"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const alerts = await safeguardingAlerts(c.var.deps, actor);
      return c.json(
        {
          items: alerts.map((a) => ({
            ...a,
            startsAt: iso(a.startsAt),
            mentor: { ...a.mentor, dbsRevokedAt: isoOrNull(a.mentor.dbsRevokedAt) },
          })),
        },
        200,
      );
    },
  );

  registerSlotRoutes(api);
  registerMentoringBookingRoutes(api);
}
