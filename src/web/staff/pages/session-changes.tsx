// A coordinator changing or cancelling one session. The session page says what state it is in
// and offers the two actions only while they can still be done (scheduled, not started).
import type { Event, Session } from "../../../features/catalogue/events";
import type { View } from "../../view";
import { ErrorSummary, Field, TimesFields, timesOf, type FormErrors, type TimesForm } from "../ui";
import { SessionPlaceFields, type SessionPlace } from "./coordinator";
import { CoordinatorShell } from "./coordinator-shell";
import { SessionHeading, sessionLocked } from "./session";

export type SessionChangeForm = TimesForm & SessionPlace;

export const sessionFormOf = (s: Session): SessionChangeForm => ({ ...timesOf(s.startsAt, s.endsAt), venueId: s.venueId ?? "", onlineUrl: s.onlineUrl ?? "", capacity: String(s.capacity) });

type SessionAndEvent = { session: Session; event: Event };

export function SessionChangePage(props: { view: View; data: SessionAndEvent; venues: { id: string; name: string }[]; form: SessionChangeForm; errors: FormErrors }) {
  const { view, data, venues, form, errors } = props;
  const s = view.t;
  const locked = sessionLocked(view, data.session);
  return (
    <CoordinatorShell view={view} title={s.t("sessionChangeTitle")} errors={errors}>
      <SessionHeading view={view} data={data} />
      <ErrorSummary view={view} errors={errors} order={["date", "startTime", "endTime", "venueId", "onlineUrl", "capacity"]} />
      {locked ? (
        <p class="status">{locked}</p>
      ) : (
        <>
          <p>{s.plural("sessionPlaces", data.session.capacity, { taken: data.session.seatsTaken })}</p>
          <p>{s.t("sessionChangeInvite")}</p>
          <p>{s.t("sessionChangeWaitlist")}</p>
          <form method="post" action={`/coordinator/sessions/${data.session.id}/change`} novalidate>
            <TimesFields view={view} form={form} errors={errors} />
            <SessionPlaceFields view={view} form={form} venues={venues} errors={errors} />
            <button class="button" type="submit">
              {s.t("saveChanges")}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={`/coordinator/sessions/${data.session.id}`}>{s.t("attendanceTitle")}</a>
      </p>
    </CoordinatorShell>
  );
}

export interface BookedCount {
  people: number;
  groups: number;
}

export function SessionCancelPage({ view, data, booked, errors, reason = "" }: { view: View; data: SessionAndEvent; booked: BookedCount; errors: FormErrors; reason?: string }) {
  const s = view.t;
  const locked = sessionLocked(view, data.session);
  const nobody = booked.people + booked.groups === 0;
  return (
    <CoordinatorShell view={view} title={s.t("sessionCancelTitle")} errors={errors}>
      <SessionHeading view={view} data={data} />
      <ErrorSummary view={view} errors={errors} order={["reason"]} />
      {locked ? (
        <p class="status">{locked}</p>
      ) : (
        <>
          <p class="lead">{nobody ? s.t("sessionCancelNobody") : s.t("sessionCancelWho", { people: s.plural("bookedPeople", booked.people), groups: s.plural("bookedGroups", booked.groups) })}</p>
          {!nobody && <p>{s.t("sessionCancelEmail")}</p>}
          <p>{s.t("sessionCancelFinal")}</p>
          <form method="post" action={`/coordinator/sessions/${data.session.id}/cancel`} novalidate>
            <Field id="reason" label={s.t("hostCancelReason")} hint={s.t("hostCancelReasonHint")} errors={errors}>
              {(aria) => (
                <textarea id="reason" name="reason" rows={3} maxlength={500} {...aria}>
                  {reason}
                </textarea>
              )}
            </Field>
            <div class="actions">
              <button class="button" type="submit">
                {s.t("sessionCancelYes")}
              </button>
              <a href={`/coordinator/sessions/${data.session.id}`}>{s.t("sessionCancelNo")}</a>
            </div>
          </form>
        </>
      )}
    </CoordinatorShell>
  );
}
