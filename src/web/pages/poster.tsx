import { FAMILY_TAG, isForFamilies } from "../../rules/families";
import { formatWhen } from "../format";
import { pickLocalised, venueAccessNeeds } from "../../i18n";
import { Picture, Pictogram } from "../pictograms";
import { Layout, Localised } from "../layout";
import { qrSvg } from "../qr";
import type { eventPage } from "../../features/catalogue/read";
import type { View } from "../view";

type EventData = NonNullable<Awaited<ReturnType<typeof eventPage>>>;

/** An A4 poster: what, when, where, and a QR code to the activity's page. Prints on one sheet. */
export function PosterPage({ view, data }: { view: View; data: EventData }) {
  const { t } = view;
  const { event, sessions } = data;
  const title = pickLocalised(event.title, t.locale);
  const url = `${view.publicUrl}/events/${event.id}`;
  const next = sessions.slice(0, 3);
  // Access on the poster: the activity's own features and what every listed place offers.
  const places = next.flatMap(({ venue }) => (venue ? [venueAccessNeeds(venue).has] : []));
  const everywhere = places.length ? places.reduce((a, b) => a.filter((need) => b.includes(need))) : [];
  const access = [...new Set([...event.accessFeatures, ...everywhere])];
  const tags = event.tags.filter((tag) => tag !== FAMILY_TAG);
  return (
    <Layout view={view} title={`${t.t("posterTitle")}: ${title.text}`} section="events">
      <p class="no-print">
        <a href={`/events/${event.id}`}>{title.text}</a>
      </p>
      <p class="no-print">{t.t("posterPrintHint")}</p>
      <div class="poster">
        <p class="poster-type">
          <Picture table="eventTypes" name={event.type} size={96} />
        </p>
        <h1>
          <Localised text={title.text} lang={title.lang} />
        </h1>
        <p class="lead">
          {t.t("posterFree")} · {t.label("eventTypes", event.type)} · {t.t("ages", { min: event.minAge, max: event.maxAge })}
        </p>
        {isForFamilies(event) && (
          <p class="lead">
            <Pictogram view={view} table="tags" name={FAMILY_TAG} size={40} />
          </p>
        )}
        {tags.length + access.length > 0 && (
          <ul class="poster-pictos">
            {tags.map((tag) => (
              <li>
                <Pictogram view={view} table="tags" name={tag} size={40} />
              </li>
            ))}
            {access.map((need) => (
              <li>
                <Pictogram view={view} table="accessNeeds" name={need} size={40} />
              </li>
            ))}
          </ul>
        )}
        {next.map(({ session, venue }) => (
          <p class="when">
            {formatWhen(session.startsAt, session.endsAt, t, view.now)}
            {venue ? ` · ${venue.name}` : ` · ${t.t("online")}`}
          </p>
        ))}
        <div dangerouslySetInnerHTML={{ __html: qrSvg(url, t.t("posterQrLabel", { url })) }} />
        <p class="lead">{t.t("posterScan")}</p>
        <p class="url">
          {t.t("posterOrVisit")} <span dir="ltr">{url}</span>
        </p>
      </div>
    </Layout>
  );
}
