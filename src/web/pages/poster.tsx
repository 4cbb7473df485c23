import { FAMILY_TAG, isForFamilies } from "../../rules/families";
import { formatWhen } from "../format";
import { pickLocalised } from "../../i18n";
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
  return (
    <Layout view={view} title={`${t.t("posterTitle")}: ${title.text}`} section="events">
      <p class="no-print">
        <a href={`/events/${event.id}`}>{title.text}</a>
      </p>
      <p class="no-print">{t.t("posterPrintHint")}</p>
      <div class="poster">
        <h1>
          <Localised text={title.text} lang={title.lang} />
        </h1>
        <p class="lead">
          {t.t("posterFree")} · {t.label("eventTypes", event.type)} · {t.t("ages", { min: event.minAge, max: event.maxAge })}
        </p>
        {isForFamilies(event) && <p class="lead">{t.label("tags", FAMILY_TAG)}</p>}
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
