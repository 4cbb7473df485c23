// The host partner area (issue #15): /host/{org} for the staff of any organisation that hosts
// events (and coordinators). A session of another host, or an organisation the person does not
// act for, answers 404 like every other staff area; the services check again (requireHost).
import { attendanceFor } from "../../features/attendance/read";
import { checkIn, type CheckInInput, type CheckInResult } from "../../features/attendance/check-in";
import { closeRegister } from "../../features/attendance/close-register";
import { undoCheckIn } from "../../features/attendance/undo";
import { feedbackSummary } from "../../features/feedback/read";
import { getOrganisation } from "../../features/organisations/read";
import { loadSession } from "../../features/bookings/lookups";
import { hostedEvents, hostedSessions } from "../../features/sessions/read";
import { actsFor } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { HostHome, HostRegisterPage, hostShell } from "./pages/host";
import { HostDashboardPage } from "./pages/dashboard";
import { dashboardFor, reportDates } from "./routes-coordinator-records";
import { programmeReportCsv } from "../../features/reports/programme-report";
import { csvResponseHeaders } from "../../features/reports/csv";
import { CheckInPage } from "./pages/session";
import { guardPost, notFound, notFoundIfMissing, render, SCRIPT_CSP, staffView, statusOf, type C, type SignedIn, type Status } from "./respond";
import { SCANNER_PATH } from "./scanner";
import { detailOf, fromProblem, int, keyedErrors, noErrors, str, type FieldMessages, type FormErrors } from "./ui";

const CHECK_IN_MESSAGES: FieldMessages = { ticketCode: "errTicket", count: "errCount" };

/** The organisation, if the person acts for it (its staff, or a coordinator); null is the page's 404. */
export async function hostOrg(c: C, view: SignedIn, orgId: string) {
  if (!actsFor(view.actor, orgId)) return null;
  return notFoundIfMissing(getOrganisation(c.var.deps, orgId));
}

/** The session, only if this organisation hosts its event: nothing of other hosts' sessions. */
export async function hostedSession(c: C, orgId: string, sessionId: string) {
  const found = await notFoundIfMissing(loadSession(c.var.deps, sessionId));
  return found && found.event.hostOrganisationId === orgId ? found : null;
}

export function registerHostPages(app: Api) {
  app.get("/host/:orgId", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const org = await hostOrg(c, view, c.req.param("orgId"));
    if (!org) return notFound(c, view);
    const { db } = c.var.deps;
    const [sessions, events] = await Promise.all([hostedSessions(db, org.id, view.now), hostedEvents(db, org.id)]);
    const feedback = await Promise.all(events.map((e) => feedbackSummary(c.var.deps, view.actor, e.id)));
    return render(c, view, <HostHome view={view} org={org} sessions={sessions} events={events} feedback={feedback} />);
  });

  // The host's own dashboard: the programme report's figures for its events only.
  app.get("/host/:orgId/dashboard", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const org = await hostOrg(c, view, c.req.param("orgId"));
    if (!org) return notFound(c, view);
    const { data, errors, status } = await dashboardFor(c, view, { hostOrganisationId: org.id });
    return render(c, view, <HostDashboardPage view={view} org={org} data={data} errors={errors} />, status);
  });

  app.get("/host/:orgId/programme.csv", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    const org = await hostOrg(c, view, c.req.param("orgId"));
    if (!org) return notFound(c, view);
    const { from, to, ok } = reportDates(c);
    if (!ok) return c.redirect(`/host/${org.id}/dashboard`, 303);
    const { csv, filename } = await programmeReportCsv(c.var.deps, from, to, { hostOrganisationId: org.id });
    return c.body(csv, 200, csvResponseHeaders(filename));
  });

  const registerPage = async (c: C, view: SignedIn, orgId: string, sessionId: string, page: { done?: string; errors?: FormErrors; status?: Status } = {}) => {
    const org = await hostOrg(c, view, orgId);
    if (!org || !(await hostedSession(c, orgId, sessionId))) return notFound(c, view);
    const data = await attendanceFor(c.var.deps, view.actor, sessionId);
    return render(c, view, <HostRegisterPage view={view} org={org} data={data} done={page.done} errors={page.errors} />, page.status ?? 200);
  };

  const checkInPage = async (c: C, view: SignedIn, orgId: string, sessionId: string, page: { code?: string; result?: CheckInResult; errors?: FormErrors; status?: Status } = {}) => {
    const org = await hostOrg(c, view, orgId);
    const found = org && (await hostedSession(c, orgId, sessionId));
    if (!org || !found) return notFound(c, view);
    return render(
      c,
      view,
      <CheckInPage
        view={view}
        data={found}
        scriptPath={SCANNER_PATH}
        code={page.code ?? ""}
        result={page.result}
        errors={page.errors ?? noErrors()}
        base={`/host/${orgId}/sessions/${sessionId}`}
        shell={hostShell(org)}
      />,
      page.status ?? 200,
      { csp: SCRIPT_CSP },
    );
  };

  /**
   * Every POST about one of the host's sessions starts the same way: same-site and signed in
   * (guardPost), acting for the organisation, and the organisation hosts the session; otherwise
   * the refusal, or the same 404 as the pages.
   */
  const hostSessionPost = async (c: C, orgId: string, sessionId: string): Promise<{ view: SignedIn; refusal?: undefined } | { refusal: Response }> => {
    const g = await guardPost(c);
    if (g.refusal) return g;
    if (!(await hostOrg(c, g.view, orgId)) || !(await hostedSession(c, orgId, sessionId))) return { refusal: await notFound(c, g.view) };
    return g;
  };

  /** A change made from the register, which is then shown again with what was done or the refusal, worded. */
  const changeOnRegister = async (c: C, view: SignedIn, orgId: string, sessionId: string, change: () => Promise<string>) => {
    try {
      return await registerPage(c, view, orgId, sessionId, { done: await change() });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return registerPage(c, view, orgId, sessionId, { errors: detailOf(view, err), status: statusOf(err) });
    }
  };

  app.get("/host/:orgId/sessions/:id", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    return registerPage(c, view, c.req.param("orgId"), c.req.param("id"));
  });

  app.get("/host/:orgId/sessions/:id/check-in", async (c) => {
    const view = staffView(c);
    if (!view) return c.redirect("/sign-in", 303);
    return checkInPage(c, view, c.req.param("orgId"), c.req.param("id"));
  });

  app.post("/host/:orgId/sessions/:id/check-in", async (c) => {
    const orgId = c.req.param("orgId");
    const sessionId = c.req.param("id");
    const g = await hostSessionPost(c, orgId, sessionId);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const body = await c.req.parseBody();
    const fromRegister = str(body.from) === "register";
    const code = str(body.ticketCode).trim();
    const bookingId = str(body.bookingId);
    const count = int(str(body.count));
    let input: CheckInInput;
    if (bookingId) input = { bookingId, ...(count >= 1 ? { count } : {}) };
    else {
      if (!code || code.length > 32) return checkInPage(c, view, orgId, sessionId, { code, errors: keyedErrors(view, { ticketCode: "errTicket" }), status: 400 });
      input = { ticketCode: code, ...(count >= 1 ? { count } : {}) };
    }
    try {
      const result = await checkIn(c.var.deps, view.actor, sessionId, input);
      if (fromRegister) {
        const done = result.kind === "group" ? view.t.plural("checkedInGroup", result.seats, { name: result.name, count: result.checkedInCount }) : view.t.t("checkedIn", { name: result.name });
        return registerPage(c, view, orgId, sessionId, { done });
      }
      return checkInPage(c, view, orgId, sessionId, { result });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (fromRegister) return registerPage(c, view, orgId, sessionId, { errors: detailOf(view, err), status: statusOf(err) });
      return checkInPage(c, view, orgId, sessionId, { code, errors: fromProblem(view, err, CHECK_IN_MESSAGES), status: statusOf(err) });
    }
  });

  app.post("/host/:orgId/sessions/:id/undo", async (c) => {
    const orgId = c.req.param("orgId");
    const sessionId = c.req.param("id");
    const g = await hostSessionPost(c, orgId, sessionId);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const bookingId = str((await c.req.parseBody()).bookingId);
    const before = (await attendanceFor(c.var.deps, view.actor, sessionId)).attendees.find((a) => a.bookingId === bookingId);
    return changeOnRegister(c, view, orgId, sessionId, async () => {
      await undoCheckIn(c.var.deps, view.actor, sessionId, bookingId);
      return view.t.t("hostUndone", { name: before?.name ?? "" });
    });
  });

  app.post("/host/:orgId/sessions/:id/close", async (c) => {
    const orgId = c.req.param("orgId");
    const sessionId = c.req.param("id");
    const g = await hostSessionPost(c, orgId, sessionId);
    if (g.refusal) return g.refusal;
    const { view } = g;
    return changeOnRegister(c, view, orgId, sessionId, async () => {
      const closed = await closeRegister(c.var.deps, view.actor, sessionId);
      return view.t.t("hostClosed", { noShows: closed.noShows, invited: closed.invited });
    });
  });
}
