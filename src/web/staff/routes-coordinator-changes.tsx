// A coordinator changing what already exists: a session's time, place and places (everyone
// booked is told by the service), cancelling a session, and an activity's details.
import { loadSession } from "../../features/bookings/lookups";
import { SessionCancelBody, SessionChangeBody } from "../../features/sessions/schemas";
import { cancelSession } from "../../features/sessions/cancel";
import { changeSession } from "../../features/sessions/change";
import { getEvent, updateEvent, type Event } from "../../features/catalogue/events";
import { EventPatch } from "../../features/catalogue/schemas";
import type { Api } from "../../lib/env";
import { ProblemError } from "../../lib/problem";
import { EVENT_MESSAGES, eventFormOf, eventValues, readEventForm, type EventForm } from "./event-form";
import type { StringKey } from "../../i18n";
import { EventChangePage } from "./pages/event-form";
import { readSessionPlace } from "./pages/coordinator";
import { SessionCancelPage, SessionChangePage, sessionFormOf, type SessionChangeForm } from "./pages/session-changes";
import { allVenues } from "../../features/catalogue/read";
import { bookedOn } from "../../features/sessions/read";
import { coordinatorPost, coordinatorView, notFound, notFoundIfMissing, statusOf, render, type C, type SignedIn, type Status } from "./respond";
import { detailOf, fromIssues, fromProblem, venueTakenOn, type FieldMessages, int, keyedErrors, londonTimes, mergeErrors, noErrors, readTimes, str, type FormErrors } from "./ui";

const SESSION_MESSAGES: FieldMessages = {
  startsAt: { field: "date", key: "errStart" },
  endsAt: { field: "endTime", key: "errEndTime" },
  venueId: "errPlace",
  onlineUrl: { field: "onlineUrl", key: "errUrl" },
  capacity: "errCapacity",
};

/** The refusals a coordinator can act on, worded in the page's language. */
function sessionProblem(view: SignedIn) {
  const s = view.t;
  const venue = venueTakenOn(view, "date");
  return (err: ProblemError): FormErrors | null => {
    const taken = venue(err);
    if (taken) return taken;
    if (err.code === "capacity_below_taken") return { fields: { capacity: s.t("errCapacityTaken", { taken: Number(err.extra?.seatsTaken) }) } };
    if (err.code === "session_cancelled") return { fields: {}, general: { text: s.t("sessionIsCancelled"), en: false } };
    if (err.code === "booking_clash") return { fields: { date: s.t("errSessionMoveClash", { n: Number(err.extra?.peopleClashing) }) } };
    if (err.code === "check_in_begun") return { fields: { date: s.t("errCheckInBegun") } };
    if (err.code === "session_started") return { fields: {}, general: { text: s.t("sessionHasStarted"), en: false } };
    return null;
  };
}

export function registerCoordinatorChangePages(app: Api) {
  const changePage = async (c: C, view: SignedIn, sessionId: string, form?: SessionChangeForm, errors = noErrors(), status: Status = 200) => {
    const data = await notFoundIfMissing(loadSession(c.var.deps, sessionId));
    if (!data) return notFound(c, view);
    const initial = form ?? sessionFormOf(data.session);
    return render(c, view, <SessionChangePage view={view} data={data} venues={await allVenues(c.var.deps.db)} form={initial} errors={errors} />, status);
  };

  app.get("/coordinator/sessions/:id/change", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? changePage(c, g.view, c.req.param("id"));
  });

  app.post("/coordinator/sessions/:id/change", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const sessionId = c.req.param("id");
    const body = await c.req.parseBody();
    const form: SessionChangeForm = { ...readTimes(body), ...readSessionPlace(body) };
    const own: Record<string, StringKey> = {};
    const times = londonTimes(form, own);
    const parsed = SessionChangeBody.safeParse({ ...(times ?? {}), capacity: int(form.capacity), venueId: form.venueId || null, onlineUrl: form.onlineUrl || null });
    if (!times || !parsed.success) {
      return changePage(c, view, sessionId, form, mergeErrors(keyedErrors(view, own), parsed.success ? noErrors() : fromIssues(view, parsed.error.issues, SESSION_MESSAGES)), 400);
    }
    try {
      await changeSession(c.var.deps, view.actor, sessionId, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      return changePage(c, view, sessionId, form, fromProblem(view, err, SESSION_MESSAGES, sessionProblem(view)), statusOf(err));
    }
    return c.redirect(`/coordinator/sessions/${sessionId}?done=changed`, 303);
  });

  const cancelPage = async (c: C, view: SignedIn, sessionId: string, errors = noErrors(), status: Status = 200, reason = "") => {
    const data = await notFoundIfMissing(loadSession(c.var.deps, sessionId));
    if (!data) return notFound(c, view);
    return render(c, view, <SessionCancelPage view={view} data={data} booked={await bookedOn(c.var.deps.db, sessionId)} errors={errors} reason={reason} />, status);
  };

  app.get("/coordinator/sessions/:id/cancel", async (c) => {
    const g = coordinatorView(c);
    return g.refusal ?? cancelPage(c, g.view, c.req.param("id"));
  });

  app.post("/coordinator/sessions/:id/cancel", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const sessionId = c.req.param("id");
    const reason = str((await c.req.parseBody()).reason);
    // The API's own request schema, so the page and the API accept the same reasons.
    const parsed = SessionCancelBody.safeParse({ reason });
    if (!parsed.success) return cancelPage(c, g.view, sessionId, fromIssues(g.view, parsed.error.issues, { reason: "hostCancelReasonErr" }), 400, reason);
    try {
      await cancelSession(c.var.deps, g.view.actor, sessionId, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, g.view);
      return cancelPage(c, g.view, sessionId, sessionProblem(g.view)(err) ?? detailOf(g.view, err), statusOf(err), reason);
    }
    return c.redirect(`/coordinator/sessions/${sessionId}?done=cancelled`, 303);
  });

  // The post has the event already (it keeps its translations), so the page is given it rather than reading it again.
  const eventChangePage = (c: C, view: SignedIn, event: Event, form?: EventForm, errors = noErrors(), status: Status = 200) =>
    render(c, view, <EventChangePage view={view} event={event} form={form ?? eventFormOf(event)} errors={errors} />, status);

  app.get("/coordinator/events/:id/change", async (c) => {
    const g = coordinatorView(c);
    if (g.refusal) return g.refusal;
    const event = await notFoundIfMissing(getEvent(c.var.deps, c.req.param("id")));
    return event ? eventChangePage(c, g.view, event) : notFound(c, g.view);
  });

  app.post("/coordinator/events/:id/change", async (c) => {
    const g = await coordinatorPost(c);
    if (g.refusal) return g.refusal;
    const { view } = g;
    const eventId = c.req.param("id");
    const event = await notFoundIfMissing(getEvent(c.var.deps, eventId));
    if (!event) return notFound(c, view);
    const form = readEventForm(await c.req.parseBody({ all: true }));
    // The form shows every language's text, so what it posts replaces each text as a whole.
    const parsed = EventPatch.safeParse(eventValues(form));
    if (!parsed.success) return eventChangePage(c, view, event, form, fromIssues(view, parsed.error.issues, EVENT_MESSAGES), 400);
    try {
      await updateEvent(c.var.deps, view.actor, eventId, parsed.data);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      return eventChangePage(c, view, event, form, fromProblem(view, err, EVENT_MESSAGES), statusOf(err));
    }
    return c.redirect(`/coordinator/events/${eventId}?done=changed`, 303);
  });
}
