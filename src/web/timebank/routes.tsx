// The timebank on the website (issue #17), for each person whose job it is, through the same
// services, request schemas and refusal words as the API (features/timebank):
// - hosts and coordinators: who gave time at a session, /host/{org}/sessions/{id}/contributors
//   (another host's session answers 404, and recordContributor/confirmContribution check again);
// - partners: their offers and their hours by month, /host/{org}/offers;
// - anyone signed in: their hours, offers to spend them on, /my/timebank;
// - coordinators: the ledger, corrections and careers rules, /coordinator/timebank;
// - a school's staff: careers evidence and its CSV, /schools/{org}/careers (403 for anyone else).
import { ContributorBody, OfferBody, ReversalBody } from "../../features/timebank/schemas";
import { confirmContribution, listContributors, recordContributor } from "../../features/timebank/contributors";
import { createOffer, loadOffer, offersOf, openOffers, redeemOffer, withdrawOffer } from "../../features/timebank/offers";
import { balancesByMonth, holderBalances, ledgerLines, statementOf } from "../../features/timebank/read";
import { reverseEntry } from "../../features/timebank/ledger";
import { addCareersRule, careersCsv, careersEvidence, listCareersRules, removeCareersRule } from "../../features/timebank/careers";
import { csvResponseHeaders } from "../../features/reports/csv";
import { listOrganisations } from "../../features/organisations/read";
import { EVENT_TYPES, GATSBY_BENCHMARKS } from "../../db/schema";
import { actsFor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { Refusal } from "../../lib/refusal";
import { holderKey } from "../../rules/timebank";
import { formLimit } from "../respond";
import { render as renderPerson, signedInPost, signInFirst } from "../people/page";
import { viewFor, type View } from "../view";
import { hostedSession, hostOrg } from "../staff/routes-host";
import { coordinatorPost, coordinatorView, forbidden, guardPost, notFound, organisationFor, render, staffView, statusOf, type C, type SignedIn, type Status } from "../staff/respond";
import { detailOf, fromIssues, fromProblem, noErrors, str, type FieldMessages, type FormErrors } from "../staff/ui";
import {
  CareersPage,
  ContributorsPage,
  CoordinatorTimebankPage,
  emptyContributorForm,
  emptyOfferForm,
  MyTimebankPage,
  OffersPage,
  ReversePage,
  type ContributorForm,
  type OfferForm,
  type RuleForm,
} from "./pages";

const CONTRIBUTOR_MESSAGES: FieldMessages = { name: "tbErrName", role: "tbErrRole", organisationName: "tbErrOrg", email: "tbErrEmail" };
const OFFER_MESSAGES: FieldMessages = { title: "tbErrOfferTitle", description: "tbErrOfferDescription", costHours: "tbErrOfferCost" };
const RULE_MESSAGES: FieldMessages = { benchmark: "tbErrBenchmark", eventType: "tbErrRule", hostOrganisationId: "tbErrRule" };
const emptyRule: RuleForm = { benchmark: "gatsby5", eventType: "", hostOrganisationId: "" };

type Signed = View & { actor: NonNullable<View["actor"]> };

export function registerTimebankPages(app: Api) {
  app.on("POST", ["/my/timebank/*"], formLimit(1024));

  // ---- Who gave time at a session (the host's staff and coordinators) ----

  const contributorsPage = async (c: C, view: SignedIn, orgId: string, sessionId: string, page: { form?: ContributorForm; errors?: FormErrors; done?: string; status?: Status } = {}) => {
    const org = await hostOrg(c, view, orgId);
    const found = org && (await hostedSession(c, orgId, sessionId));
    if (!org || !found) return notFound(c, view);
    const rows = await listContributors(c.var.deps, view.actor, sessionId);
    return render(
      c,
      view,
      <ContributorsPage view={view} org={org} session={found.session} eventTitle={found.event.title} contributors={rows} form={page.form ?? emptyContributorForm} errors={page.errors ?? noErrors()} done={page.done} />,
      page.status ?? 200,
    );
  };

  app.get("/host/:orgId/sessions/:id/contributors", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const done = c.req.query("done");
    return contributorsPage(c, view, c.req.param("orgId"), c.req.param("id"), { done: done === "added" ? view.t.t("tbContribAdded") : done === "confirmed" ? view.t.t("tbContribConfirmed") : done === "again" ? view.t.t("tbContribAgain") : undefined });
  });

  app.post("/host/:orgId/sessions/:id/contributors", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("orgId");
    const sessionId = c.req.param("id");
    if (!(await hostOrg(c, view, orgId)) || !(await hostedSession(c, orgId, sessionId))) return notFound(c, view);
    const body = await c.req.parseBody();
    const form: ContributorForm = { name: str(body.name), role: str(body.role), organisationName: str(body.organisationName), email: str(body.email).trim() };
    const parsed = ContributorBody.safeParse({ name: form.name.trim(), role: form.role, organisationName: form.organisationName.trim(), email: form.email || null });
    if (!parsed.success) return contributorsPage(c, view, orgId, sessionId, { form, errors: fromIssues(view, parsed.error.issues, CONTRIBUTOR_MESSAGES), status: 400 });
    try {
      await recordContributor(c.var.deps, view.actor, sessionId, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return contributorsPage(c, view, orgId, sessionId, { form, errors: fromProblem(view, err, CONTRIBUTOR_MESSAGES), status: statusOf(err) });
    }
    return c.redirect(`/host/${orgId}/sessions/${sessionId}/contributors?done=added`, 303);
  });

  app.post("/host/:orgId/sessions/:id/contributors/:contributorId/confirm", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("orgId");
    const sessionId = c.req.param("id");
    if (!(await hostOrg(c, view, orgId)) || !(await hostedSession(c, orgId, sessionId))) return notFound(c, view);
    // Only a contributor of this session: another session's contributor answers 404 here.
    const rows = await listContributors(c.var.deps, view.actor, sessionId);
    const contributor = rows.find((r) => r.id === c.req.param("contributorId"));
    if (!contributor) return notFound(c, view);
    const typed = str((await c.req.parseBody()).minutes).trim();
    const minutes = typed === "" ? undefined : /^\d{1,4}$/.test(typed) ? Number(typed) : Number.NaN;
    if (minutes !== undefined && !(minutes >= 1 && minutes <= 720)) {
      return contributorsPage(c, view, orgId, sessionId, { errors: { fields: {}, general: { text: view.t.t("tbErrMinutes"), en: false } }, status: 400 });
    }
    try {
      const result = await confirmContribution(c.var.deps, view.actor, contributor.id, minutes);
      return c.redirect(`/host/${orgId}/sessions/${sessionId}/contributors?done=${result.alreadyConfirmed ? "again" : "confirmed"}`, 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return contributorsPage(c, view, orgId, sessionId, { errors: detailOf(view, err), status: statusOf(err) });
    }
  });

  // ---- A partner's offers ----

  const offersPage = async (c: C, view: SignedIn, orgId: string, page: { form?: OfferForm; errors?: FormErrors; done?: string; status?: Status } = {}) => {
    const org = await hostOrg(c, view, orgId);
    if (!org) return notFound(c, view);
    const [offers, months] = await Promise.all([offersOf(c.var.deps, org.id), balancesByMonth(c.var.deps, { organisationId: org.id })]);
    return render(c, view, <OffersPage view={view} org={org} offers={offers} months={months} form={page.form ?? emptyOfferForm} errors={page.errors ?? noErrors()} done={page.done} />, page.status ?? 200);
  };

  app.get("/host/:orgId/offers", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const done = c.req.query("done");
    return offersPage(c, view, c.req.param("orgId"), { done: done === "offered" ? view.t.t("tbOffered") : done === "withdrawn" ? view.t.t("tbWithdrawn") : undefined });
  });

  app.post("/host/:orgId/offers", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("orgId");
    if (!(await hostOrg(c, view, orgId))) return notFound(c, view);
    const body = await c.req.parseBody();
    const form: OfferForm = { title: str(body.title), description: str(body.description), costHours: str(body.costHours).trim() };
    const cost = /^\d{1,3}(\.\d{1,2})?$/.test(form.costHours) ? Number(form.costHours) : Number.NaN;
    const parsed = OfferBody.safeParse({ organisationId: orgId, title: form.title.trim(), description: form.description.trim(), costHours: cost });
    if (!parsed.success) return offersPage(c, view, orgId, { form, errors: fromIssues(view, parsed.error.issues, OFFER_MESSAGES), status: 400 });
    try {
      const b = parsed.data;
      await createOffer(c.var.deps, view.actor, { organisationId: orgId, title: b.title, description: b.description, costMinutes: Math.round(b.costHours * 60) });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return offersPage(c, view, orgId, { form, errors: detailOf(view, err), status: statusOf(err) });
    }
    return c.redirect(`/host/${orgId}/offers?done=offered`, 303);
  });

  app.post("/host/:orgId/offers/:offerId/withdraw", async (c) => {
    const g = await guardPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const orgId = c.req.param("orgId");
    if (!(await hostOrg(c, view, orgId))) return notFound(c, view);
    // Only this organisation's offer: another partner's answers 404 (withdrawOffer checks again).
    const offer = await loadOffer(c.var.deps, c.req.param("offerId")).catch(() => null);
    if (!offer || offer.organisationId !== orgId) return notFound(c, view);
    await withdrawOffer(c.var.deps, view.actor, offer.id);
    return c.redirect(`/host/${orgId}/offers?done=withdrawn`, 303);
  });

  // ---- My hours (anyone signed in: young people and contributors with accounts) ----

  const myPage = async (c: C, view: Signed, page: { errors?: FormErrors; done?: string; status?: Status } = {}) => {
    const holder = holderKey({ personId: view.actor.person.id });
    const [statement, months, offers] = await Promise.all([statementOf(c.var.deps, holder), balancesByMonth(c.var.deps, { holder }), openOffers(c.var.deps)]);
    return renderPerson(
      c,
      view,
      <MyTimebankPage view={view} balance={statement.balance} entries={statement.entries} months={months} offers={offers} errors={page.errors} done={page.done} />,
      page.status ?? 200,
    );
  };

  app.get("/my/timebank", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    return myPage(c, view as Signed, { done: c.req.query("done") === "redeemed" ? view.t.t("tbRedeemed") : undefined });
  });

  app.post("/my/timebank/offers/:id/redeem", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    try {
      await redeemOffer(c.var.deps, view.actor, c.req.param("id"));
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      // The balance-short refusal is worded with its hours, in the reader's language (as the API's).
      return myPage(c, view, { errors: detailOf(view, err), status: statusOf(err) });
    }
    return c.redirect("/my/timebank?done=redeemed", 303);
  });

  // ---- The coordinators' ledger ----

  const ledgerPage = async (c: C, view: SignedIn, page: { form?: RuleForm; errors?: FormErrors; done?: string; status?: Status } = {}) => {
    const deps = c.var.deps;
    const [months, holders, lines, rules, orgs] = await Promise.all([balancesByMonth(deps, {}), holderBalances(deps), ledgerLines(deps), listCareersRules(deps), listOrganisations(deps, view.actor)]);
    const hosts = orgs.map((o) => ({ id: o.id, name: o.name }));
    return render(
      c,
      view,
      <CoordinatorTimebankPage view={view} months={months} holders={holders} lines={lines} rules={rules} hosts={hosts} form={page.form ?? emptyRule} errors={page.errors ?? noErrors()} done={page.done} />,
      page.status ?? 200,
    );
  };

  const LEDGER_DONE = { reversed: "tbReversed", added: "tbRuleAdded", removed: "tbRuleRemoved" } as const;

  app.get("/coordinator/timebank", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const done = c.req.query("done") as keyof typeof LEDGER_DONE | undefined;
    return ledgerPage(c, g.view, { done: done && done in LEDGER_DONE ? g.view.t.t(LEDGER_DONE[done]) : undefined });
  });

  const reversePage = async (c: C, view: SignedIn, entryId: string, page: { note?: string; errors?: FormErrors; status?: Status } = {}) => {
    const [line] = await ledgerLines(c.var.deps, { entryId, limit: 1 });
    if (!line) return notFound(c, view);
    return render(c, view, <ReversePage view={view} line={line} note={page.note ?? ""} errors={page.errors ?? noErrors()} />, page.status ?? 200);
  };

  app.get("/coordinator/timebank/entries/:id", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    return reversePage(c, g.view, c.req.param("id"));
  });

  app.post("/coordinator/timebank/entries/:id", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const entryId = c.req.param("id");
    const note = str((await c.req.parseBody()).note);
    const parsed = ReversalBody.safeParse({ note: note.trim() });
    if (!parsed.success) return reversePage(c, view, entryId, { note, errors: fromIssues(view, parsed.error.issues, { note: "tbErrReason" }), status: 400 });
    try {
      await reverseEntry(c.var.deps, view.actor, entryId, parsed.data.note);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err instanceof Refusal && err.reason === "no_timebank_entry") return notFound(c, view);
      return reversePage(c, view, entryId, { note, errors: detailOf(view, err), status: statusOf(err) });
    }
    return c.redirect("/coordinator/timebank?done=reversed", 303);
  });

  app.post("/coordinator/timebank/careers-rules", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const body = await c.req.parseBody();
    const form: RuleForm = { benchmark: str(body.benchmark), eventType: str(body.eventType), hostOrganisationId: str(body.hostOrganisationId) };
    const benchmark = GATSBY_BENCHMARKS.find((b) => b === form.benchmark);
    const eventType = EVENT_TYPES.find((t) => t === form.eventType) ?? null;
    if (!benchmark || (form.eventType && !eventType) || (!eventType && !form.hostOrganisationId)) {
      const fields: Record<string, "tbErrBenchmark" | "tbErrRule"> = {};
      if (!benchmark) fields.benchmark = "tbErrBenchmark";
      if (!eventType) fields.eventType = "tbErrRule";
      return ledgerPage(c, view, { form, errors: { fields: Object.fromEntries(Object.entries(fields).map(([f, k]) => [f, view.t.t(k)])) }, status: 400 });
    }
    try {
      await addCareersRule(c.var.deps, view.actor, { benchmark, eventType, hostOrganisationId: form.hostOrganisationId || null });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return ledgerPage(c, view, { form, errors: fromProblem(view, err, RULE_MESSAGES), status: statusOf(err) });
    }
    return c.redirect("/coordinator/timebank?done=added", 303);
  });

  app.post("/coordinator/timebank/careers-rules/:id/remove", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    try {
      await removeCareersRule(c.var.deps, g.view.actor, c.req.param("id"));
    } catch (err) {
      if (err instanceof ProblemError) return notFound(c, g.view);
      throw err;
    }
    return c.redirect("/coordinator/timebank?done=removed", 303);
  });

  // ---- A school's careers evidence (its staff and coordinators; 403 for anyone else) ----

  const careersFor = async (c: C, view: SignedIn, orgId: string) => {
    if (!actsFor(view.actor, orgId)) return { response: await forbidden(c, view) };
    const org = await organisationFor(c, view, orgId, "school");
    if (!org) return { response: await notFound(c, view) };
    return { org, evidence: await careersEvidence(c.var.deps, view.actor, org.id) };
  };

  app.get("/schools/:orgId/careers", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const found = await careersFor(c, view, c.req.param("orgId"));
    if ("response" in found) return found.response;
    return render(c, view, <CareersPage view={view} org={found.org} evidence={found.evidence} />);
  });

  app.get("/schools/:orgId/careers.csv", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const found = await careersFor(c, view, c.req.param("orgId"));
    if ("response" in found) return found.response;
    // The API's own CSV (same columns, same rows), for the careers lead's browser.
    const { csv, filename } = careersCsv(found.evidence);
    return c.body(csv, 200, csvResponseHeaders(filename));
  });
}

