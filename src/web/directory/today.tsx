// "Who is in the building today" for one venue (issue #16 item 9): for a screen at the door or
// to print, big plain words and a picture per activity type, read from today's sessions.
import { pickLocalised } from "../../i18n";
import type { todayAtVenue } from "../../features/directory/read";
import { formatTime } from "../format";
import { Layout, Localised } from "../layout";
import type { View } from "../view";
import { Pictogram } from "./pictograms";
import type { DirectoryPictogram, EventType } from "../../db/schema";

/** The nearest directory picture for each kind of activity, so the sign needs no reading. */
const PICTURE: Record<EventType, DirectoryPictogram> = {
  career_taster: "jobs",
  cv_workshop: "jobs",
  interview_skills: "jobs",
  budgeting: "money",
  intergenerational: "wellbeing",
  community_event: "family",
  co_production: "youth",
};

export function TodayPage({ view, venue, rows }: { view: View; venue: { id: string; name: string }; rows: Awaited<ReturnType<typeof todayAtVenue>> }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("dirTodayAt", { venue: venue.name })} section="directory">
      <div class="poster today">
        <h1>{t.t("dirTodayTitle")}</h1>
        <p class="lead">
          {venue.name} · {new Intl.DateTimeFormat(t.locale, { timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long" }).format(view.now)}
        </p>
        {rows.length === 0 ? (
          <p class="lead">{t.t("dirTodayNone")}</p>
        ) : (
          <ul class="cards">
            {rows.map((r) => {
              const title = pickLocalised(r.title, t.locale);
              return (
                <li class="card">
                  <Pictogram name={PICTURE[r.type] ?? "other"} size={48} />
                  <h2>
                    <a href={`/events/${r.eventId}`}>
                      <Localised text={title.text} lang={title.lang} />
                    </a>
                  </h2>
                  <p class="lead">
                    {formatTime(r.startsAt, t.locale, t)}–{formatTime(r.endsAt, t.locale, t)} · {t.label("eventTypes", r.type)}
                  </p>
                  <p>{t.t("dirRunBy", { org: r.organisation })}</p>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Layout>
  );
}
