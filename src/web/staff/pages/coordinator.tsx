import type { openAgeFlags } from "../../../features/auth/read";
import type { Event } from "../../../features/catalogue/events";
import type { feedbackSummary } from "../../../features/feedback/read";
import { formatDay, formatTime, formatWhen, isoInstant } from "../../format";
import { dirOf, LOCALE_NAMES, LOCALES, pickLocalised } from "../../../i18n";
import { Localised } from "../../layout";
import type { View } from "../../view";
import type { coordinatorEvents } from "../../../features/catalogue/read";
import type { eventSessions } from "../../../features/sessions/read";
import { ErrorSummary, Field, Notice, str, VenueField, type FormErrors, type WhenForm } from "../ui";
import type { EventForm } from "../event-form";
import { WhenFields } from "./employer";
import { CoordinatorShell } from "./coordinator-shell";
import { EVENT_ORDER, EventFields } from "./event-form";

type EventRow = Awaited<ReturnType<typeof coordinatorEvents>>[number];
type SessionRow = Awaited<ReturnType<typeof eventSessions>>[number];
type Summary = Awaited<ReturnType<typeof feedbackSummary>>;
type Named = { id: string; name: string };

/** Where a session happens and how many places it has, as typed: the same on the add and change forms. */
export interface SessionPlace {
  venueId: string;
  onlineUrl: string;
  capacity: string;
}
export const readSessionPlace = (body: Record<string, unknown>): SessionPlace => ({ venueId: str(body.venueId), onlineUrl: str(body.onlineUrl).trim(), capacity: str(body.capacity) });

export type SessionsForm = WhenForm & SessionPlace;
export const emptySessionsForm: SessionsForm = { start: "", durationMinutes: "90", weeks: "1", venueId: "", onlineUrl: "", capacity: "12" };

export interface NoteForm {
  youSaid: string;
  weDid: string;
  /** The language the note is written in; the page's own language until chosen. */
  locale: string;
}

export function CoordinatorHome(props: { view: View; events: EventRow[]; hosts: Named[]; form: EventForm; errors: FormErrors; ageFlags?: AgeFlag[]; ageFlagResolved?: boolean }) {
  const { view, events, hosts, form, errors, ageFlags = [], ageFlagResolved = false } = props;
  const { t } = view;
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("coordTitle")} errors={errors}>
      <ErrorSummary view={view} errors={errors} order={EVENT_ORDER} />
      <AgeFlags view={view} flags={ageFlags} resolved={ageFlagResolved} />
      <h2 id="events">{s.t("coordEvents")}</h2>
      {events.length === 0 ? (
        <p>{s.t("coordEventsNone")}</p>
      ) : (
        <ul class="cards" aria-labelledby="events">
          {events.map(({ event, hostName, next }) => {
            const title = pickLocalised(event.title, t.locale);
            return (
              <li class="card">
                <h3>
                  <a href={`/coordinator/events/${event.id}`}>
                    <Localised text={title.text} lang={title.lang} />
                  </a>
                </h3>
                <p class="meta">
                  {t.label("eventTypes", event.type)} · {t.t("eventHost", { name: hostName })}
                </p>
                <p>{next ? s.t("coordNextSession", { when: `${formatDay(next, t.locale, view.now)}, ${formatTime(next, t.locale, t)}` }) : s.t("coordNoNextSession")}</p>
              </li>
            );
          })}
        </ul>
      )}
      <h2 id="add-event">{s.t("eventAddHeading")}</h2>
      <form method="post" action="/coordinator/events" novalidate aria-labelledby="add-event">
        <EventFields view={view} form={form} errors={errors} hosts={hosts} />
        <button class="button" type="submit">
          {s.t("eventAddButton")}
        </button>
      </form>
    </CoordinatorShell>
  );
}

export function CoordinatorEventPage(props: {
  view: View;
  event: Event;
  sessions: SessionRow[];
  venues: Named[];
  summary: Summary;
  form: SessionsForm;
  note: NoteForm;
  errors: FormErrors;
  done?: string;
}) {
  const { view, event, sessions, venues, summary, form, note, errors, done } = props;
  const { t } = view;
  const s = view.t;
  const title = pickLocalised(event.title, t.locale);
  return (
    <CoordinatorShell view={view} title={title.text} errors={errors}>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["start", "durationMinutes", "weeks", "venueId", "onlineUrl", "capacity", "youSaid", "weDid", "locale"]} />
      <ul class="links">
        <li>
          <a href={`/events/${event.id}`}>{s.t("eventPublicPage")}</a>
        </li>
        <li>
          <a href={`/coordinator/events/${event.id}/change`}>{s.t("eventChangeLink")}</a>
        </li>
      </ul>
      <h2 id="sessions">{s.t("eventSessions")}</h2>
      {sessions.length === 0 ? (
        <p>{s.t("eventSessionsNone")}</p>
      ) : (
        <ul class="cards" aria-labelledby="sessions">
          {sessions.map(({ session, venueName }) => (
            <li class="card">
              <h3>
                <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, t, view.now)}</time>
              </h3>
              <p>
                {venueName ?? t.t("online")} · {s.plural("sessionPlaces", session.capacity, { taken: session.seatsTaken })}
                {session.status === "cancelled" ? ` · ${s.t("sessionCancelled")}` : ""}
              </p>
              <ul class="links">
                <li>
                  <a href={`/coordinator/sessions/${session.id}`}>{s.t("sessionAttendance")}</a>
                </li>
                <li>
                  <a href={`/coordinator/sessions/${session.id}/check-in`}>{s.t("sessionCheckIn")}</a>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h2 id="add-sessions">{s.t("sessionsAddHeading")}</h2>
      <form method="post" action={`/coordinator/events/${event.id}/sessions`} novalidate aria-labelledby="add-sessions">
        <WhenFields view={view} form={form} errors={errors} minMinutes={5} maxMinutes={1440} />
        <SessionPlaceFields view={view} form={form} venues={venues} errors={errors} />
        <button class="button" type="submit">
          {s.t("sessionsAddButton")}
        </button>
      </form>
      <FeedbackSection view={view} summary={summary} />
      <h2 id="ysw">{s.t("yswHeading")}</h2>
      <p>{s.t("yswIntro")}</p>
      <form method="post" action={`/coordinator/events/${event.id}/you-said-we-did`} novalidate aria-labelledby="ysw">
        <Field id="youSaid" label={t.t("youSaid")} errors={errors}>
          {(aria) => (
            <textarea id="youSaid" name="youSaid" rows={3} maxlength={1000} {...aria}>
              {note.youSaid}
            </textarea>
          )}
        </Field>
        <Field id="weDid" label={t.t("weDid")} errors={errors}>
          {(aria) => (
            <textarea id="weDid" name="weDid" rows={3} maxlength={1000} {...aria}>
              {note.weDid}
            </textarea>
          )}
        </Field>
        <Field id="locale" label={s.t("yswLanguage")} hint={s.t("yswLanguageHint")} errors={errors}>
          {(aria) => (
            <select id="locale" name="locale" {...aria}>
              {LOCALES.map((l) => (
                <option value={l} lang={l} dir={dirOf(l)} selected={note.locale === l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button class="button" type="submit">
          {s.t("yswButton")}
        </button>
      </form>
    </CoordinatorShell>
  );
}

/** At most this many comments are shown, so the page stays light. */
const MAX_COMMENTS = 30;

/** Where a session happens (a registered venue or a link) and how many places it has: adding and changing sessions. */
export function SessionPlaceFields({ view, form, venues, errors }: { view: View; form: SessionPlace; venues: Named[]; errors: FormErrors }) {
  const s = view.t;
  return (
    <>
      <VenueField label={s.t("sessionVenue")} noneLabel={s.t("sessionVenueOnline")} venues={venues} selected={form.venueId} errors={errors} />
      <Field id="onlineUrl" label={s.t("sessionOnline")} hint={s.t("slotUrlHint")} errors={errors}>
        {(aria) => <input type="url" id="onlineUrl" name="onlineUrl" dir="ltr" value={form.onlineUrl} {...aria} />}
      </Field>
      <Field id="capacity" label={s.t("capacityLabel")} errors={errors}>
        {(aria) => <input type="number" id="capacity" name="capacity" min="1" max="10000" inputmode="numeric" value={form.capacity} {...aria} />}
      </Field>
    </>
  );
}

function FeedbackSection({ view, summary }: { view: View; summary: Summary }) {
  const s = view.t;
  return (
    <>
      <h2 id="feedback">{s.t("feedbackHeading")}</h2>
      {summary.count === 0 ? (
        <p>{s.t("feedbackNone")}</p>
      ) : (
        <>
          <p class="lead">
            {s.plural("feedbackCount", summary.count)}. {s.t("feedbackAverage", { avg: summary.averageRating?.toLocaleString(view.t.locale) ?? "" })}
          </p>
          <ul class="cards" aria-labelledby="feedback">
            {summary.comments.slice(0, MAX_COMMENTS).map((c) => (
              <li class="card">
                <p class="status">
                  {s.t("feedbackRating", { n: c.rating })} · {c.from ? c.from.name : s.t("feedbackAnonymous")}
                </p>
                <dl class="facts">
                  {c.whatWorked && (
                    <>
                      <dt>{s.t("feedbackWorked")}</dt>
                      <dd>{c.whatWorked}</dd>
                    </>
                  )}
                  {c.couldBeBetter && (
                    <>
                      <dt>{s.t("feedbackBetter")}</dt>
                      <dd>{c.couldBeBetter}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

type AgeFlag = Awaited<ReturnType<typeof openAgeFlags>>[number];

/** Bookings a corrected date of birth put outside their event's age range (issue #14): never cancelled by the system, listed here for a coordinator to decide. */
function AgeFlags({ view, flags, resolved }: { view: View; flags: AgeFlag[]; resolved: boolean }) {
  if (flags.length === 0 && !resolved) return null;
  const { t } = view;
  return (
    <section aria-labelledby="age-flags">
      <h2 id="age-flags">{t.t("coordAgeFlagsTitle")}</h2>
      {resolved && <Notice>{t.t("coordAgeFlagResolved")}</Notice>}
      <p>{t.t("coordAgeFlagsHint")}</p>
      <ul>
        {flags.map((f) => (
          <li>
            <a href={`/bookings/${f.bookingId}`}>{t.t("coordAgeFlag", { name: f.name, age: f.age, min: f.minAge, max: f.maxAge })}</a>{" "}
            <form method="post" action={`/coordinator/age-flags/${f.id}/resolution`} >
              <button type="submit" class="button secondary" aria-label={t.t("coordAgeFlagResolveFor", { name: f.name })}>
                {t.t("coordAgeFlagResolve")}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
