// The coordinator area: events and sessions, attendance and check-in, feedback and "you said,
// we did", failed emails, safeguarding alerts. Coordinators only; the services check again.
import { attendanceFor } from "../../features/attendance/read";
import { checkIn, type CheckInInput, type CheckInResult } from "../../features/attendance/check-in";
import { createEvent, getEvent } from "../../features/catalogue/events";
import { SessionCreate } from "../../features/sessions/schemas";
import { EventCreate } from "../../features/catalogue/schemas";
import { addSessions, type SessionInput } from "../../features/sessions/create";
import { YouSaidWeDidBody } from "../../features/feedback/schemas";
import { feedbackSummary } from "../../features/feedback/read";
import { addYouSaidWeDid } from "../../features/feedback/you-said-we-did";
import { safeguardingAlerts } from "../../features/mentoring/safeguarding";
import { correctRecipient, listOutbox, outboxView, retryMessage } from "../../features/notifications/admin";
import { RecipientCorrection } from "../../features/notifications/schemas";
import { actorId } from "../../lib/auth";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import type { StringKey } from "../../i18n";
import { FailedEmailsPage, SafeguardingPage } from "./pages/admin";
import { emptyEventForm, EVENT_MESSAGES, eventValues, readEventForm, type EventForm } from "./event-form";
import { CoordinatorEventPage, CoordinatorHome, emptySessionsForm, readSessionPlace, type NoteForm, type SessionsForm } from "./pages/coordinator";
import { AttendancePage, CheckInPage } from "./pages/session";
import { allVenues, coordinatorEvents } from "../../features/catalogue/read";
import { allOrganisations } from "../../features/organisations/read";
import { eventSessions } from "../../features/sessions/read";
import { coordinatorPost, coordinatorView, notFound, notFoundIfMissing, statusOf, render, SCRIPT_CSP, type C, type SignedIn, type Status } from "./respond";
import { openAgeFlags } from "../../features/auth/read";
import { resolveAgeFlag } from "../../features/auth/age-flags";
import { registerScannerAssets, SCANNER_PATH } from "./scanner";
import { detailOf, fromIssues, fromProblem, venueTakenOn, type FieldMessages, int, keyedErrors, mergeErrors, noErrors, readWhen, str, whenFrom, type FormErrors } from "./ui";

const SESSION_MESSAGES: FieldMessages = { start: "errStart", startsAt: { field: "start", key: "errStart" }, endsAt: { field: "durationMinutes", key: "errSessionDuration" }, durationMinutes: "errSessionDuration", rrule: { field: "weeks", key: "errWeeks" }, venueId: "errPlace", onlineUrl: "errPlace", capacity: "errCapacity" };
const NOTE_MESSAGES: FieldMessages = { youSaid: "errYouSaid", weDid: "errWeDid", locale: "errYswLanguage" };
const CHECK_IN_MESSAGES: FieldMessages = { ticketCode: "errTicket", count: "errCount" };

export function registerCoordinatorPages(app: Api) {
  registerScannerAssets(app);

  const home = async (c: C, view: SignedIn, form: EventForm = emptyEventForm, errors = noErrors(), status: Status = 200) => {
    const [events, hosts, ageFlags] = await Promise.all([coordinatorEvents(c.var.deps.db, view.now), allOrganisations(c.var.deps.db), openAgeFlags(c.var.deps.db)]);
    const ageFlagResolved = c.req.query("done") === "age-flag";
    return render(c, view, <CoordinatorHome view={view} events={events} hosts={hosts} form={form} errors={errors} ageFlags={ageFlags} ageFlagResolved={ageFlagResolved} />, status);
  };

  app.get("/coordinator", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? home(c, g.view);
  });

  app.post("/coordinator/events", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const form = readEventForm(await c.req.parseBody({ all: true }));
    const parsed = EventCreate.safeParse({ ...eventValues(form), hostOrganisationId: form.hostOrganisationId });
    if (!parsed.success) return home(c, view, form, fromIssues(view, parsed.error.issues, EVENT_MESSAGES), 400);
    try {
      const event = await createEvent(c.var.deps, view.actor, parsed.data);
      return c.redirect(`/coordinator/events/${event.id}?done=event`, 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return home(c, view, form, fromProblem(view, err, EVENT_MESSAGES), statusOf(err));
    }
  });

  const eventPage = async (c: C, view: SignedIn, eventId: string, forms: { sessions?: SessionsForm; note?: NoteForm } = {}, errors = noErrors(), status: Status = 200, done?: string) => {
    const event = await notFoundIfMissing(getEvent(c.var.deps, eventId));
    if (!event) return notFound(c, view);
    const [sessions, venues, summary] = await Promise.all([eventSessions(c.var.deps.db, event.id, view.now), allVenues(c.var.deps.db), feedbackSummary(c.var.deps, view.actor, event.id)]);
    return render(
      c,
      view,
      <CoordinatorEventPage view={view} event={event} sessions={sessions} venues={venues} summary={summary} form={forms.sessions ?? emptySessionsForm} note={forms.note ?? { youSaid: "", weDid: "", locale: view.t.locale }} errors={errors} done={done} />,
      status,
    );
  };

  app.get("/coordinator/events/:id", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const s = g.view.t;
    const added = Number(c.req.query("added") ?? "0");
    const doneKey = ({ event: "eventAdded", note: "yswDone", changed: "eventChanged" } as Record<string, StringKey>)[c.req.query("done") ?? ""];
    const done = added > 0 ? s.plural("sessionsAdded", added) : doneKey ? s.t(doneKey) : undefined;
    return eventPage(c, g.view, c.req.param("id"), {}, noErrors(), 200, done);
  });

  app.post("/coordinator/events/:id/sessions", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const eventId = c.req.param("id");
    const body = await c.req.parseBody();
    const form: SessionsForm = { ...readWhen(body), ...readSessionPlace(body) };
    const own: Record<string, StringKey> = {};
    const when = whenFrom(form, { minMinutes: 5, maxMinutes: 1440 }, own);
    const parsed = SessionCreate.safeParse({ ...(when ?? {}), capacity: int(form.capacity), ...(form.venueId ? { venueId: form.venueId } : {}), ...(form.onlineUrl ? { onlineUrl: form.onlineUrl } : {}) });
    if (!when || !parsed.success) {
      const issues = parsed.success ? [] : parsed.error.issues.filter((i) => when || !["start", "startsAt", "endsAt", "durationMinutes", "rrule"].includes(String(i.path[0])));
      return eventPage(c, view, eventId, { sessions: form }, mergeErrors(keyedErrors(view, own), fromIssues(view, issues, SESSION_MESSAGES)), 400);
    }
    const b = parsed.data;
    const place = { venueId: b.venueId, onlineUrl: b.onlineUrl, capacity: b.capacity };
    const input: SessionInput = b.rrule !== undefined ? { kind: "series", start: b.start!, durationMinutes: b.durationMinutes!, rrule: b.rrule, ...place } : { kind: "single", startsAt: b.startsAt!, endsAt: b.endsAt!, ...place };
    try {
      const rows = await addSessions(c.var.deps, view.actor, eventId, input);
      return c.redirect(`/coordinator/events/${eventId}?added=${rows.length}`, 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      return eventPage(c, view, eventId, { sessions: form }, fromProblem(view, err, SESSION_MESSAGES, venueTakenOn(view, "start")), statusOf(err));
    }
  });

  app.post("/coordinator/events/:id/you-said-we-did", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const eventId = c.req.param("id");
    const body = await c.req.parseBody();
    const note: NoteForm = { youSaid: str(body.youSaid), weDid: str(body.weDid), locale: str(body.locale) };
    // No language sent (a page from before the choice existed) means the API's default.
    const parsed = YouSaidWeDidBody.safeParse({ ...note, locale: note.locale || undefined });
    if (!parsed.success) return eventPage(c, view, eventId, { note }, fromIssues(view, parsed.error.issues, NOTE_MESSAGES), 400);
    const added = await notFoundIfMissing(addYouSaidWeDid(c.var.deps, view.actor, eventId, parsed.data));
    if (!added) return notFound(c, view);
    return c.redirect(`/coordinator/events/${eventId}?done=note`, 303);
  });

  app.get("/coordinator/sessions/:id", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const data = await notFoundIfMissing(attendanceFor(c.var.deps, g.view.actor, c.req.param("id")));
    const doneKey = ({ changed: "sessionChanged", cancelled: "sessionCancelDone" } as Record<string, StringKey>)[c.req.query("done") ?? ""];
    return data ? render(c, g.view, <AttendancePage view={g.view} data={data} done={doneKey && g.view.t.t(doneKey)} />) : notFound(c, g.view);
  });

  const checkInPage = async (c: C, view: SignedIn, sessionId: string, page: { code?: string; result?: CheckInResult; errors?: FormErrors; status?: Status } = {}) => {
    const data = await notFoundIfMissing(attendanceFor(c.var.deps, view.actor, sessionId));
    if (!data) return notFound(c, view);
    return render(c, view, <CheckInPage view={view} data={data} scriptPath={SCANNER_PATH} code={page.code ?? ""} result={page.result} errors={page.errors ?? noErrors()} />, page.status ?? 200, { csp: SCRIPT_CSP });
  };

  app.get("/coordinator/sessions/:id/check-in", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? checkInPage(c, g.view, c.req.param("id"));
  });

  app.post("/coordinator/sessions/:id/check-in", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const sessionId = c.req.param("id");
    const body = await c.req.parseBody();
    const code = str(body.ticketCode).trim();
    const groupBookingId = str(body.groupBookingId);
    const count = int(str(body.count));
    let input: CheckInInput;
    if (groupBookingId) {
      if (!(count >= 1)) return checkInPage(c, view, sessionId, { errors: keyedErrors(view, { count: "errCount" }), status: 400 });
      input = { groupBookingId, count };
    } else {
      if (!code || code.length > 32) return checkInPage(c, view, sessionId, { code, errors: keyedErrors(view, { ticketCode: "errTicket" }), status: 400 });
      input = { ticketCode: code, ...(count >= 1 ? { count } : {}) };
    }
    try {
      const result = await checkIn(c.var.deps, view.actor, sessionId, input);
      return checkInPage(c, view, sessionId, { result });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      // A wrong or unknown code comes with no field: the service's own words (it names the right session).
      return checkInPage(c, view, sessionId, { code, errors: fromProblem(view, err, CHECK_IN_MESSAGES), status: statusOf(err) });
    }
  });

  const emailsPage = async (c: C, view: SignedIn, errors = noErrors(), status: Status = 200, done?: string, fix?: { id: string; email: string }) => {
    const { items } = await listOutbox(c.var.deps, actorId(view.actor), { status: "failed", limit: 50 });
    return render(c, view, <FailedEmailsPage view={view} messages={items.map(outboxView)} errors={errors} done={done} fix={fix} />, status);
  };

  app.get("/coordinator/emails", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const doneKey = ({ retried: "emailRetried", corrected: "admEmailFixed" } as Record<string, StringKey>)[c.req.query("done") ?? ""];
    return emailsPage(c, g.view, noErrors(), 200, doneKey && g.view.t.t(doneKey));
  });

  // A wrong address: corrected on the person and every failed message to it sent again (the API's verb).
  app.post("/coordinator/emails/:id/recipient", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const id = c.req.param("id");
    const email = str((await c.req.parseBody()).email);
    const parsed = RecipientCorrection.safeParse({ email });
    if (!parsed.success) return emailsPage(c, view, { fields: { [`email-${id}`]: view.t.t("admErrEmailNew") } }, 400, undefined, { id, email });
    try {
      await correctRecipient(c.var.deps, view.actor, id, parsed.data.email);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      return emailsPage(c, view, detailOf(view, err), statusOf(err), undefined, { id, email });
    }
    return c.redirect("/coordinator/emails?done=corrected", 303);
  });

  app.post("/coordinator/age-flags/:id/resolution", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    try {
      await resolveAgeFlag(c.var.deps, g.view.actor, c.req.param("id"));
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return notFound(c, g.view);
    }
    return c.redirect("/coordinator?done=age-flag#age-flags", 303);
  });

  app.post("/coordinator/emails/:id/retry", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    try {
      await retryMessage(c.var.deps, actorId(g.view.actor), c.req.param("id"));
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return emailsPage(c, g.view, detailOf(g.view, err), statusOf(err));
    }
    return c.redirect("/coordinator/emails?done=retried", 303);
  });

  app.get("/coordinator/safeguarding", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    return render(c, g.view, <SafeguardingPage view={g.view} alerts={await safeguardingAlerts(c.var.deps, g.view.actor)} />);
  });
}
