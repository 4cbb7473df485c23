// "Get involved" (issue #16 item 8): the programme's own decision-making, open to the young
// people it serves. The opportunities are events of type co_production, so each is booked,
// waitlisted and consented to exactly like any other event (rule 17: one door).
import type { EventListing } from "../../features/catalogue/read";
import { Layout } from "../layout";
import type { View } from "../view";
import { EventCard } from "./events";

/** The kinds of co-production the programme runs, in the order the page explains them. */
const WAYS = [
  { title: "giBoardTitle", body: "giBoardBody" },
  { title: "giInspectorsTitle", body: "giInspectorsBody" },
  { title: "giCodesignTitle", body: "giCodesignBody" },
] as const;

export function GetInvolvedPage({ view, listings, total }: { view: View; listings: EventListing[]; total: number }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("giTitle")}>
      <h1>{t.t("giTitle")}</h1>
      <p class="lead">{t.t("giLead")}</p>
      <h2>{t.t("giWhatHeading")}</h2>
      <p>{t.t("giWhatBody")}</p>
      <h2>{t.t("giWaysHeading")}</h2>
      <ul>
        {WAYS.map((w) => (
          <li>
            <strong>{t.t(w.title)}</strong>: {t.t(w.body)}
          </li>
        ))}
      </ul>
      <h2>{t.t("giGainHeading")}</h2>
      <p>{t.t("giGainBody")}</p>
      <h2 id="coming">{t.t("giComingHeading")}</h2>
      {total === 0 ? (
        <p>
          {t.t("giNone")} <a href="/feedback?from=%2Fget-involved">{t.t("sfFooterLink")}</a>
        </p>
      ) : (
        <ul class="cards" aria-labelledby="coming">
          {listings.map((listing) => (
            <EventCard view={view} listing={listing} />
          ))}
        </ul>
      )}
      {total > listings.length && (
        <p>
          <a href="/events?type=co_production">{t.plural("resultsHeading", total)}</a>
        </p>
      )}
      <h2>{t.t("giOtherHeading")}</h2>
      <ul>
        <li>
          <a href="/feedback?from=%2Fget-involved">{t.t("sfFooterLink")}</a>
        </li>
        <li>
          <a href="/you-said-we-did">{t.t("yswTitle")}</a>
        </li>
        <li>{t.t("giParents")}</li>
      </ul>
    </Layout>
  );
}
