// The records coordinators read: the audit log with its filters, the programme report and each
// session's register as CSV. The same queries and files as the API's GET /audit-log,
// /reports/programme.csv and /sessions/{id}/report.csv.
import { actorNames, listAudit, personIdByEmail } from "../../features/audit/read";
import { auditRead } from "../../features/audit/record";
import { allOrganisations } from "../../features/organisations/read";
import { csvResponseHeaders } from "../../features/reports/csv";
import { programmeReportCsv } from "../../features/reports/programme-report";
import { dashboardFigures } from "../../features/reports/figures";
import { CoordinatorDashboardPage } from "./pages/dashboard";
import { sessionReportCsv } from "../../features/reports/session-report";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { londonDate, startOfLondonDay } from "../../lib/time";
import { AuditPage, DownloadsPage, type AuditForm } from "./pages/admin-records";
import { coordinatorView, notFound, notFoundIfMissing, render, type C, type SignedIn } from "./respond";
import { str } from "./ui";

const PAGE = 50;
const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

/**
 * A dashboard's dates from the query (the last twelve weeks and the next four unless chosen)
 * and its figures: the whole programme's, or one host's with `hostOrganisationId`. Dates the
 * wrong way round or more than a year apart show today's figures and a message by the field.
 */
export async function dashboardFor(c: C, view: SignedIn, scope: { hostOrganisationId?: string } = {}) {
  const from = str(c.req.query("from")) || londonDate(view.now - 84 * 86_400_000);
  const to = str(c.req.query("to")) || londonDate(view.now + 28 * 86_400_000);
  const span = isDate(from) && isDate(to) ? (Date.parse(to) - Date.parse(from)) / 86_400_000 : -1;
  if (!(span >= 0 && span <= 366)) {
    const today = londonDate(view.now);
    const fields: Record<string, string> = isDate(from) ? { to: view.t.t("dashErrDates") } : { from: view.t.t("dashErrDates") };
    const data = await dashboardFigures(c.var.deps, today, today, scope);
    return { data: { ...data, from, to }, errors: { fields }, status: 400 as const };
  }
  return { data: await dashboardFigures(c.var.deps, from, to, scope), errors: { fields: {} }, status: 200 as const };
}

/** Report dates from the query: both real dates, the end on or after the start, at most a year apart. */
export function reportDates(c: C): { from: string; to: string; ok: boolean } {
  const from = str(c.req.query("from"));
  const to = str(c.req.query("to"));
  const span = isDate(from) && isDate(to) ? (Date.parse(to) - Date.parse(from)) / 86_400_000 : -1;
  return { from, to, ok: span >= 0 && span <= 366 };
}

export function registerCoordinatorRecordPages(app: Api) {
  app.get("/coordinator/audit", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const { db, clock } = c.var.deps;
    const q = (k: string) => str(c.req.query(k)).trim();
    const form: AuditForm = { email: q("email"), organisationId: q("organisationId"), from: q("from"), to: q("to") };
    const fields: Record<string, string> = {};
    if (form.from && !isDate(form.from)) fields.from = view.t.t("admErrAuditDate");
    if (form.to && !isDate(form.to)) fields.to = view.t.t("admErrAuditDate");
    const personId = form.email ? await personIdByEmail(db, form.email) : undefined;
    if (form.email && !personId) fields.email = view.t.t("admErrAuditPerson");
    const orgs = await allOrganisations(db);
    if (Object.keys(fields).length) return render(c, view, <AuditPage view={view} form={form} orgs={orgs} entries={[]} names={new Map()} older={null} errors={{ fields }} />, 400);
    const before = Number(q("before")) || undefined;
    const entries = await listAudit(db, {
      personId: personId ?? undefined,
      organisationId: form.organisationId || undefined,
      fromMs: form.from ? startOfLondonDay(form.from) : undefined,
      toMs: form.to ? startOfLondonDay(form.to, 1) : undefined,
      before,
      limit: PAGE,
    });
    // Reading the log is itself a read of personal data (who did what), as on the API.
    await auditRead(db, view.actor, { action: "audit_log.read", subjectType: "audit_log", detail: { count: entries.length } }, clock.now());
    const names = await actorNames(db, entries.map((e) => e.actorId ?? ""));
    const older = entries.length === PAGE ? `/coordinator/audit?${new URLSearchParams({ ...form, before: String(entries.at(-1)!.at) })}` : null;
    return render(c, view, <AuditPage view={view} form={form} orgs={orgs} entries={entries} names={names} older={older} errors={{ fields: {} }} />);
  });

  const downloadsPage = (c: C, view: SignedIn, from: string, to: string, fields: Record<string, string> = {}) =>
    render(c, view, <DownloadsPage view={view} from={from} to={to} errors={{ fields }} />, Object.keys(fields).length ? 400 : 200);

  app.get("/coordinator/downloads", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    // The default period: this term so far, roughly (the last 90 days to today).
    const today = londonDate(g.view.now);
    return downloadsPage(c, g.view, londonDate(g.view.now - 90 * 86_400_000), today);
  });

  app.get("/coordinator/downloads/programme.csv", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const { from, to, ok } = reportDates(c);
    if (!ok) {
      const message = g.view.t.t("admErrReportDates");
      return downloadsPage(c, g.view, from, to, isDate(from) ? { to: message } : { from: message });
    }
    const { csv, filename } = await programmeReportCsv(c.var.deps, from, to);
    return c.body(csv, 200, csvResponseHeaders(filename));
  });

  app.get("/coordinator/sessions/:id/register.csv", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    try {
      const report = await notFoundIfMissing(sessionReportCsv(c.var.deps, g.view.actor, c.req.param("id")));
      if (!report) return notFound(c, g.view);
      return c.body(report.csv, 200, csvResponseHeaders(report.filename));
    } catch (err) {
      if (err instanceof ProblemError && err.status === 403) return notFound(c, g.view);
      throw err;
    }
  });

  // The programme at a glance: the programme report's own figures (features/reports/figures.ts), drawn.
  app.get("/coordinator/dashboard", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const { data, errors, status } = await dashboardFor(c, view);
    return render(c, view, <CoordinatorDashboardPage view={view} data={data} errors={errors} />, status);
  });
}
