// A partner's "suggest a change" form: the name and description in the page's language, sent
// through the same verb as PATCH /api/v1/directory/services/{id} (a proposal for a coordinator).
import { LOCALE_NAMES, pickLocalised } from "../../i18n";
import type { ServiceWithPlace } from "../../features/directory/schemas";
import { Layout, Localised } from "../layout";
import type { View } from "../view";

export function SuggestPage({ view, row }: { view: View; row: ServiceWithPlace }) {
  const { t } = view;
  const name = pickLocalised(row.service.name, t.locale);
  const description = pickLocalised(row.service.description, t.locale);
  return (
    <Layout view={view} title={t.t("dirSuggest")} section="directory">
      <p>
        <a href={`/directory/services/${row.service.id}`}>
          <Localised text={name.text} lang={name.lang} />
        </a>
      </p>
      <h1>{t.t("dirSuggest")}</h1>
      <p>{t.t("dirSuggestIntro", { language: LOCALE_NAMES[t.locale] })}</p>
      <form method="post" action={`/directory/services/${row.service.id}/suggest`}>
        <div class="field">
          <label for="name">{t.t("dirSuggestName")}</label>
          <input type="text" id="name" name="name" required maxlength={2000} value={row.service.name[t.locale] ?? ""} />
        </div>
        <div class="field">
          <label for="description">{t.t("dirSuggestDescription")}</label>
          <textarea id="description" name="description" required maxlength={2000} rows={6}>
            {row.service.description[t.locale] ?? ""}
          </textarea>
        </div>
        {description.lang && (
          <p class="hint">
            <Localised text={description.text} lang={description.lang} />
          </p>
        )}
        <button class="button" type="submit">
          {t.t("dirSuggestSend")}
        </button>
      </form>
    </Layout>
  );
}
