import { languageOfPart, pickLocalised, venueAccessNeeds } from "../../i18n";
import { Pictogram } from "../pictograms";
import { mapsUrl } from "../format";
import { Layout, Localised } from "../layout";
import type { eventPage } from "../../features/catalogue/read";
import type { Venue } from "../../features/catalogue/venues";
import type { View } from "../view";
import { SessionLine } from "./events";
import { VenueWay } from "../venue-way";
import { BookLink } from "../people/book-link";
import { isForFamilies } from "../../rules/families";
import { SERIES_MAX_DATES } from "../../features/bookings/series";

type EventData = NonNullable<Awaited<ReturnType<typeof eventPage>>>;

/** A place: its address, what it has and does not have, and how to get there. */
export function VenueFacts({ view, venue, directions = true }: { view: View; venue: Venue; directions?: boolean }) {
  const { t } = view;
  const { has, lacks } = venueAccessNeeds(venue);
  return (
    <section aria-labelledby={`venue-${venue.id}`}>
      <h3 id={`venue-${venue.id}`} dir="auto">
        {venue.name}
      </h3>
      <p dir="auto">
        {venue.address}, {venue.postcode}
      </p>
      {directions && (
      <p class="no-print">
        {/* A link to the person's own maps app, never an embedded map: no third party sees who reads this page. */}
        <a href={mapsUrl(venue)} rel="noopener noreferrer">
          {t.t("lookMapsLink", { place: venue.name })}
        </a>
      </p>
      )}
      <h4>{t.t("eventVenueAccess")}</h4>
      <ul class="access pictos">
        {has.map((need) => (
          <li>
            <Pictogram view={view} table="accessNeeds" name={need} />
          </li>
        ))}
        {lacks.length > 0 && <li>{t.t("eventNotAvailable", { what: lacks.map((need) => t.label("accessNeeds", need).toLocaleLowerCase(t.locale)).join(", ") })}</li>}
      </ul>
      <VenueWay view={view} venue={venue} />
    </section>
  );
}

export function EventPage({ view, data }: { view: View; data: EventData }) {
  const { t } = view;
  const { event, hostName, sessions, notes } = data;
  const title = pickLocalised(event.title, t.locale);
  const description = pickLocalised(event.description, t.locale);
  const bring = event.whatToBring ? pickLocalised(event.whatToBring, t.locale) : null;
  const venues = [...new Map(sessions.filter((s) => s.venue).map((s) => [s.venue!.id, s.venue!])).values()];
  const support = [...event.accessFeatures.map((name) => ({ table: "accessNeeds" as const, name })), ...event.tags.map((name) => ({ table: "tags" as const, name }))];
  return (
    <Layout view={view} title={title.text} section="events">
      <p class="no-print">
        <a href="/events">{t.t("eventBackToList")}</a>
      </p>
      <h1>
        <Localised text={title.text} lang={title.lang} />
      </h1>
      <p class="meta">
        <Pictogram view={view} table="eventTypes" name={event.type} /> · {t.t("eventHost", { name: hostName })}
      </p>
      <h2>{t.t("eventAbout")}</h2>
      <Localised as="p" text={description.text} lang={description.lang} />
      <h2>{t.t("eventWhoFor")}</h2>
      {isForFamilies(event) && <p class="note">{t.t("hhForFamilies")}</p>}
      <p>{t.t("ages", { min: event.minAge, max: event.maxAge })}</p>
      {support.length > 0 && (
        <>
          <h3>{t.t("eventSupport")}</h3>
          <ul class="access pictos">
            {support.map(({ table, name }) => (
              <li>
                <Pictogram view={view} table={table} name={name} />
              </li>
            ))}
          </ul>
        </>
      )}
      {bring && (
        <>
          <h3>{t.t("whatToBring")}</h3>
          <Localised as="p" text={bring.text} lang={bring.lang} />
        </>
      )}
      <h2>{t.t("eventDates")}</h2>
      {sessions.length > 1 && !isForFamilies(event) && (
        // Issue #14 item 6: a weekly series in one step, each date under its own rules.
        <p class="no-print">
          <a class="button" href={`/events/${event.id}/book-all`} aria-describedby="book-all-hint">
            {t.plural("srBookAll", Math.min(sessions.length, SERIES_MAX_DATES))}
          </a>{" "}
          <span id="book-all-hint" class="hint">
            {t.t("srBookAllHint")}
          </span>
        </p>
      )}
      {sessions.length === 0 ? (
        <p>{t.t("eventNoDates")}</p>
      ) : (
        <ul>
          {sessions.map(({ session, venue }) => (
            <li>
              <SessionLine view={view} session={session} venue={venue} waitlist={event.waitlistEnabled} />
              {!venue && <> ({t.t("eventOnlineLink")})</>}
              <BookLink view={view} session={session} waitlist={event.waitlistEnabled} />
              {isForFamilies(event) && session.capacity > session.seatsTaken && (
                <p>
                  <a class="button secondary" href={`/sessions/${session.id}/household`}>
                    {t.t("hhLink")}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {venues.length > 0 && (
        <>
          <h2>{t.t("where")}</h2>
          {venues.map((venue) => (
            <VenueFacts view={view} venue={venue} />
          ))}
        </>
      )}
      {notes.length > 0 && (
        <section aria-labelledby="you-said">
          <h2 id="you-said">{t.t("eventYouSaid")}</h2>
          <p>{t.t("eventYouSaidIntro")}</p>
          {notes.map((note) => (
            <div class="note">
              <p>
                <strong>{t.t("youSaid")}:</strong> <bdi {...languageOfPart(note.locale, t.locale)}>{note.youSaid}</bdi>
              </p>
              <p>
                <strong>{t.t("weDid")}:</strong> <bdi {...languageOfPart(note.locale, t.locale)}>{note.weDid}</bdi>
              </p>
            </div>
          ))}
        </section>
      )}
      <p class="no-print">
        <a href={`/events/${event.id}/poster`}>{t.t("eventPoster")}</a>
      </p>
    </Layout>
  );
}
