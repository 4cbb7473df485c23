import { createRoute, z } from "@hono/zod-openapi";
import { EVENT_TYPES, GATSBY_BENCHMARKS } from "../../db/schema";
import { requireActor, requireCoordinator } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { iso } from "../../lib/time";
import { csvResponseHeaders } from "../reports/csv";
import { csv } from "../reports/schemas";
import { addCareersRule, CAREERS_CSV_COLUMNS, careersCsv, careersEvidence, listCareersRules, removeCareersRule, type CareersRuleRow } from "./careers";

const CareersRule = z
  .object({ id: z.string(), benchmark: z.enum(GATSBY_BENCHMARKS), eventType: z.enum(EVENT_TYPES).nullable(), hostOrganisationId: z.string().nullable(), createdAt: z.string() })
  .openapi("CareersRule");
const CareersRuleBody = z
  .object({
    benchmark: z.enum(GATSBY_BENCHMARKS).describe("gatsby5: encounters with employers and employees; gatsby6: experiences of workplaces"),
    eventType: z.enum(EVENT_TYPES).nullish().describe("Sessions of this type count (omit for any type)"),
    hostOrganisationId: z.string().max(64).nullish().describe("Sessions this organisation hosts count (omit for any host)"),
  })
  .refine((r) => r.eventType || r.hostOrganisationId, { message: "Give an event type, a host, or both", path: ["eventType"] })
  .openapi("CareersRuleRequest");
const CareersEvidenceSchema = z
  .object({
    schoolId: z.string(),
    schoolName: z.string(),
    encounters: z.array(
      z.object({
        sessionId: z.string(),
        startsAt: z.string(),
        title: z.string(),
        eventType: z.enum(EVENT_TYPES),
        host: z.string(),
        benchmarks: z.array(z.enum(GATSBY_BENCHMARKS)),
        groupBookingId: z.string(),
        pupils: z.array(z.string()).describe("As named in the group's roster"),
        pupilCount: z.number().int(),
      }),
    ),
    pupils: z.array(z.object({ name: z.string(), gatsby5: z.number().int(), gatsby6: z.number().int() })).describe("Per pupil named in a roster: how many of each"),
  })
  .openapi("CareersEvidence");

const ruleOut = (r: CareersRuleRow) => ({ ...r, createdAt: iso(r.createdAt) });

export function registerCareers(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/schools/{id}/careers-evidence",
      tags: ["timebank"],
      summary: "Careers evidence for a school: its groups' employer encounters (Gatsby 5) and workplace experiences (Gatsby 6), per pupil (the school's staff and coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(CareersEvidenceSchema, "The evidence, oldest first"), ...problemsFor(401, 403, 422) },
    }),
    async (c) => {
      const e = await careersEvidence(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json({ ...e, encounters: e.encounters.map((x) => ({ ...x, startsAt: iso(x.startsAt), title: x.title.en })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/schools/{id}/careers-evidence.csv",
      tags: ["timebank"],
      summary: "Careers evidence as CSV for the school's careers lead (the school's staff and coordinators)",
      description: `Columns: ${CAREERS_CSV_COLUMNS.join(", ")}. One row per pupil named in a group's roster, per session the group attended, per benchmark the session evidences. \`date\` is the London date (YYYY-MM-DD); \`activity_type\` is the event type; \`gatsby_benchmark\` is 5 (encounter with employers and employees) or 6 (experience of a workplace). A group without a roster is one row named "(group of N)". Which sessions count is set by coordinators (\`/careers-rules\`).`,
      security: bearer,
      request: { params: IdParam },
      responses: { 200: csv("The evidence"), ...problemsFor(401, 403, 422) },
    }),
    async (c) => {
      const { csv: body, filename } = careersCsv(await careersEvidence(c.var.deps, requireActor(c), c.req.valid("param").id));
      return c.body(body, 200, csvResponseHeaders(filename));
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/careers-rules",
      tags: ["timebank"],
      summary: "Which sessions count as careers evidence (signed-in staff)",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(CareersRule) }), "The rules"), ...problemsFor(401) },
    }),
    async (c) => {
      requireActor(c);
      return c.json({ items: (await listCareersRules(c.var.deps)).map(ruleOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/careers-rules",
      tags: ["timebank"],
      summary: "Count a kind of session as careers evidence (coordinators)",
      security: bearer,
      request: { body: jsonBody(CareersRuleBody) },
      responses: { 201: json(CareersRule, "Added"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => c.json(ruleOut(await addCareersRule(c.var.deps, requireCoordinator(c), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/careers-rules/{id}",
      tags: ["timebank"],
      summary: "Stop counting a kind of session as careers evidence (coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 204: { description: "Removed" }, ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      await removeCareersRule(c.var.deps, requireCoordinator(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
