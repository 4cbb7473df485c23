import { createRoute, z } from "@hono/zod-openapi";
import { actsFor, requireActor, requireCoordinator, requirePerson } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { refuse } from "../../lib/refusal";
import { hoursOf, holderKey } from "../../rules/timebank";
import { confirmContribution, listContributors, recordContributor } from "./contributors";
import { reverseEntry } from "./ledger";
import { balancesByMonth, statementOf } from "./read";
import { Confirmation, ConfirmContributionBody, Contributor, ContributorBody, contributorOut, Entry, entryOut, MonthTotalsSchema, monthOut, ReversalBody, Statement } from "./schemas";
import { registerTimebankOffers } from "./api-offers";
import { registerRecord } from "./api-record";
import { registerCareers } from "./api-careers";

export function registerTimebank(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/sessions/{id}/contributors",
      tags: ["timebank"],
      summary: "Record someone who gave time at a session (the host and coordinators)",
      description:
        "Mentors, employer volunteers, care-home residents, community volunteers and young helpers. Only what is needed: a name, a role and an organisation. An email only if they want an account to see their own statement. Their hours are credited when the contribution is confirmed after the session.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(ContributorBody) },
      responses: { 201: json(Contributor, "Recorded"), ...problemsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const row = await recordContributor(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(contributorOut(row), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/sessions/{id}/contributors",
      tags: ["timebank"],
      summary: "Who gave time at a session (the host and coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(Contributor) }), "Contributors, in the order recorded"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => {
      const rows = await listContributors(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json({ items: rows.map(contributorOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/contributors/{id}/confirmation",
      tags: ["timebank"],
      summary: "Confirm a contribution after the session, crediting its hours (the host and coordinators)",
      description:
        "Credits the minutes given (default: the session's length) in the same write as the confirmation, once per person per session however often it is sent: a repeat answers 200 with `alreadyConfirmed: true` and credits nothing.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(ConfirmContributionBody) },
      responses: { 200: json(Confirmation, "Already confirmed: nothing changed"), 201: json(Confirmation, "Confirmed and credited"), ...problemsFor(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const result = await confirmContribution(c.var.deps, requireActor(c), c.req.valid("param").id, c.req.valid("json").minutes);
      const body = { contributor: contributorOut(result.contributor), alreadyConfirmed: result.alreadyConfirmed };
      return result.alreadyConfirmed ? c.json(body, 200) : c.json(body, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/timebank/entries/{id}/reversal",
      tags: ["timebank"],
      summary: "Correct a ledger entry by reversing it (coordinators)",
      description: "Entries are never edited: a correction is a new entry of the opposite sign, with its reason and an audit row. An entry is reversed at most once.",
      security: bearer,
      request: { params: IdParam, body: jsonBody(ReversalBody) },
      responses: { 201: json(Entry, "The reversing entry"), ...problemsFor(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const actor = requireCoordinator(c);
      const r = await reverseEntry(c.var.deps, actor, c.req.valid("param").id, c.req.valid("json").note);
      return c.json(entryOut({ ...r, eventTitle: null, organisationName: null, offerTitle: null }), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/me/timebank",
      tags: ["timebank"],
      summary: "Your timebank statement: your balance and every entry",
      security: bearer,
      responses: { 200: json(Statement, "Your statement, newest first"), ...problemsFor(401) },
    }),
    async (c) => {
      const me = requirePerson(c);
      const s = await statementOf(c.var.deps, holderKey({ personId: me.person.id }));
      return c.json({ balanceMinutes: s.balance, balanceHours: hoursOf(s.balance), entries: s.entries.map(entryOut) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/timebank/balances",
      tags: ["timebank"],
      summary: "Hours earned and spent by month: the programme (coordinators) or one organisation (its staff)",
      security: bearer,
      request: { query: z.object({ organisationId: z.string().max(64).optional() }) },
      responses: { 200: json(z.object({ organisationId: z.string().nullable(), months: z.array(MonthTotalsSchema) }), "Totals by month"), ...problemsFor(401, 403) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { organisationId } = c.req.valid("query");
      if (organisationId ? !actsFor(actor, organisationId) : !(actor.kind === "person" && actor.isCoordinator)) throw refuse("timebank_balances_forbidden");
      const months = await balancesByMonth(c.var.deps, { organisationId });
      return c.json({ organisationId: organisationId ?? null, months: months.map(monthOut) }, 200);
    },
  );

  registerTimebankOffers(api);
  registerRecord(api);
  registerCareers(api);
}
