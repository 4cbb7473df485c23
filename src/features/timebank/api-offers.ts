import { createRoute, z } from "@hono/zod-openapi";
import { requireActor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { bearer, IdParam, json, jsonBody, problemsFor } from "../../lib/openapi";
import { hoursOf } from "../../rules/timebank";
import { createOffer, openOffers, redeemOffer, withdrawOffer, type OfferRow } from "./offers";
import { Entry, entryOut, Offer, OfferBody } from "./schemas";

const offerOut = (o: OfferRow, organisationName: string | null = null) => ({
  id: o.id,
  organisationId: o.organisationId,
  organisationName,
  title: o.title,
  description: o.description,
  costMinutes: o.costMinutes,
  costHours: hoursOf(o.costMinutes),
  status: o.status,
});

export function registerTimebankOffers(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/timebank/offers",
      tags: ["timebank"],
      summary: "Offer something that costs hours (partner staff for their organisation, coordinators)",
      description: "A workshop place, a cinema ticket, a session with a mentor.",
      security: bearer,
      request: { body: jsonBody(OfferBody) },
      responses: { 201: json(Offer, "Offered"), ...problemsFor(400, 401, 403) },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const row = await createOffer(c.var.deps, requireActor(c), { organisationId: b.organisationId, title: b.title, description: b.description, costMinutes: Math.round(b.costHours * 60) });
      return c.json(offerOut(row), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/timebank/offers",
      tags: ["timebank"],
      summary: "What hours can be spent on (signed-in people)",
      security: bearer,
      responses: { 200: json(z.object({ items: z.array(Offer) }), "Open offers, newest first"), ...problemsFor(401) },
    }),
    async (c) => {
      requireActor(c);
      const rows = await openOffers(c.var.deps);
      return c.json({ items: rows.map((r) => offerOut(r.offer, r.organisationName)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/timebank/offers/{id}/withdrawal",
      tags: ["timebank"],
      summary: "Withdraw an offer (its organisation's staff, coordinators)",
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(Offer, "Withdrawn"), ...problemsFor(401, 403, 404) },
    }),
    async (c) => c.json(offerOut(await withdrawOffer(c.var.deps, requireActor(c), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/timebank/offers/{id}/redemptions",
      tags: ["timebank"],
      summary: "Spend your hours on an offer",
      description: "Refused with 409 when your balance does not cover the cost: a balance never goes below zero, however many redemptions arrive at once.",
      security: bearer,
      request: { params: IdParam },
      responses: { 201: json(Entry, "Redeemed: the spending entry"), ...problemsFor(401, 403, 404, 409) },
    }),
    async (c) => {
      const e = await redeemOffer(c.var.deps, requireActor(c), c.req.valid("param").id);
      return c.json(entryOut({ ...e, eventTitle: null, organisationName: null, offerTitle: null }), 201);
    },
  );
}
