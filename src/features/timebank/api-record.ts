import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, NO_STORE, problemsFor } from "../../lib/openapi";
import { iso } from "../../lib/time";
import { createRecordLink, listRecordLinks, recordByToken, recordOf, requireYoungPerson, revokeRecordLink } from "./record";
import { RecordLink, RecordSchema, recordOut } from "./schemas";

const TokenParam = z.object({ token: z.string().min(1).max(128).openapi({ param: { name: "token", in: "path" } }) });

export function registerRecord(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me/record",
      tags: ["timebank"],
      summary: "My record: every taster, workshop, mentoring session, role and hour given, with the organisations met (young people)",
      security: bearer,
      responses: { 200: json(RecordSchema, "The record, oldest first"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const me = requireYoungPerson(requireActor(c));
      return c.json(recordOut(await recordOf(c.var.deps, me.person.id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/me/record-links",
      tags: ["timebank"],
      summary: "My record's live share links",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(RecordLink) }), "Live links (their secrets are not kept, so no URL)"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const rows = await listRecordLinks(c.var.deps, requireActor(c));
      return c.json({ items: rows.map((r) => ({ id: r.id, createdAt: iso(r.createdAt), url: null })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/me/record-links",
      tags: ["timebank"],
      summary: "Make a link that shows my record to whoever has it (a college, an employer)",
      description: "The URL is shown once. Turn it off with DELETE /me/record-links/{id}.",
      security: bearer,
      responses: { 201: json(RecordLink, "The link, with its URL"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const { share, token } = await createRecordLink(c.var.deps, requireActor(c));
      return c.json({ id: share.id, createdAt: iso(share.createdAt), url: `${c.var.deps.config.publicUrl}/record/${token}` }, 201, NO_STORE);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/me/record-links/{id}",
      tags: ["timebank"],
      summary: "Turn off a share link to my record",
      security: bearer,
      request: { params: IdParam },
      responses: { 204: { description: "Turned off" }, ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      await revokeRecordLink(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/records/{token}",
      tags: ["timebank"],
      summary: "A young person's record, through the link they shared (no sign-in: the link is the key)",
      request: { params: TokenParam },
      responses: { 200: json(RecordSchema, "The record"), ...problemsFor(401) },
    }),
    async (c) => c.json(recordOut(await recordByToken(c.var.deps, c.req.valid("param").token)), 200, { ...NO_STORE, "referrer-policy": "no-referrer" }),
  );
}
