import type { attendanceFor } from "../../../features/attendance/read";
import type { CheckInResult } from "../../../features/attendance/check-in";
import type { Session } from "../../../features/catalogue/events";
import { formatTime, formatWhen, isoInstant } from "../../format";
import { pickLocalised } from "../../../i18n";
import { Localised } from "../../layout";
import type { View } from "../../view";
import { ErrorSummary, Field, GroupCard, Notice, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";

type Attendance = Awaited<ReturnType<typeof attendanceFor>>;

export function SessionHeading({ view, data }: { view: View; data: Pick<Attendance, "session" | "event"> }) {
  const title = pickLocalised(data.event.title, view.t.locale);
  return (
    <p class="lead">
      <a href={`/coordinator/events/${data.event.id}`}>
        <Localised text={title.text} lang={title.lang} />
      </a>
      {" · "}
      <time datetime={isoInstant(data.session.startsAt)}>{formatWhen(data.session.startsAt, data.session.endsAt, view.t, view.now)}</time>
    </p>
  );
}

/** Why a session can no longer be changed, or null while it can. */
export function sessionLocked(view: View, session: Session): string | null {
  const s = view.t;
  if (session.status === "cancelled") return s.t("sessionIsCancelled");
  if (session.startsAt <= view.now) return s.t("sessionHasStarted");
  return null;
}

/** On the session page: its state, or the links to change or cancel it. */
function SessionActions({ view, session }: { view: View; session: Session }) {
  const s = view.t;
  const locked = sessionLocked(view, session);
  if (locked) return <p class="status">{locked}</p>;
  return (
    <ul class="links">
      <li>
        <a href={`/coordinator/sessions/${session.id}/change`}>{s.t("sessionChangeLink")}</a>
      </li>
      <li>
        <a href={`/coordinator/sessions/${session.id}/cancel`}>{s.t("sessionCancelLink")}</a>
      </li>
    </ul>
  );
}

/** One form per group, so a head count can be given (or corrected) from the list. */
export function AttendancePage({ view, data, done }: { view: View; data: Attendance; done?: string }) {
  const { t } = view;
  const s = view.t;
  const { counts, attendees, session } = data;
  const people = attendees.filter((a) => a.kind === "individual");
  const groups = attendees.filter((a) => a.kind === "group");
  const statusText = { confirmed: s.t("attendanceExpected"), attended: s.t("attendanceIn"), no_show: s.t("attendanceNoShow") };
  return (
    <CoordinatorShell view={view} title={s.t("attendanceTitle")}>
      <SessionHeading view={view} data={data} />
      {done && <Notice>{done}</Notice>}
      <SessionActions view={view} session={session} />
      <p>
        <a class="button" href={`/coordinator/sessions/${session.id}/check-in`}>
          {s.t("checkInTitle")}
        </a>
      </p>
      <p>
        <a href={`/host/${data.event.hostOrganisationId}/sessions/${session.id}/contributors`}>{s.t("tbContribLink")}</a>
      </p>
      <p>
        <a href={`/coordinator/sessions/${session.id}/register.csv`} download>
          {s.t("admRegisterDownload")}
        </a>
      </p>
      <p class="status">{s.t("attendanceCounts", { in: counts.checkedInSeats, expected: counts.expectedSeats, waiting: counts.stillToArrive })}</p>
      {attendees.length === 0 ? (
        <p>{s.t("attendanceNone")}</p>
      ) : (
        <>
          {people.length > 0 && (
            // A table, not cards: a 200-place session still loads fast on a phone at the door.
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">{s.t("attendanceName")}</th>
                  <th scope="col">{t.t("myStatus")}</th>
                  <th scope="col">{s.t("attendanceAccess")}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((a) => (
                  <tr>
                    <td>{a.name}</td>
                    <td>{statusText[a.status]}</td>
                    <td>{a.accessNeeds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ul class="cards">
            {groups.map((a) => (
              <GroupCard view={view} group={a} checkIn={{ action: `/coordinator/sessions/${session.id}/check-in`, hidden: { groupBookingId: a.bookingId } }} roster />
            ))}
          </ul>
        </>
      )}
    </CoordinatorShell>
  );
}

/**
 * Typed codes work everywhere, with no script. Where the browser has BarcodeDetector, the
 * script file adds a camera button that fills in the same field and sends the same form.
 */
export function CheckInPage(props: {
  view: View;
  data: Pick<Attendance, "session" | "event">;
  scriptPath: string;
  code: string;
  result?: CheckInResult;
  errors: FormErrors;
  /** Where the register lives (the coordinator's or the host partner's): the form posts to its /check-in. */
  base?: string;
  shell?: typeof CoordinatorShell;
}) {
  const { view, data, scriptPath, code, result, errors } = props;
  const base = props.base ?? `/coordinator/sessions/${data.session.id}`;
  const Shell = props.shell ?? CoordinatorShell;
  const s = view.t;
  const done =
    result &&
    (result.kind === "group"
      ? s.plural("checkedInGroup", result.seats, { name: result.name, count: result.checkedInCount })
      : result.alreadyCheckedIn
        ? s.t("checkedInAlready", { name: result.name, time: formatTime(result.checkedInAt, view.t.locale, view.t) })
        : s.t("checkedIn", { name: result.name }));
  return (
    <Shell view={view} title={s.t("checkInTitle")} errors={errors}>
      <SessionHeading view={view} data={data} />
      {done && <Notice>{done}</Notice>}
      {result?.accessNeeds && (
        <p>
          <strong>{s.t("attendanceAccess")}:</strong> {result.accessNeeds}
        </p>
      )}
      <ErrorSummary view={view} errors={errors} order={["ticketCode", "count"]} />
      <form
        method="post"
        action={`${base}/check-in`}
        novalidate
        id="check-in"
        data-scan={s.t("scanButton")}
        data-stop={s.t("scanStop")}
        data-hint={s.t("scanHint")}
        data-failed={s.t("scanFailed")}
        data-video={s.t("scanVideo")}
        data-starting={s.t("scanStarting")}
        data-found={s.t("scanFound")}
      >
        <p>{s.t("checkInIntro")}</p>
        <Field id="ticketCode" label={s.t("ticketLabel")} hint={s.t("checkInTicketHint")} errors={errors}>
          {(aria) => <input type="text" class="code" id="ticketCode" name="ticketCode" dir="ltr" autocomplete="off" autocapitalize="characters" spellcheck={false} autofocus value={code} {...aria} />}
        </Field>
        {errors.fields.count !== undefined && (
          // A group's code typed at the door: its head count is asked right here, with the code kept.
          <Field id="count" label={s.t("groupCountLabel")} errors={errors}>
            {(aria) => <input type="number" id="count" name="count" min="1" max="1000" inputmode="numeric" {...aria} />}
          </Field>
        )}
        <div class="actions" id="scan-actions">
          <button class="button" type="submit">
            {s.t("checkInButton")}
          </button>
        </div>
      </form>
      <p>
        <a href={base}>{s.t("attendanceTitle")}</a>
      </p>
      <script src={scriptPath} defer></script>
    </Shell>
  );
}
