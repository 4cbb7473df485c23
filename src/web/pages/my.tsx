import { formatWhen, isoInstant } from "../format";
import { pickLocalised } from "../../i18n";
import { Layout, Localised } from "../layout";
import type { bookingsOf } from "../../features/bookings/read";
import type { schoolGroups } from "../../features/groups/read";
import { SchoolGroupCard } from "../staff/pages/school";
import type { View } from "../view";
import { MyExtras } from "../people/pages/feed";

type Row = Awaited<ReturnType<typeof bookingsOf>>[number];

/** Enough to be useful and keep the page light on a slow phone (under 60 KB). */
const MAX_UPCOMING = 50;
const MAX_PAST = 20;

const isCurrent = (row: Row, now: number) => row.booking.endsAt > now && row.booking.status !== "cancelled";

function BookingItem({ view, row }: { view: View; row: Row }) {
  const { t } = view;
  const { booking, event, mentorName, sessionVenue } = row;
  const title = event ? pickLocalised(event.title, t.locale) : { text: mentorName ? `${t.t("mentoringSession")}: ${mentorName}` : t.t("mentoringSession"), lang: null };
  return (
    <li class="card">
      <h3>{event ? <a href={`/events/${event.id}`}><Localised text={title.text} lang={title.lang} /></a> : title.text}</h3>
      <p>
        <time datetime={isoInstant(booking.startsAt)}>{formatWhen(booking.startsAt, booking.endsAt, t, view.now)}</time>
        {sessionVenue ? ` · ${sessionVenue.name}` : ""}
      </p>
      <dl class="facts">
        <dt>{t.t("myStatus")}</dt>
        <dd class="status">{t.label("bookingStatus", booking.status)}</dd>
        {booking.kind === "group" && (
          <>
            <dt>{t.t("group")}</dt>
            <dd>{t.t("groupSize", { pupils: booking.pupils, staff: booking.staff })}</dd>
          </>
        )}
        {booking.status !== "cancelled" && (
          <>
            <dt>{t.t("myTicket")}</dt>
            <dd dir="ltr">{booking.ticketCode}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/bookings/${booking.id}`}>
          {t.t("myOpen")}
          <span class="visually-hidden">: {title.text}</span>
        </a>
      </p>
    </li>
  );
}

type School = { org: { id: string; name: string }; groups: Awaited<ReturnType<typeof schoolGroups>> };

/** The signed-in landing page: what you have booked, and for a school's staff their school's groups. */
export function MyPage({ view, rows, areas = [], schools = [] }: { view: View; rows: Row[]; areas?: { href: string; text: string }[]; schools?: School[] }) {
  const { t } = view;
  const upcoming = rows.filter((r) => isCurrent(r, view.now)).slice(0, MAX_UPCOMING);
  const past = rows
    .filter((r) => !isCurrent(r, view.now))
    .reverse()
    .slice(0, MAX_PAST);
  return (
    <Layout view={view} title={t.t("myTitle")} section="my">
      <h1>{t.t("myTitle")}</h1>
      <p class="lead">{t.t("myHello", { name: view.actor?.person.displayName ?? "" })}</p>
      {areas.length > 0 && (
        // Staff land here too: their areas first, so someone with several roles can switch.
        <nav aria-labelledby="your-areas">
          <h2 id="your-areas">{t.t("hostYourAreas")}</h2>
          <ul class="links">
            {areas.map((a) => (
              <li>
                <a href={a.href}>{a.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {schools.map(({ org, groups }) => (
        <section aria-labelledby={`groups-${org.id}`}>
          <h2 id={`groups-${org.id}`}>{t.t("hostMyGroups", { name: org.name })}</h2>
          {groups.length === 0 ? (
            <p>{t.t("schoolNone")}</p>
          ) : (
            <ul class="cards" aria-labelledby={`groups-${org.id}`}>
              {groups.map((group) => (
                <SchoolGroupCard view={view} orgId={org.id} group={group} />
              ))}
            </ul>
          )}
          <p>
            <a href={`/schools/${org.id}`}>{t.t("hostMyGroupsLink", { name: org.name })}</a>
          </p>
        </section>
      ))}
      {rows.length === 0 && areas.length > 0 ? null : rows.length === 0 ? (
        <>
          <p>{t.t("myNone")}</p>
          <p>
            <a class="button" href="/events">
              {t.t("myFindSomething")}
            </a>
          </p>
        </>
      ) : (
        <>
          <h2 id="upcoming">{t.t("myUpcoming")}</h2>
          {upcoming.length === 0 ? (
            <p>
              <a href="/events">{t.t("myFindSomething")}</a>
            </p>
          ) : (
            <ul class="cards" aria-labelledby="upcoming">
              {upcoming.map((row) => (
                <BookingItem view={view} row={row} />
              ))}
            </ul>
          )}
          {past.length > 0 && (
            <>
              <h2 id="past">{t.t("myPast")}</h2>
              <ul class="cards" aria-labelledby="past">
                {past.map((row) => (
                  <BookingItem view={view} row={row} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <MyExtras view={view} />
    </Layout>
  );
}
