import { createRoute, z } from "@hono/zod-openapi";
import { requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, json, problems } from "../../lib/openapi";
import { ProblemError } from "../../lib/problem";
import { exportPersonalData } from "./export";

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
      if (!data) throw new ProblemError("not_found", "We hold no data about you.");
      return c.json(data, 200, { "content-disposition": 'attachment; filename="open-door-my-data.json"', "cache-control": "no-store" });
    },
  );
}
