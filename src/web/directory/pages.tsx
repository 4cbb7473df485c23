// The public directory: search with filters, and a page per service. No script: the filters
// are a GET form, directions are links to the reader's own maps app.
import { LOCALES } from "../../db/schema";
import { actsFor } from "../../lib/auth";
import { pickLocalised, venueAccess } from "../../i18n";
import type { Category } from "../../features/directory/read";
import { byWeekday, isOpenAt, nextOpening } from "../../features/directory/opening-hours";
import type { ServiceWithPlace } from "../../features/directory/schemas";
import { formatDay } from "../format";
import { Layout, Localised } from "../layout";
import { VenueWay } from "../venue-way";
import type { View } from "../view";
import { Pictogram } from "./pictograms";
import { categoryName, languageName, opensText, weekdayName } from "./words";

export interface DirectoryForm {
  q: string;
  category: string;
  language: string;
  openNow: boolean;
  stepFree: boolean;
  free: boolean;
  venue: string;
}

export function parseDirectoryForm(params: URLSearchParams): DirectoryForm {
  const one = (name: string, max: number) => (params.get(name) ?? "").trim().slice(0, max);
  return {
    q: one("q", 100),
    category: one("category", 40),
    language: one("language", 12).toLowerCase(),
    openNow: params.get("openNow") === "true",
    stepFree: params.get("stepFree") === "true",
    free: params.get("free") === "true",
    venue: one("venue", 64),
  };
}

/** A service's name as a card heading linking to its page, in the reader's language or marked as English. */
export function ServiceHeading({ view, service }: { view: View; service: Pick<ServiceWithPlace["service"], "id" | "name"> }) {
  const name = pickLocalised(service.name, view.t.locale);
  return (
    <h3>
      <a href={`/directory/services/${service.id}`}>
        <Localised text={name.text} lang={name.lang} />
      </a>
    </h3>
  );
}

function OpenState({ view, service }: { view: View; service: ServiceWithPlace["service"] }) {
  const { t, now } = view;
  return isOpenAt(service.hours, now) ? <strong class="open-now">{t.t("dirOpenNow")}</strong> : <span>{opensText(t, nextOpening(service.hours, now))}</span>;
}

function CategoryLabel({ view, categories, id }: { view: View; categories: Category[]; id: string }) {
  const category = categories.find((c) => c.id === id);
  const name = categoryName(view.t, category, id);
  return (
    <span class="category">
      <Pictogram name={category?.pictogram ?? "other"} size={28} />
      <Localised text={name.text} lang={name.lang} />
    </span>
  );
}

function Filters({ view, form, categories, languages }: { view: View; form: DirectoryForm; categories: Category[]; languages: string[] }) {
  const { t } = view;
  return (
    <form method="get" action="/directory" class="filters" role="search" aria-label={t.t("dirSearch")}>
      <div class="field">
        <label for="q">{t.t("dirSearch")}</label>
        <span class="hint" id="q-hint">
          {t.t("dirSearchHint")}
        </span>
        <input type="search" id="q" name="q" value={form.q} maxlength={100} aria-describedby="q-hint" />
      </div>
      <div class="row">
        <div class="field">
          <label for="category">{t.t("dirCategory")}</label>
          <select id="category" name="category">
            <option value="">{t.t("dirAnyCategory")}</option>
            {categories.map((c) => {
              const name = categoryName(t, c, c.id);
              return (
                <option value={c.id} selected={form.category === c.id}>
                  {name.text}
                </option>
              );
            })}
          </select>
        </div>
        <div class="field">
          <label for="language">{t.t("dirLanguage")}</label>
          <select id="language" name="language">
            <option value="">{t.t("dirAnyLanguage")}</option>
            {languages.map((code) => (
              <option value={code} selected={form.language === code}>
                {languageName(t, code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {form.venue && <input type="hidden" name="venue" value={form.venue} />}
      <fieldset>
        <legend>{t.t("dirOnlyShow")}</legend>
        <div class="checks">
          {(["openNow", "stepFree", "free"] as const).map((name) => (
            <div class="check">
              <input type="checkbox" id={name} name={name} value="true" checked={form[name]} />
              <label for={name}>{t.t(name === "openNow" ? "dirOpenNow" : name === "stepFree" ? "dirStepFree" : "dirFree")}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="actions">
        <button class="button" type="submit">
          {t.t("dirApply")}
        </button>
        <a href="/directory">{t.t("dirClear")}</a>
      </div>
    </form>
  );
}

export function DirectoryPage(props: { view: View; form: DirectoryForm; categories: Category[]; languages: string[]; rows: ServiceWithPlace[] }) {
  const { view, form, categories, languages, rows } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.t("dirTitle")} section="directory">
      <h1>{t.t("dirTitle")}</h1>
      <p class="lead">{t.t("dirIntro")}</p>
      <nav aria-label={t.t("dirCategory")}>
        <ul class="category-links">
          {categories.map((c) => (
            <li>
              <a href={`/directory?category=${encodeURIComponent(c.id)}`} {...(form.category === c.id ? { "aria-current": "true" as const } : {})}>
                <CategoryLabel view={view} categories={categories} id={c.id} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Filters view={view} form={form} categories={categories} languages={languages} />
      <h2 id="results">{t.plural("dirResults", rows.length)}</h2>
      {rows.length === 0 ? (
        <p>{t.t("dirNoResults")}</p>
      ) : (
        <ul class="cards" aria-labelledby="results">
          {rows.map(({ service, organisationName, venue }) => {
            const description = pickLocalised(service.description, t.locale);
            return (
              <li class="card">
                <ServiceHeading view={view} service={service} />
                <p class="meta">
                  <CategoryLabel view={view} categories={categories} id={service.categoryId} />
                </p>
                <Localised as="p" text={description.text} lang={description.lang} />
                <p>
                  <OpenState view={view} service={service} />
                  {" · "}
                  {venue ? <bdi>{venue.name}</bdi> : service.onlineUrl ? t.t("dirOnline") : t.t("dirByPhone")}
                  {service.free && ` · ${t.t("dirFree")}`}
                  {venue?.stepFree && ` · ${t.t("dirStepFree")}`}
                </p>
                <p class="meta">{t.t("dirRunBy", { org: organisationName })}</p>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href="/directory/posters">{t.t("dirPosters")}</a>
      </p>
    </Layout>
  );
}

export function ServicePage({ view, row, categories }: { view: View; row: ServiceWithPlace; categories: Category[] }) {
  const { t } = view;
  const { service, organisationName, venue } = row;
  const name = pickLocalised(service.name, t.locale);
  const description = pickLocalised(service.description, t.locale);
  const cost = service.costNote ? pickLocalised(service.costNote, t.locale) : null;
  const ages =
    service.minAge != null && service.maxAge != null
      ? t.t("dirAgesRange", { min: service.minAge, max: service.maxAge })
      : service.minAge != null
        ? t.t("dirAgesFrom", { min: service.minAge })
        : service.maxAge != null
          ? t.t("dirAgesUpTo", { max: service.maxAge })
          : null;
  const address = venue ? `${venue.name}, ${venue.address}, ${venue.postcode}` : "";
  const access = venue ? venueAccess(t, venue) : null;
  return (
    <Layout view={view} title={name.text} section="directory">
      <p>
        <a href="/directory">{t.t("dirAllSupport")}</a>
      </p>
      <h1>
        <Localised text={name.text} lang={name.lang} />
      </h1>
      <p class="meta">
        <CategoryLabel view={view} categories={categories} id={service.categoryId} />
        {" · "}
        {t.t("dirRunBy", { org: organisationName })}
      </p>
      <Localised as="p" text={description.text} lang={description.lang} />
      <p class="lead">
        <OpenState view={view} service={service} />
      </p>

      <h2>{t.t("dirWhoFor")}</h2>
      <p>
        {service.audiences.length ? service.audiences.map((a) => t.raw("dirAudiences")[a] ?? a).join(", ") : t.t("dirEveryone")}
        {ages && ` · ${ages}`}
      </p>

      {service.accessMethods.length > 0 && (
        <>
          <h2>{t.t("dirHowToGet")}</h2>
          <ul>
            {service.accessMethods.map((m) => (
              <li>{t.raw("dirAccessMethods")[m] ?? m}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{t.t("dirOpeningTimes")}</h2>
      {service.hours.length ? (
        <ul>
          {byWeekday(service.hours).map((p) => (
            <li>
              {weekdayName(t, p.day)}: <span dir="ltr">{p.opens}–{p.closes}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.t("dirAskForTimes")}</p>
      )}

      <h2>{t.t("dirWhere")}</h2>
      {venue && access && (
        <div class="panel">
          <p>
            <strong>
              <bdi>{venue.name}</bdi>
            </strong>
            <br />
            <bdi>{venue.address}</bdi>, <span dir="ltr">{venue.postcode}</span>
          </p>
          <h3>{t.t("dirAccess")}</h3>
          {access.has.length > 0 && <p>{`${t.t("dirAccessHas")}: ${access.has.join(", ")}`}</p>}
          {access.lacks.length > 0 && <p>{`${t.t("dirAccessLacks")}: ${access.lacks.join(", ")}`}</p>}
          <VenueWay view={view} venue={venue} level="h3" />
          <ul class="links">
            <li>
              <a href={`geo:0,0?q=${encodeURIComponent(address)}`}>{t.t("dirDirections")}</a>
            </li>
            <li>
              <a href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(`${venue.address}, ${venue.postcode}`)}`} rel="noopener noreferrer">
                {t.t("dirDirectionsOsm")}
              </a>
            </li>
          </ul>
        </div>
      )}
      {service.onlineUrl && (
        <p>
          {t.t("dirOnline")}:{" "}
          <a href={service.onlineUrl} rel="noopener noreferrer" dir="ltr">
            {service.onlineUrl}
          </a>
        </p>
      )}
      {service.byPhone && <p>{t.t("dirByPhone")}</p>}

      <h2>{t.t("dirContact")}</h2>
      <ul>
        {service.contactPhone && (
          <li>
            {t.t("dirPhone")}:{" "}
            <a href={`tel:${service.contactPhone.replace(/[^+0-9]/g, "")}`} dir="ltr">
              {service.contactPhone}
            </a>
          </li>
        )}
        {service.contactEmail && (
          <li>
            {t.t("dirEmail")}:{" "}
            <a href={`mailto:${service.contactEmail}`} dir="ltr">
              {service.contactEmail}
            </a>
          </li>
        )}
        {service.website && (
          <li>
            {t.t("dirWebsite")}:{" "}
            <a href={service.website} rel="noopener noreferrer" dir="ltr">
              {service.website}
            </a>
          </li>
        )}
      </ul>

      <h2>{t.t("dirLanguages")}</h2>
      <p>
        {service.languages.map((code, i) => (
          <>
            {i > 0 && ", "}
            <span>{languageName(t, code)}</span>
          </>
        ))}
      </p>

      <h2>{t.t("dirCost")}</h2>
      <p>{service.free ? t.t("dirFree") : t.t("dirCostPaid")}</p>
      {cost && <Localised as="p" text={cost.text} lang={cost.lang} />}

      <p class="meta">{t.t("dirLastChecked", { date: formatDay(Date.parse(`${service.lastCheckedOn}T12:00:00Z`), t.locale, view.now) })}</p>
      {view.actor && actsFor(view.actor, service.organisationId) && (
        <p>
          <a href={`/directory/services/${service.id}/suggest`}>{t.t("dirSuggest")}</a>
        </p>
      )}
      <p>
        <a href={`/directory/posters/cat-${service.categoryId}-a4`}>{t.t("dirPosterFor", { name: categoryName(t, categories.find((c) => c.id === service.categoryId), service.categoryId).text })}</a>
      </p>
    </Layout>
  );
}

/** Languages the filter offers: the site's five, then any other spoken somewhere in the directory. */
export function filterLanguages(rows: ServiceWithPlace[]): string[] {
  const spoken = new Set(rows.flatMap((r) => r.service.languages));
  return [...LOCALES, ...[...spoken].filter((l) => !(LOCALES as readonly string[]).includes(l)).sort()];
}
