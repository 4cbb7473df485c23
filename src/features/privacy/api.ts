import { createRoute, z } from "@hono/zod-openapi";
import { requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, json, problems } from "../../lib/openapi";
import { refuse } from "../../lib/refusal";
import { erasePerson } from "./erasure";
import { EXPORT_HEADERS, exportPersonalData } from "./export";

export function registerPrivacy(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me/export",
      tags: ["privacy"],
      summary: "Download everything Open Door holds about you (JSON)",
      security: bearer,
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi("PersonalDataExport"), "Your data"), 401: problems[401], 403: problems[403] },
    }),
    async (c) => {
      const actor = requirePerson(c);
      const data = await exportPersonalData(c.var.deps, actor.person.id);
      if (!data) throw refuse("no_data_held");
      return c.json(data, 200, EXPORT_HEADERS);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/me",
      tags: ["privacy"],
      summary: "Erase your account and personal data",
      description:
        "Your name, email, date of birth and calendar feed are removed; you are signed out everywhere; your future bookings are cancelled and their seats offered to the waiting list; access needs and guardian emails are deleted. What stays, without your name: that a booking existed, attendance and feedback (now anonymous), so the programme's counts still add up. Staff leave their organisations; group bookings stay with the school. Timebank entries stay (they are append-only and the totals must add up) as an erased person's hours; a host's record of you giving time loses your name, and your record's share links stop working. Coordinators must first be taken off the coordinators list.",
      security: bearer,
      responses: { 204: { description: "Erased" }, 401: problems[401], 403: problems[403] },
    }),
    async (c) => {
      const actor = requirePerson(c);
      await erasePerson(c.var.deps, actor, actor.person.id);
      return c.body(null, 204);
    },
  );
}
