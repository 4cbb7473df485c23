// Your data: what we hold, a copy to download, and deleting the account. Both choices carry
// the same weight on the page (ICO Children's code: no nudges either way).
import { Layout } from "../../layout";
import type { View } from "../../view";

/** A catalogue string that holds a short list, items separated by "|". */
const Items = ({ text }: { text: string }) => (
  <ul>
    {text.split("|").map((item) => (
      <li>{item}</li>
    ))}
  </ul>
);

export function YourDataPage({ view }: { view: View }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("dataHeading")} section="my">
      <p>
        <a href="/my">{t.t("backToMy")}</a>
      </p>
      <h1>{t.t("dataHeading")}</h1>
      <p class="lead">{t.t("dataWeHold")}</p>
      <Items text={t.t("dataHoldList")} />
      <h2>{t.t("dataCopyHeading")}</h2>
      <p>{t.t("dataIntro")}</p>
      <p>{t.t("dataFileHint")}</p>
      <p>
        <a class="button secondary" href="/my/data/export" download="open-door-my-data.json">
          {t.t("dataDownload")}
        </a>
      </p>
      <h2>{t.t("deleteHeading")}</h2>
      <p>{t.t("deleteIntro")}</p>
      <p>
        <a class="button secondary" href="/my/data/delete">
          {t.t("deleteYes")}
        </a>
      </p>
    </Layout>
  );
}

/**
 * The one confirmation step: what deletion does and keeps, as erasePerson
 * (src/features/privacy/erasure.ts) does it. Staff also hear about their organisation.
 */
export function DeleteConfirmPage({ view, staff }: { view: View; staff: boolean }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("deleteTitle")} section="my">
      <h1>{t.t("deleteTitle")}</h1>
      <h2>{t.t("deleteWhatHeading")}</h2>
      <Items text={staff ? `${t.t("deleteSteps")}|${t.t("deleteStaff")}` : t.t("deleteSteps")} />
      <h2>{t.t("deleteKeptHeading")}</h2>
      <Items text={t.t("deleteKept")} />
      <p class="lead">{t.t("deleteUndo")}</p>
      <p>
        {t.t("deleteCopyFirst")} <a href="/my/data/export" download="open-door-my-data.json">{t.t("dataDownload")}</a>
      </p>
      <div class="actions">
        <form method="post" action="/my/data/delete">
          <button class="button" type="submit">
            {t.t("deleteYes")}
          </button>
        </form>
        <a class="button secondary" href="/my/data">
          {t.t("deleteNo")}
        </a>
      </div>
    </Layout>
  );
}

export function DeleteRefusedPage({ view, message }: { view: View; message: string }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.t("deleteRefusedTitle")} section="my">
      <h1>{t.t("deleteRefusedTitle")}</h1>
      <p>{message}</p>
      <p>
        <a href="/my/data">{t.t("backToData")}</a>
      </p>
    </Layout>
  );
}
