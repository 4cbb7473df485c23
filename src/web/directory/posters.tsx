// QR posters (A4) and table cards for the whole directory, each category and each venue. Each
// QR code points at /d/<poster>, which counts the scan (a number per poster, nothing about the
// person, no cookie) and sends the reader on to the right list.
import { pickLocalised } from "../../i18n";
import type { Category } from "../../features/directory/read";
import type { ServiceWithPlace } from "../../features/directory/schemas";
import { Layout, Localised } from "../layout";
import { qrSvg } from "../qr";
import type { View } from "../view";
import { Pictogram } from "./pictograms";
import { categoryName } from "./words";
import { posterKey, type Poster, type PosterScope } from "../../features/directory/posters";

export function PostersPage({ view, categories, venues }: { view: View; categories: Category[]; venues: { id: string; name: string }[] }) {
  const { t } = view;
  const Links = ({ scope }: { scope: PosterScope }) => (
    <>
      {" "}
      <a href={`/directory/posters/${posterKey({ scope, format: "a4" })}`}>{t.t("dirPosterA4")}</a>
      {" · "}
      <a href={`/directory/posters/${posterKey({ scope, format: "card" })}`}>{t.t("dirPosterCard")}</a>
    </>
  );
  return (
    <Layout view={view} title={t.t("dirPosters")} section="directory">
      <p>
        <a href="/directory">{t.t("dirAllSupport")}</a>
      </p>
      <h1>{t.t("dirPosters")}</h1>
      <p>{t.t("dirPostersIntro")}</p>
      <ul>
        <li>
          {t.t("dirAllSupport")}:
          <Links scope={{ kind: "all" }} />
        </li>
        {categories.map((c) => {
          const name = categoryName(t, c, c.id);
          return (
            <li>
              <Localised text={name.text} lang={name.lang} />:
              <Links scope={{ kind: "category", id: c.id }} />
            </li>
          );
        })}
        {venues.map((v) => (
          <li>
            <bdi>{v.name}</bdi>:
            <Links scope={{ kind: "venue", id: v.id }} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function PosterPage(props: { view: View; poster: Poster; categories: Category[]; rows: ServiceWithPlace[]; venueName: string | null }) {
  const { view, poster, categories, rows, venueName } = props;
  const { t } = view;
  const category = poster.scope.kind === "category" ? categories.find((c) => c.id === (poster.scope as { id: string }).id) : undefined;
  const heading =
    poster.scope.kind === "all" ? { text: t.t("dirTitle"), lang: null } : poster.scope.kind === "category" ? categoryName(t, category, poster.scope.id) : { text: t.t("dirPosterHelpAt", { venue: venueName ?? "" }), lang: null };
  const url = `${view.publicUrl}/d/${posterKey(poster)}`;
  const listed = rows.slice(0, poster.format === "a4" ? 6 : 3);
  return (
    <Layout view={view} title={t.t("dirPosterFor", { name: heading.text })} section="directory">
      <p class="no-print">
        <a href="/directory/posters">{t.t("dirPosters")}</a>
      </p>
      <p class="no-print">{t.t("dirPosterPrint")}</p>
      {poster.scope.kind === "venue" && (
        <p class="no-print">
          <a href={`/venues/${poster.scope.id}/today`}>{t.t("dirTodayTitle")}</a>
        </p>
      )}
      <div class={poster.format === "card" ? "poster card" : "poster"}>
        <Pictogram name={category?.pictogram ?? "other"} size={64} />
        <h1>
          <Localised text={heading.text} lang={heading.lang} />
        </h1>
        <p class="lead">{t.plural("dirPosterServices", rows.length)}</p>
        {listed.length > 0 && (
          <ul>
            {listed.map(({ service }) => {
              const name = pickLocalised(service.name, t.locale);
              return (
                <li>
                  <Localised text={name.text} lang={name.lang} />
                </li>
              );
            })}
          </ul>
        )}
        <div dangerouslySetInnerHTML={{ __html: qrSvg(url, t.t("dirPosterQrLabel", { url })) }} />
        <p class="lead">{t.t("dirPosterScan")}</p>
        <p>{t.t("dirPosterLanguages")}</p>
        <p class="url">
          {t.t("dirPosterOrVisit")} <span dir="ltr">{url}</span>
        </p>
        {poster.scope.kind === "venue" && (
          <p class="url">
            {t.t("dirTodayTitle")}: <span dir="ltr">{`${view.publicUrl}/venues/${poster.scope.id}/today`}</span>
          </p>
        )}
      </div>
    </Layout>
  );
}
