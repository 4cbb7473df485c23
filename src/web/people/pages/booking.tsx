import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { bookings, mentoringSlots, mentors } from "../../../db/schema";
import { formatWhen, isoInstant } from "../../format";
import { Layout } from "../../layout";
import type { Venue } from "../../../features/catalogue/venues";
import type { View } from "../../view";
import { formatAt, SessionSummary } from "../parts";
import type { SessionDetails } from "../../../features/sessions/read";
import { VenueFacts } from "../../pages/event";

type Booking = typeof bookings.$inferSelect;

interface MentoringDetails {
  slot: typeof mentoringSlots.$inferSelect;
  mentor: typeof mentors.$inferSelect;
  venue: Venue | null;
}

interface BookingPageProps {
  view: View;
  booking: Booking;
  session?: SessionDetails;
  mentoring?: MentoringDetails;
  position?: number;
  /** The QR ticket (from the attendance service), when the booking has a usable one. */
  ticketSvg?: string;
  /** The booked young person themself (not their school or a coordinator). */
  mine: boolean;
  justCancelled?: boolean;
}

const LIVE = ["pending_consent", "confirmed", "offered", "waitlisted"];

/** The status, said plainly, with what happens next. */
function StatusPanel({ view, booking, position, mine }: Pick<BookingPageProps, "view" | "booking" | "position" | "mine">) {
  const { t } = view;
  const until = booking.holdExpiresAt ? formatAt(booking.holdExpiresAt, view) : "";
  const panel = (title: string, body?: string, extra?: unknown) => (
    <section class="panel" aria-labelledby="status">
      <h2 id="status">{title}</h2>
      {body && <p>{body}</p>}
      {extra}
    </section>
  );
  switch (booking.status) {
    case "confirmed":
      return panel(t.t("resultConfirmed"), mine ? t.t("resultConfirmedBody") : undefined);
    case "pending_consent":
      return panel(t.t("resultPending"), t.t("resultPendingBody", { email: booking.guardianEmail ?? "", until }));
    case "waitlisted":
      return panel(t.t("resultWaitlisted"), position ? t.t("resultWaitlistedBody", { position }) : undefined);
    case "offered":
      return panel(
        t.t("resultOffered"),
        t.t("resultOfferedBody", { until }),
        mine && (
          <form method="post" action={`/bookings/${booking.id}/accept`}>
            <button class="button" type="submit">
              {t.t("acceptPlace")}
            </button>
          </form>
        ),
      );
    case "attended":
      return panel(t.label("bookingStatus", "attended"), t.t("resultAttended"));
    default:
      return panel(t.t("resultCancelled"));
  }
}

/** A booking's own page: the manage link in every email leads here. */
export function BookingPage(props: BookingPageProps) {
  const { view, booking, session, mentoring, ticketSvg, mine, justCancelled } = props;
  const { t } = view;
  const live = LIVE.includes(booking.status) && booking.startsAt > view.now;
  return (
    <Layout view={view} title={t.t("bookingTitle")} section="my">
      <p>
        <a href="/my">{t.t("backToMy")}</a>
      </p>
      <h1>{t.t("bookingTitle")}</h1>
      {justCancelled && booking.status === "cancelled" && (
        <p class="lead" role="status">
          {t.t("cancelledDone")}
        </p>
      )}
      <StatusPanel view={view} booking={booking} position={props.position} mine={mine} />
      {session && (
        <SessionSummary view={view} event={session.event} session={session.session} venue={session.venue}>
          <dt>{t.t("accessYouToldUs")}</dt>
          <dd dir="auto">{booking.accessNeeds || t.t("accessNothing")}</dd>
          {booking.kind === "group" && (
            <>
              <dt>{t.t("group")}</dt>
              <dd>{t.t("groupSize", { pupils: booking.pupils, staff: booking.staff })}</dd>
            </>
          )}
        </SessionSummary>
      )}
      {mentoring && <MentoringSummary view={view} booking={booking} details={mentoring} mine={mine} />}
      {ticketSvg && (
        <section aria-labelledby="ticket">
          <h2 id="ticket">{t.t("ticketHeading")}</h2>
          {/* The ticket service labels the code in English: marked so for screen readers. */}
          <div class="ticket" lang="en" dir="ltr">
            {raw(ticketSvg)}
          </div>
          <p>
            {t.t("ticketHint")}{" "}
            <strong dir="ltr">{booking.ticketCode}</strong>
          </p>
        </section>
      )}
      {live && (
        <div class="actions">
          {/* Every kind of booking goes in the calendar: a session, a mentoring meeting, a group. */}
          {booking.status === "confirmed" && (
            <a class="button secondary" href={`/api/v1/bookings/${booking.id}/invite.ics`} download="invite.ics">
              {t.t("addToCalendar")}
            </a>
          )}
          <a class="button secondary" href={`/bookings/${booking.id}/cancel`}>
            {t.t("cancelBooking")}
          </a>
        </div>
      )}
    </Layout>
  );
}

function MentoringSummary({ view, booking, details, mine }: { view: View; booking: Booking; details: MentoringDetails; mine: boolean }) {
  const { t } = view;
  const { slot, mentor, venue } = details;
  const online = slot.mode === "online";
  return (
    <>
      <dl class="facts">
        <dt>{t.t("what")}</dt>
        <dd>{t.t("mentoringSession")}</dd>
        <dt>{t.t("mentor")}</dt>
        <dd>
          <bdi>{mentor.displayName}</bdi>
        </dd>
        <dt>{t.t("when")}</dt>
        <dd>
          <time datetime={isoInstant(booking.startsAt)}>{formatWhen(booking.startsAt, booking.endsAt, t, view.now)}</time>
        </dd>
        <dt>{t.t("where")}</dt>
        <dd>{venue ? <bdi>{venue.name}</bdi> : online ? t.t("online") : t.t("inPerson")}</dd>
      </dl>
      {venue && <VenueFacts view={view} venue={venue} />}
      {online && mine && booking.status === "confirmed" && (
        <section aria-labelledby="meeting">
          <h2 id="meeting">{t.t("meetingHeading")}</h2>
          {slot.meetingUrl ? (
            <>
              <p>
                <a href={slot.meetingUrl} rel="noreferrer noopener" dir="ltr">
                  {t.t("meetingJoin")}
                </a>
              </p>
              <p>{t.t("meetingPrivate")}</p>
            </>
          ) : (
            <p>{t.t("meetingLater")}</p>
          )}
        </section>
      )}
    </>
  );
}

export function CancelConfirmPage({ view, bookingId }: { view: View; bookingId: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("cancelConfirmTitle")} section="my">
      <h1>{t.t("cancelConfirmTitle")}</h1>
      <p class="lead">{t.t("cancelConfirmBody")}</p>
      <div class="actions">
        <form method="post" action={`/bookings/${bookingId}/cancel`}>
          <button class="button" type="submit">
            {t.t("cancelYes")}
          </button>
        </form>
        <a class="button secondary" href={`/bookings/${bookingId}`}>
          {t.t("cancelNo")}
        </a>
      </div>
    </Layout>
  );
}

export function BookingRefusedPage({ view, message, bookingId }: { view: View; message: Child; bookingId: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("refusedTitle")} section="my">
      <h1>{t.t("refusedTitle")}</h1>
      {message}
      <p>
        <a href={`/bookings/${bookingId}`}>{t.t("bookingTitle")}</a>
      </p>
    </Layout>
  );
}
