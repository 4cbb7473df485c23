// How to get to a place and find the way in, in the reader's language when the venue's
// coordinator wrote it, else in English marked lang="en" (shared by the event and directory pages).
import type { LocalisedText } from "../db/schema";
import { pickLocalised } from "../i18n";
import { Localised } from "./layout";
import type { View } from "./view";

export function VenueWay({ view, venue, level = "h4" }: { view: View; venue: { publicTransport: LocalisedText; directions: LocalisedText | null }; level?: "h3" | "h4" }) {
  const { t } = view;
  const Heading = level;
  const transport = pickLocalised(venue.publicTransport, t.locale);
  const way = venue.directions ? pickLocalised(venue.directions, t.locale) : null;
  return (
    <>
      {transport.text.trim() && (
        <>
          <Heading>{t.t("gettingThere")}</Heading>
          <Localised as="p" text={transport.text} lang={transport.lang} />
        </>
      )}
      {way?.text.trim() && (
        <>
          <Heading>{t.t("trFindingWayIn")}</Heading>
          <Localised as="p" text={way.text} lang={way.lang} />
        </>
      )}
    </>
  );
}
