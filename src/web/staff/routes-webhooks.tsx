// The webhooks page for an organisation's staff and for coordinators: the same verbs as the
// API (features/webhooks/endpoints.ts), so the same checks (address, ownership) and audit rows.
import { actsFor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { getOrganisation } from "../../features/organisations/read";
import { createEndpoint, listDeliveries, listEndpoints, redeliver, removeEndpoint, rotateSecret } from "../../features/webhooks/endpoints";
import { NewWebhookEndpoint } from "../../features/webhooks/schemas";
import { emptyWebhookForm, WebhooksPage, type WebhookForm } from "./pages/webhooks";
import { forbidden, guardPost, notFound, notFoundIfMissing, render, staffView, type C, type SignedIn, type Status } from "./respond";
import { keyedErrors, noErrors, str, type FormErrors } from "./ui";

/** The organisation when this person may manage its webhooks; else the answer to send. */
async function orgFor(c: C, view: SignedIn) {
  const org = await notFoundIfMissing(getOrganisation(c.var.deps, c.req.param("id") ?? ""));
  if (!org) return { refusal: await notFound(c, view) };
  if (!actsFor(view.actor, org.id)) return { refusal: await forbidden(c, view) };
  return { org };
}

async function page(c: C, view: SignedIn, org: { id: string; name: string }, extra: { form?: WebhookForm; errors?: FormErrors; secret?: { url: string; secret: string }; done?: string } = {}, status: Status = 200) {
  const endpoints = await listEndpoints(c.var.deps, org.id);
  const withLog = await Promise.all(endpoints.map(async (endpoint) => ({ endpoint, deliveries: await listDeliveries(c.var.deps, org.id, endpoint.id, 20) })));
  return render(c, view, <WebhooksPage view={view} org={org} endpoints={withLog} form={extra.form ?? emptyWebhookForm} errors={extra.errors ?? noErrors()} secret={extra.secret} done={extra.done} />, status);
}

const DONE = { removed: "whRemoved", redelivered: "whRedelivered" } as const;

export function registerWebhookPages(app: Api) {
  app.get("/organisations/:id/webhooks", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const r = await orgFor(c, view);
    if (!r.org) return r.refusal;
    const done = DONE[c.req.query("done") as keyof typeof DONE];
    return page(c, view, r.org, { done: done ? view.t.t(done) : undefined });
  });

  app.post("/organisations/:id/webhooks", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const r = await orgFor(c, g.view);
    if (!r.org) return r.refusal;
    const body = await c.req.parseBody({ all: true });
    const events = ([] as unknown[]).concat(body.events ?? []).map(str).filter(Boolean);
    const form = { url: str(body.url).trim(), events };
    const parsed = NewWebhookEndpoint.safeParse(form);
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      return page(c, g.view, r.org, { form, errors: keyedErrors(g.view, { ...(bad.has("url") ? { url: "whErrUrl" } : {}), ...(bad.has("events") ? { events: "whErrEvents" } : {}) }) }, 400);
    }
    try {
      const made = await createEndpoint(c.var.deps, g.view.actor, r.org.id, parsed.data);
      // Shown on this answer only: no redirect, so a reload cannot show it again (and the
      // staff pages' headers keep it out of every cache).
      return page(c, g.view, r.org, { secret: { url: made.url, secret: made.secret } });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return page(c, g.view, r.org, { form, errors: keyedErrors(g.view, { url: "whErrUrl" }) }, 400);
    }
  });

  app.post("/organisations/:id/webhooks/:webhookId/rotate", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const r = await orgFor(c, g.view);
    if (!r.org) return r.refusal;
    const rotated = await notFoundIfMissing(rotateSecret(c.var.deps, g.view.actor, r.org.id, c.req.param("webhookId")));
    if (!rotated) return notFound(c, g.view);
    return page(c, g.view, r.org, { secret: { url: rotated.url, secret: rotated.secret } });
  });

  app.post("/organisations/:id/webhooks/:webhookId/remove", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const r = await orgFor(c, g.view);
    if (!r.org) return r.refusal;
    const removed = await notFoundIfMissing(removeEndpoint(c.var.deps, g.view.actor, r.org.id, c.req.param("webhookId")).then(() => true));
    if (!removed) return notFound(c, g.view);
    return c.redirect(`/organisations/${r.org.id}/webhooks?done=removed`, 303);
  });

  app.post("/organisations/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const r = await orgFor(c, g.view);
    if (!r.org) return r.refusal;
    const queued = await notFoundIfMissing(redeliver(c.var.deps, g.view.actor, r.org.id, c.req.param("webhookId"), c.req.param("deliveryId")).then(() => true));
    if (!queued) return notFound(c, g.view);
    return c.redirect(`/organisations/${r.org.id}/webhooks?done=redelivered`, 303);
  });
}
