// Pages for young people and guardians: booking a session, a booking's own page (ticket,
// calendar, cancel, accept an offer), guardian consent, mentoring, and My bookings extras.
// Every change goes through the feature services; these handlers parse, call and show.
import { ticketFor } from "../../features/attendance/ticket";
import { decideConsent } from "../../features/bookings/consent";
import { loadVisibleBooking } from "../../features/bookings/lookups";
import { acceptOffer } from "../../features/bookings/offers";
import { bookSession } from "../../features/bookings/book";
import { bookSeries, datesToBook } from "../../features/bookings/series";
import { cancelBooking } from "../../features/bookings/cancel";
import { getBooking } from "../../features/bookings/read";
import { rotateCalendarFeed } from "../../features/calendar/feeds";
import { feedbackBooking, giveFeedback, type FeedbackGiver } from "../../features/feedback/give";
import { pickLocalised } from "../../i18n";
import { bookSlot, cancelMentoringBooking, getMentoringBooking } from "../../features/mentoring/booking";
import { consentAgeFor as consentAgeOn } from "../../rules/consent";
import { needsMentoringGuardian } from "../../rules/safeguarding";
import { nextWaitlistPosition } from "../../rules/waiting-list";
import { bookableSlots } from "../../features/mentoring/finder";
import type { Api } from "../../lib/env";
import { Email } from "../../lib/openapi";
import { ProblemError } from "../../lib/problem";
import { Refusal as DomainRefusal, wordProblem } from "../../lib/refusal";
import { londonDate } from "../../lib/time";
import { enforceBookingLimit, enforceConsentLimit } from "../../lib/rate-limit";
import { formLimit, TOKEN_HEADERS } from "../respond";
import { viewFor, type View } from "../view";
import { notFound, refuseCrossSite, render, signedInPost, signInFirst, type C } from "./page";
import { BookPage, ACCESS_EXAMPLES_MAX, type BookForm } from "./pages/book";
import { SeriesBookPage, SeriesOutcomePage } from "./pages/series";
import { BookingPage, BookingRefusedPage, CancelConfirmPage } from "./pages/booking";
import { ConsentAnswerPage, ConsentDonePage, ConsentInvalidPage, ConsentPage, ConsentWithdrawnPage } from "./pages/consent";
import { FeedPage } from "./pages/feed";
import { FEEDBACK_TEXT_MAX, FeedbackNoticePage, FeedbackPage, type FeedbackForm } from "./pages/feedback";
import { MentoringBookPage, MentoringPage, type MentoringFilters } from "./pages/mentoring";
import { bookingRow, consentLink } from "../../features/bookings/read";
import { joinDetailsOf } from "../../features/auth/read";
import { mentorChoices, slotDetails } from "../../features/mentoring/read";
import { sessionDetails, type SessionDetails } from "../../features/sessions/read";
import { bookingRefusal, mentoringRefusal, type Refusal } from "./refusals";
import { registerYourDataPages } from "./your-data/routes";

/** These forms carry an email and a few hundred characters at most. */
const FORM_LIMIT_BYTES = 8 * 1024;

const formText = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** The consent age that applies to this person on the session's day, or null when none does. */
function consentAgeFor(view: View, details: SessionDetails): number | null {
  return consentAgeOn(view.actor?.person.dateOfBirth, details.event.consentAge, details.session.startsAt);
}

/**
 * Issue #14, say what will happen before it happens: when the session is full and keeps a
 * waiting list, the place in line a booking made now would take (rules/waiting-list.ts), else null.
 */
async function wouldQueueAt(c: C, details: SessionDetails): Promise<number | null> {
  const { session, event } = details;
  if (!event.waitlistEnabled || session.seatsTaken < session.capacity) return null;
  return nextWaitlistPosition(c.var.deps.db, session.id);
}

/** A refusal that has no form to sit beside: its own short page, back to the booking. */
const refusalPage = (c: C, view: View, refusal: Refusal) =>
  render(c, view, <BookingRefusedPage view={view} message={refusal.message} bookingId={c.req.param("id")!} />, refusal.status);

export function registerPeoplePages(app: Api) {
  app.on("POST", ["/sessions/*", "/bookings/*", "/consent/*", "/my/*", "/mentoring-slots/*", "/events/*"], formLimit(FORM_LIMIT_BYTES));

  // --- Booking a session ---------------------------------------------------------------
  app.get("/sessions/:id/book", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const details = await sessionDetails(c.var.deps.db, c.req.param("id"));
    if (!details) return notFound(c, view);
    // Access needs remembered when joining are offered again, to keep or change.
    const remembered = await joinDetailsOf(c.var.deps.db, view.actor.person.id);
    const form: BookForm = { accessNeeds: remembered?.accessNeeds ?? "", guardianEmail: "" };
    const waitlistPosition = await wouldQueueAt(c, details);
    return render(c, view, <BookPage view={view} details={details} consentAge={consentAgeFor(view, details)} form={form} waitlistPosition={waitlistPosition} />);
  });

  app.post("/sessions/:id/book", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    // The API's booking limit, per person: past it, a page that says when to try again.
    await enforceBookingLimit(c, view.actor);
    const details = await sessionDetails(c.var.deps.db, c.req.param("id"));
    if (!details) return notFound(c, view);
    const body = await c.req.parseBody();
    const form: BookForm = { accessNeeds: formText(body.accessNeeds), guardianEmail: formText(body.guardianEmail) };
    const consentAge = consentAgeFor(view, details);
    const show = async (status: 400 | 404 | 409 | 422, errors: { field: string; message: string }[], refusal?: Refusal["message"]) =>
      render(c, view, <BookPage view={view} details={details} consentAge={consentAge} form={form} errors={errors} refusal={refusal} waitlistPosition={await wouldQueueAt(c, details)} />, status);
    const errors = [];
    if (form.accessNeeds.length > ACCESS_EXAMPLES_MAX) errors.push({ field: "accessNeeds", message: view.t.t("bookAccessTooLong") });
    const guardian = form.guardianEmail ? Email.safeParse(form.guardianEmail) : null;
    if (guardian && !guardian.success) errors.push({ field: "guardianEmail", message: view.t.t("bookGuardianError") });
    if (errors.length) return show(400, errors);
    try {
      const booking = await bookSession(c.var.deps, view.actor, details.session.id, {
        accessNeeds: form.accessNeeds || undefined,
        guardianEmail: guardian?.success ? guardian.data : undefined,
      });
      return c.redirect(`/bookings/${booking.id}`, 303);
    } catch (err) {
      const refusal = bookingRefusal(view, err, details, view.actor.person);
      if (!refusal) throw err;
      if (refusal.status === 404) return notFound(c, view);
      return refusal.field ? show(refusal.status, [{ field: refusal.field, message: String(refusal.message) }]) : show(refusal.status, [], refusal.message);
    }
  });

  // --- Booking every date of a series (issue #14 item 6) ------------------------------------
  /** The consent age that applies on any of these dates (the form asks for a guardian once), or null. */
  const seriesConsentAge = (view: View, event: { consentAge: number }, dates: { startsAt: number }[]) =>
    dates.map((s) => consentAgeOn(view.actor?.person.dateOfBirth, event.consentAge, s.startsAt)).find((age) => age !== null) ?? null;

  app.get("/events/:id/book-all", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const found = await datesToBook(c.var.deps, c.req.param("id"));
    if (!found) return notFound(c, view);
    const remembered = await joinDetailsOf(c.var.deps.db, view.actor.person.id);
    const form: BookForm = { accessNeeds: remembered?.accessNeeds ?? "", guardianEmail: "" };
    return render(c, view, <SeriesBookPage view={view} event={found.event} dates={found.dates} consentAge={seriesConsentAge(view, found.event, found.dates)} form={form} />);
  });

  app.post("/events/:id/book-all", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    // One step, one use of the same booking limit as a single booking's form and the API.
    await enforceBookingLimit(c, view.actor);
    const found = await datesToBook(c.var.deps, c.req.param("id"));
    if (!found) return notFound(c, view);
    const { event, dates } = found;
    const body = await c.req.parseBody();
    const form: BookForm = { accessNeeds: formText(body.accessNeeds), guardianEmail: formText(body.guardianEmail) };
    const show = (status: 400 | 404 | 409 | 422, errors: { field: string; message: string }[], refusal?: Refusal["message"]) =>
      render(c, view, <SeriesBookPage view={view} event={event} dates={dates} consentAge={seriesConsentAge(view, event, dates)} form={form} errors={errors} refusal={refusal} />, status);
    const errors = [];
    if (form.accessNeeds.length > ACCESS_EXAMPLES_MAX) errors.push({ field: "accessNeeds", message: view.t.t("bookAccessTooLong") });
    const guardian = form.guardianEmail ? Email.safeParse(form.guardianEmail) : null;
    if (guardian && !guardian.success) errors.push({ field: "guardianEmail", message: view.t.t("bookGuardianError") });
    if (errors.length) return show(400, errors);
    try {
      const result = await bookSeries(c.var.deps, view.actor, event.id, {
        accessNeeds: form.accessNeeds || undefined,
        guardianEmail: guardian?.success ? guardian.data : undefined,
      });
      return render(c, view, <SeriesOutcomePage view={view} event={event} dates={result.dates} />);
    } catch (err) {
      const refusal = bookingRefusal(view, err, { event }, view.actor.person);
      if (!refusal) throw err;
      if (refusal.status === 404) return notFound(c, view);
      return refusal.field ? show(refusal.status, [{ field: refusal.field, message: String(refusal.message) }]) : show(refusal.status, [], refusal.message);
    }
  });

  // --- A booking's own page --------------------------------------------------------------
  /** The booking as the API shows it, if this person may see it (owner, the group's school, coordinators), else null. */
  async function seenBooking(c: C, view: View) {
    try {
      // getBooking decides who may see it and records a coordinator's look in the audit log.
      return await getBooking(c.var.deps, view.actor!, c.req.param("id")!);
    } catch (err) {
      if (err instanceof ProblemError && err.code === "not_found") return null;
      throw err;
    }
  }

  app.get("/bookings/:id", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const seen = await seenBooking(c, view);
    if (!seen) return notFound(c, view);
    const { deps } = c.var;
    const me = view.actor.person.id;
    const props = { view, position: seen.position, justCancelled: c.req.query("cancelled") === "1" };
    if (seen.kind === "mentoring") {
      // The row comes with the slot and mentor: no separate read of the booking.
      const { booking, slot, mentor, venue } = await getMentoringBooking(deps, view.actor, seen.id);
      return render(c, view, <BookingPage {...props} booking={booking} mine={booking.personId === me} mentoring={{ slot, mentor, venue }} />);
    }
    // The API's shape of a booking lacks some of what this page shows (the guardian's address),
    // so the row is read too: beside the session and the ticket, not before them.
    const hasTicket = seen.status === "confirmed" || seen.status === "attended";
    const [booking, session, ticket] = await Promise.all([
      bookingRow(deps.db, seen.id),
      sessionDetails(deps.db, seen.sessionId!),
      hasTicket ? ticketFor(deps, view.actor, seen.id) : undefined,
    ]);
    if (!booking || !session) return notFound(c, view);
    return render(c, view, <BookingPage {...props} booking={booking} mine={booking.personId === me} session={session} ticketSvg={ticket?.svg} />);
  });

  app.get("/bookings/:id/cancel", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const seen = await seenBooking(c, view);
    return seen ? render(c, view, <CancelConfirmPage view={view} bookingId={seen.id} />) : notFound(c, view);
  });

  app.post("/bookings/:id/cancel", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    const id = c.req.param("id");
    // The booking as it stood before we tried: a refusal then reads against its status.
    let statusBefore: string | undefined;
    try {
      const booking = await loadVisibleBooking(c.var.deps, view.actor, id);
      statusBefore = booking.status;
      if (booking.kind === "mentoring") await cancelMentoringBooking(c.var.deps, view.actor, id);
      else await cancelBooking(c.var.deps, view.actor, id);
      return c.redirect(`/bookings/${id}?cancelled=1`, 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      const message = err.code === "session_started" ? view.t.t("refuseTooLate") : err.code === "conflict" && statusBefore === "cancelled" ? view.t.t("resultCancelled") : view.t.t("refuseChanged");
      return refusalPage(c, view, { message: <p>{message}</p>, status: 409 });
    }
  });

  app.post("/bookings/:id/accept", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    const id = c.req.param("id");
    try {
      await acceptOffer(c.var.deps, view.actor, id);
      return c.redirect(`/bookings/${id}`, 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      if (err.code === "not_found") return notFound(c, view);
      const clash = err.code === "booking_clash" ? err.extra : undefined;
      const message = clash
        ? view.t.t("refuseClash", { title: String(clash.clashingTitle ?? "") })
        : err.code === "offer_expired"
          ? view.t.t("refuseOfferExpired")
          : view.t.t("refuseChanged");
      return refusalPage(c, view, { message: <p>{message}</p>, status: 409 });
    }
  });

  // --- Feedback from attendees (rule 13, issue #14) ----------------------------------------
  /** Who is answering: the emailed link (`?t=`), else the signed-in person; null means sign in first. */
  const feedbackGiver = (c: C, view: View): FeedbackGiver | null => {
    const token = c.req.query("t");
    if (token) return { linkToken: token.slice(0, 200) };
    return view.actor ? { actor: view.actor } : null;
  };
  const feedbackAction = (c: C) => {
    const token = c.req.query("t");
    return `/bookings/${encodeURIComponent(c.req.param("id")!)}/feedback${token ? `?t=${encodeURIComponent(token)}` : ""}`;
  };
  const feedbackNotice = (c: C, view: View, kind: "thanks" | "given" | "notYet" | "badLink", status: 200 | 404 | 409 = 200) =>
    render(c, view, <FeedbackNoticePage view={view} kind={kind} />, status, c.req.query("t") ? TOKEN_HEADERS : {});

  app.get("/bookings/:id/feedback", async (c) => {
    const view = viewFor(c);
    const giver = feedbackGiver(c, view);
    if (!giver) return signInFirst(c);
    const row = await feedbackBooking(c.var.deps.db, c.req.param("id"), giver);
    if (!row) return "linkToken" in giver ? feedbackNotice(c, view, "badLink", 404) : notFound(c, view);
    if (row.given) return feedbackNotice(c, view, "given");
    if (row.booking.status !== "attended" || !row.title) return feedbackNotice(c, view, "notYet");
    const form: FeedbackForm = { rating: "", whatWorked: "", couldBeBetter: "", anonymous: false };
    const title = pickLocalised(row.title, view.t.locale).text;
    return render(c, view, <FeedbackPage view={view} title={title} action={feedbackAction(c)} form={form} />, 200, "linkToken" in giver ? TOKEN_HEADERS : {});
  });

  app.post("/bookings/:id/feedback", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view);
    if (refused) return refused;
    const giver = feedbackGiver(c, view);
    if (!giver) return signInFirst(c);
    const id = c.req.param("id");
    const row = await feedbackBooking(c.var.deps.db, id, giver);
    if (!row) return "linkToken" in giver ? feedbackNotice(c, view, "badLink", 404) : notFound(c, view);
    const body = await c.req.parseBody();
    const form: FeedbackForm = {
      rating: formText(body.rating),
      whatWorked: formText(body.whatWorked),
      couldBeBetter: formText(body.couldBeBetter),
      anonymous: body.anonymous === "1",
    };
    const errors: { field: string; message: string }[] = [];
    if (!/^[1-5]$/.test(form.rating)) errors.push({ field: "rating", message: view.t.t("gdFeedbackRatingError") });
    for (const field of ["whatWorked", "couldBeBetter"] as const) {
      if (form[field].length > FEEDBACK_TEXT_MAX) errors.push({ field, message: view.t.t("gdFeedbackTooLong", { max: FEEDBACK_TEXT_MAX }) });
    }
    if (errors.length) {
      const title = row.title ? pickLocalised(row.title, view.t.locale).text : "";
      return render(c, view, <FeedbackPage view={view} title={title} action={feedbackAction(c)} form={form} errors={errors} />, 400, "linkToken" in giver ? TOKEN_HEADERS : {});
    }
    try {
      // The same verb as POST /api/v1/bookings/{id}/feedback: rule 13's checks and one answer per booking.
      await giveFeedback(c.var.deps, giver, id, { rating: Number(form.rating), whatWorked: form.whatWorked, couldBeBetter: form.couldBeBetter, anonymous: form.anonymous });
    } catch (err) {
      if (!(err instanceof DomainRefusal)) throw err;
      if (err.reason === "feedback_given") return feedbackNotice(c, view, "given", 409);
      if (err.reason === "feedback_not_attended") return feedbackNotice(c, view, "notYet", 409);
      return "linkToken" in giver ? feedbackNotice(c, view, "badLink", 404) : notFound(c, view);
    }
    return feedbackNotice(c, view, "thanks");
  });

  // --- My bookings: calendar feed ---------------------------------------------------------
  app.post("/my/calendar-feed", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    const url = await rotateCalendarFeed(c.var.deps, view.actor.person.id);
    return render(c, view, <FeedPage view={view} url={url} />, 200, TOKEN_HEADERS);
  });

  // --- My bookings: your data (see, download, delete) --------------------------------------
  registerYourDataPages(app);

  // --- Guardian consent (no sign-in: the emailed token is the credential) ------------------
  app.get("/consent/:token", async (c) => {
    const view = viewFor(c);
    const token = c.req.param("token");
    const action = `/consent/${encodeURIComponent(token)}`;
    const link = await consentLink(c.var.deps.db, token, view.now);
    if (!link) return render(c, view, <ConsentInvalidPage view={view} />, 404, TOKEN_HEADERS);
    // Issue #14: a used link shows the decision it recorded (and withdraws a yes), not an error.
    if (link.state !== "asked") return render(c, view, <ConsentAnswerPage view={view} answer={link} action={action} />, 200, TOKEN_HEADERS);
    return render(c, view, <ConsentPage view={view} request={link} action={action} />, 200, TOKEN_HEADERS);
  });

  app.post("/consent/:token", async (c) => {
    const view = viewFor(c);
    const refused = refuseCrossSite(c, view);
    if (refused) return refused;
    await enforceConsentLimit(c);
    const token = c.req.param("token");
    const action = `/consent/${encodeURIComponent(token)}`;
    const decision = formText((await c.req.parseBody()).decision);
    const link = await consentLink(c.var.deps.db, token, view.now);
    if (!link) return render(c, view, <ConsentInvalidPage view={view} />, 404, TOKEN_HEADERS);
    const name = link.person.displayName;
    if (decision === "withdraw") {
      try {
        await decideConsent(c.var.deps, token, "withdraw");
      } catch (err) {
        if (!(err instanceof DomainRefusal)) throw err;
        // Too late, or already cancelled: the answer as it now stands, with why.
        const now = (await consentLink(c.var.deps.db, token, view.now)) ?? link;
        return render(c, view, <ConsentAnswerPage view={view} answer={now} action={action} problem={wordProblem(err, view.t.locale).detail} />, 409, TOKEN_HEADERS);
      }
      return render(c, view, <ConsentWithdrawnPage view={view} name={name} />, 200, TOKEN_HEADERS);
    }
    // A second answer to a link already used: show the first, unchanged.
    if (link.state !== "asked") return render(c, view, <ConsentAnswerPage view={view} answer={link} action={action} />, 409, TOKEN_HEADERS);
    if (decision !== "grant" && decision !== "refuse") {
      return render(c, view, <ConsentPage view={view} request={link} action={action} />, 400, TOKEN_HEADERS);
    }
    try {
      await decideConsent(c.var.deps, token, decision);
    } catch (err) {
      if (err instanceof ProblemError && err.code === "token_invalid") return render(c, view, <ConsentInvalidPage view={view} />, 404, TOKEN_HEADERS);
      throw err;
    }
    return render(c, view, <ConsentDonePage view={view} granted={decision === "grant"} name={name} />, 200, TOKEN_HEADERS);
  });

  // --- Mentoring -------------------------------------------------------------------------
  app.get("/mentoring", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const q = (name: string) => (c.req.query(name) ?? "").trim().slice(0, 60);
    const mode = q("mode");
    const filters: MentoringFilters = { sector: q("sector"), mode: mode === "online" || mode === "in_person" ? mode : "", language: q("language") };
    const [slots, choices] = await Promise.all([
      bookableSlots(c.var.deps, view.actor.person, { sector: filters.sector || undefined, mode: filters.mode || undefined, language: filters.language || undefined, limit: 50 }),
      mentorChoices(c.var.deps.db),
    ]);
    return render(c, view, <MentoringPage view={view} filters={filters} choices={choices} slots={slots} />);
  });

  const needsGuardian = (view: View, startsAt: number) => {
    const dob = view.actor?.person.dateOfBirth;
    return Boolean(dob) && needsMentoringGuardian(dob!, londonDate(startsAt));
  };

  app.get("/mentoring-slots/:id/book", async (c) => {
    const view = viewFor(c);
    if (!view.actor) return signInFirst(c);
    const details = await slotDetails(c.var.deps.db, c.req.param("id"));
    if (!details) return notFound(c, view);
    const { slot, mentor, venue } = details;
    return render(c, view, <MentoringBookPage view={view} slot={slot} mentor={mentor} venue={venue} needsGuardian={needsGuardian(view, slot.startsAt)} guardianEmail="" />);
  });

  app.post("/mentoring-slots/:id/book", async (c) => {
    const guard = await signedInPost(c);
    if ("response" in guard) return guard.response;
    const { view } = guard;
    await enforceBookingLimit(c, view.actor);
    const details = await slotDetails(c.var.deps.db, c.req.param("id"));
    if (!details) return notFound(c, view);
    const { slot, mentor, venue } = details;
    const typed = formText((await c.req.parseBody()).guardianEmail);
    const show = (status: 400 | 409 | 422, errors: { field: string; message: string }[], refusal?: Refusal["message"]) =>
      render(c, view, <MentoringBookPage view={view} slot={slot} mentor={mentor} venue={venue} needsGuardian={needsGuardian(view, slot.startsAt)} guardianEmail={typed} errors={errors} refusal={refusal} />, status);
    const guardian = typed ? Email.safeParse(typed) : null;
    if (guardian && !guardian.success) return show(400, [{ field: "guardianEmail", message: view.t.t("bookGuardianError") }]);
    try {
      const booking = await bookSlot(c.var.deps, view.actor.person, slot.id, { guardianEmail: guardian?.success ? guardian.data : undefined });
      return c.redirect(`/bookings/${booking.id}`, 303);
    } catch (err) {
      const refusal = mentoringRefusal(view, err);
      if (!refusal) throw err;
      if (refusal.status === 404) return notFound(c, view);
      return refusal.field ? show(refusal.status, [{ field: refusal.field, message: String(refusal.message) }]) : show(refusal.status, [], refusal.message);
    }
  });
}
