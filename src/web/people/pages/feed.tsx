import { Layout } from "../../layout";
import type { View } from "../../view";

/** The new calendar feed address, shown this once (only its hash is kept). */
export function FeedPage({ view, url }: { view: View; url: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("feedTitle")} section="my">
      <h1>{t.t("feedTitle")}</h1>
      <p class="lead">{t.t("feedOnce")}</p>
      <code class="secret" dir="ltr">
        {url}
      </code>
      <ol>
        {t.t("feedSteps").split("|").map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>{t.t("feedPrivate")}</p>
      <p>
        <a href="/my">{t.t("backToMy")}</a>
      </p>
    </Layout>
  );
}

/** Mentoring, the calendar feed and your data, at the foot of My bookings. */
export function MyExtras({ view }: { view: View }) {
  const { t } = view;
  return (
    <>
      <h2>{t.t("findMentor")}</h2>
      <p>{t.t("mentoringIntro")}</p>
      <p>
        <a class="button secondary" href="/mentoring">
          {t.t("findMentor")}
        </a>
      </p>
      <h2>{t.t("feedHeading")}</h2>
      <p>{t.t("feedIntro")}</p>
      <form method="post" action="/my/calendar-feed">
        <button class="button secondary" type="submit">
          {t.t("feedButton")}
        </button>
      </form>
      {view.actor?.person.isYoungPerson && (
        <>
          <h2>{t.t("recTitle")}</h2>
          <p>
            <a class="button secondary" href="/my/record">
              {t.t("recLink")}
            </a>
          </p>
        </>
      )}
      <h2>{t.t("tbMyTitle")}</h2>
      <p>
        <a class="button secondary" href="/my/timebank">
          {t.t("tbMyLink")}
        </a>
      </p>
      <h2>{t.t("dataHeading")}</h2>
      <p>{t.t("dataMyIntro")}</p>
      <p>
        <a class="button secondary" href="/my/data">
          {t.t("dataSee")}
        </a>
      </p>
      <p>
        <a href="/my/details">{t.t("profileLink")}</a>
      </p>
    </>
  );
}
