// The host partner's area (issue #15): the sessions an organisation hosts (care homes,
// libraries, churches, community groups, employers), the register at the door with check-in by
// name and undo, closing the register, and the feedback on its own events.
import type { attendanceFor } from "../../../features/attendance/read";
import type { feedbackSummary } from "../../../features/feedback/read";
import type { hostedEvents, hostedSessions } from "../../../features/sessions/read";
import type { organisations } from "../../../db/schema";
import { pickLocalised } from "../../../i18n";
import { formatTime, formatWhen, isoInstant } from "../../format";
import { Layout, Localised } from "../../layout";
import type { View } from "../../view";
import { GroupCard, hasErrors, Notice, type FormErrors } from "../ui";

type Org = typeof organisations.$inferSelect;
type Attendance = Awaited<ReturnType<typeof attendanceFor>>;
type Hosted = Awaited<ReturnType<typeof hostedSessions>>;
type HostedEvent = Awaited<ReturnType<typeof hostedEvents>>[number];
type Summary = Awaited<ReturnType<typeof feedbackSummary>>;

const MAX_COMMENTS = 5;

/** The frame of every host page: a way back to the organisation's list, then the title. */
export function hostShell(org: Pick<Org, "id" | "name">) {
  return function HostShell({ view, title, errors, children }: { view: View; title: string; errors?: FormErrors; children: unknown }) {
    const s = view.t;
    return (
      <Layout view={view} title={errors && hasErrors(errors) ? `${s.t("errorSummaryTitle")}: ${title}` : title}>
        <nav aria-label={s.t("hostAreaTitle", { name: org.name })}>
          <ul class="links">
            <li>
              <a href={`/host/${org.id}`}>{s.t("hostAreaTitle", { name: org.name })}</a>
            </li>
            <li>
              <a href={`/host/${org.id}/dashboard`}>{s.t("dashHostLink")}</a>
            </li>
          </ul>
        </nav>
        <h1>{title}</h1>
        {children as never}
      </Layout>
    );
  };
}

export function HostHome({ view, org, sessions, events, feedback }: { view: View; org: Org; sessions: Hosted; events: HostedEvent[]; feedback: Summary[] }) {
  const s = view.t;
  const Shell = hostShell(org);
  return (
    <Shell view={view} title={s.t("hostAreaTitle", { name: org.name })}>
      <p class="lead">{s.t("hostIntro")}</p>
      <p>
        <a href={`/host/${org.id}/offers`}>{s.t("tbOffersLink")}</a>
      </p>
      {events.length === 0 ? (
        <p>{s.t("hostNoEvents")}</p>
      ) : (
        events.map((event) => {
          const title = pickLocalised(event.title, view.t.locale);
          const own = sessions.filter((r) => r.event.id === event.id);
          const summary = feedback.find((f) => f.eventId === event.id);
          const headingId = `event-${event.id}`;
          return (
            <section aria-labelledby={headingId}>
              <h2 id={headingId}>
                <Localised text={title.text} lang={title.lang} />
              </h2>
              {own.length === 0 ? (
                <p>{s.t("hostNoSessions")}</p>
              ) : (
                <ul class="cards">
                  {own.map(({ session, venueName }) => (
                    <li class="card">
                      <h3>
                        <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, s, view.now)}</time>
                      </h3>
                      <p>
                        {venueName ?? s.t("online")} · {s.plural("sessionPlaces", session.capacity, { taken: session.seatsTaken })}
                        {session.status === "cancelled" && ` · ${s.t("sessionCancelled")}`}
                      </p>
                      {session.status === "scheduled" && (
                        <ul class="links">
                          <li>
                            <a href={`/host/${org.id}/sessions/${session.id}`}>{s.t("hostRegisterLink")}</a>
                          </li>
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {summary && <FeedbackBlock view={view} summary={summary} headingId={`feedback-${event.id}`} />}
            </section>
          );
        })
      )}
    </Shell>
  );
}

function FeedbackBlock({ view, summary, headingId }: { view: View; summary: Summary; headingId: string }) {
  const s = view.t;
  return (
    <>
      <h3 id={headingId}>{s.t("feedbackHeading")}</h3>
      {summary.count === 0 ? (
        <p>{s.t("feedbackNone")}</p>
      ) : (
        <>
          <p>
            {s.plural("feedbackCount", summary.count)}. {s.t("feedbackAverage", { avg: summary.averageRating?.toLocaleString(view.t.locale) ?? "" })}
          </p>
          <ul aria-labelledby={headingId}>
            {summary.comments.slice(0, MAX_COMMENTS).map((c) => (
              <li>
                {s.t("feedbackRating", { n: c.rating })} · {c.from ? c.from.name : s.t("feedbackAnonymous")}
                {c.whatWorked && (
                  <>
                    {" · "}
                    {s.t("feedbackWorked")}: <bdi dir="auto">{c.whatWorked}</bdi>
                  </>
                )}
                {c.couldBeBetter && (
                  <>
                    {" · "}
                    {s.t("feedbackBetter")}: <bdi dir="auto">{c.couldBeBetter}</bdi>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * The register at the door: each name with a button to check them in (or undo), groups with
 * their head count, only what the door needs (first name or school, access needs, state).
 */
export function HostRegisterPage({ view, org, data, done, errors }: { view: View; org: Org; data: Attendance; done?: string; errors?: FormErrors }) {
  const s = view.t;
  const Shell = hostShell(org);
  const { counts, attendees, session, event } = data;
  const base = `/host/${org.id}/sessions/${session.id}`;
  const title = pickLocalised(event.title, view.t.locale);
  const statusText = { confirmed: s.t("attendanceExpected"), attended: s.t("attendanceIn"), no_show: s.t("attendanceNoShow") };
  const people = attendees.filter((a) => a.kind === "individual");
  const groups = attendees.filter((a) => a.kind === "group");
  return (
    <Shell view={view} title={s.t("hostRegisterTitle")} errors={errors}>
      <p class="lead">
        <Localised text={title.text} lang={title.lang} />
        {" · "}
        <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, s, view.now)}</time>
      </p>
      {done && <Notice>{done}</Notice>}
      {errors?.general && (
        <div class="summary" role="alert">
          <p lang={errors.general.en ? "en" : undefined}>{errors.general.text}</p>
        </div>
      )}
      <p class="status">{s.t("attendanceCounts", { in: counts.checkedInSeats, expected: counts.expectedSeats, waiting: counts.stillToArrive })}</p>
      <p>
        <a class="button secondary" href={`${base}/check-in`}>
          {s.t("hostCodeLink")}
        </a>
      </p>
      <p>
        <a href={`${base}/contributors`}>{s.t("tbContribLink")}</a>
      </p>
      {attendees.length === 0 ? (
        <p>{s.t("attendanceNone")}</p>
      ) : (
        <>
          {people.length > 0 && (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{s.t("attendanceName")}</th>
                  <th scope="col">{s.t("myStatus")}</th>
                  <th scope="col">{s.t("attendanceAccess")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{s.t("hostCheckInName")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((a) => (
                  <tr>
                    <td>{a.name}</td>
                    <td>
                      {statusText[a.status]}
                      {a.checkedInAt !== null && ` · ${s.t("hostInAt", { time: formatTime(a.checkedInAt, view.t.locale, view.t) })}`}
                    </td>
                    <td>{a.accessNeeds}</td>
                    <td>
                      <form method="post" action={a.checkedInAt === null ? `${base}/check-in` : `${base}/undo`}>
                        <input type="hidden" name="bookingId" value={a.bookingId} />
                        <input type="hidden" name="from" value="register" />
                        <button class={a.checkedInAt === null ? "button" : "button secondary"} type="submit">
                          {a.checkedInAt === null ? s.t("hostCheckInName") : s.t("hostUndo")}
                          <span class="visually-hidden"> {a.name}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {groups.length > 0 && (
            <ul class="cards">
              {groups.map((a) => (
                <GroupCard view={view} group={a} checkIn={{ action: `${base}/check-in`, hidden: { bookingId: a.bookingId, from: "register" } }} undoAction={`${base}/undo`} />
              ))}
            </ul>
          )}
        </>
      )}
      {session.startsAt <= view.now && (
        <section aria-labelledby="close-register">
          <h2 id="close-register">{s.t("hostCloseHeading")}</h2>
          <p>{s.t("hostCloseIntro")}</p>
          <form method="post" action={`${base}/close`}>
            <button class="button" type="submit">
              {s.t("hostCloseButton")}
            </button>
          </form>
        </section>
      )}
    </Shell>
  );
}
