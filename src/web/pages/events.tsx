import { EVENT_TYPES, type EventType } from "../../db/schema";
import { startOfLondonDay } from "../../lib/time";
import { formatWhen, isoInstant } from "../format";
import { pickLocalised } from "../../i18n";
import { Layout, Localised } from "../layout";
import type { Session } from "../../features/catalogue/events";
import { ACCESS_NEEDS, EVENT_TAGS, type AccessNeed, type EventListing, type SessionFilters } from "../../features/catalogue/read";
import { FAMILY_TAG } from "../../rules/families";
import { Pictogram } from "../pictograms";
import { seatsLeft } from "../../features/catalogue/shared";
import type { Venue } from "../../features/catalogue/venues";
import { withParams, type View } from "../view";
import { withinProgrammeAges, YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";

export const EVENTS_PER_PAGE = 10;
export const SESSIONS_PER_CARD = 3;
/** The strands people can filter by: the tags the site has words for in every language. */
export const FILTER_TAGS: readonly string[] = [...EVENT_TAGS, FAMILY_TAG];
/** As long as the API's `q` allows: a longer keyword is cut, not refused. */
export const KEYWORD_MAX = 100;

interface FilterForm {
  type: string;
  from: string;
  to: string;
  age: string;
  access: string[];
  tag: string;
  q: string;
  page: number;
}

interface FilterError {
  field: "from" | "to" | "age";
  message: "filterErrorDate" | "filterErrorAge" | "filterErrorRange";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** Reads the GET form. Bad values are reported next to their field and otherwise ignored. */
export function parseFilters(query: URLSearchParams): { form: FilterForm; filters: SessionFilters; errors: FilterError[] } {
  const form: FilterForm = {
    type: query.get("type") ?? "",
    from: (query.get("from") ?? "").trim(),
    to: (query.get("to") ?? "").trim(),
    age: (query.get("age") ?? "").trim(),
    access: query.getAll("access"),
    tag: query.get("tag") ?? "",
    q: (query.get("q") ?? "").trim().slice(0, KEYWORD_MAX),
    page: Math.max(1, Math.min(1000, Number.parseInt(query.get("page") ?? "1", 10) || 1)),
  };
  const filters: SessionFilters = {};
  const errors: FilterError[] = [];
  if ((EVENT_TYPES as readonly string[]).includes(form.type)) filters.type = form.type as EventType;
  if (form.from) {
    if (validDate(form.from)) filters.from = startOfLondonDay(form.from);
    else errors.push({ field: "from", message: "filterErrorDate" });
  }
  if (form.to) {
    if (validDate(form.to)) filters.to = startOfLondonDay(form.to, 1);
    else errors.push({ field: "to", message: "filterErrorDate" });
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.to <= filters.from) {
    errors.push({ field: "to", message: "filterErrorRange" });
    delete filters.to;
  }
  if (form.age) {
    const age = Number(form.age);
    if (Number.isInteger(age) && withinProgrammeAges(age)) filters.age = age;
    else errors.push({ field: "age", message: "filterErrorAge" });
  }
  filters.access = form.access.filter((a): a is AccessNeed => (ACCESS_NEEDS as string[]).includes(a));
  if (FILTER_TAGS.includes(form.tag)) filters.tag = form.tag;
  if (form.q) filters.q = form.q;
  return { form, filters, errors };
}

function FieldError({ view, errors, field }: { view: View; errors: FilterError[]; field: FilterError["field"] }) {
  const error = errors.find((e) => e.field === field);
  return error ? (
    <p class="error" id={`${field}-error`}>
      {view.t.t(error.message)}
    </p>
  ) : null;
}

function describedBy(errors: FilterError[], field: FilterError["field"], hint?: string) {
  const ids = [hint, errors.some((e) => e.field === field) ? `${field}-error` : undefined].filter(Boolean).join(" ");
  return ids ? { "aria-describedby": ids } : {};
}

function Filters({ view, form, errors }: { view: View; form: FilterForm; errors: FilterError[] }) {
  const { t } = view;
  const invalid = (f: FilterError["field"]) => (errors.some((e) => e.field === f) ? { "aria-invalid": "true" as const } : {});
  const wrap = (f: FilterError["field"]) => (errors.some((e) => e.field === f) ? "field has-error" : "field");
  const active = [form.type, form.from, form.to, form.age, form.tag, form.q].filter(Boolean).length + form.access.length;
  // Folded away so that the activities come first on a phone (issue #14 item 8); a <details>
  // opens without JavaScript. Open when a choice needs correcting, so the error is seen.
  return (
    <details class="filters-fold" open={errors.length > 0}>
      <summary>
        {t.t("lookFiltersSummary")}
        {active > 0 && <> ({t.plural("lookFiltersActive", active)})</>}
      </summary>
    <form class="filters" method="get" action="/events" aria-labelledby="filter-heading">
      <h2 id="filter-heading">{t.t("filterHeading")}</h2>
      <div class="field">
        <label for="q">{t.t("lookFilterKeyword")}</label>
        <span class="hint" id="q-hint">
          {t.t("lookFilterKeywordHint")}
        </span>
        <input type="search" id="q" name="q" maxlength={KEYWORD_MAX} value={form.q} aria-describedby="q-hint" dir="auto" />
      </div>
      <div class="field">
        <label for="tag">{t.t("lookFilterTag")}</label>
        <select id="tag" name="tag">
          <option value="">{t.t("lookFilterAnyTag")}</option>
          {FILTER_TAGS.map((tag) => (
            <option value={tag} selected={form.tag === tag}>
              {t.label("tags", tag)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="type">{t.t("filterType")}</label>
        <select id="type" name="type">
          <option value="">{t.t("filterAnyType")}</option>
          {EVENT_TYPES.map((type) => (
            <option value={type} selected={form.type === type}>
              {t.label("eventTypes", type)}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <div class={wrap("from")}>
          <label for="from">{t.t("filterFrom")}</label>
          <span class="hint" id="date-hint">
            {t.t("filterDateHint")}
          </span>
          <FieldError view={view} errors={errors} field="from" />
          <input type="date" id="from" name="from" value={form.from} {...describedBy(errors, "from", "date-hint")} {...invalid("from")} />
        </div>
        <div class={wrap("to")}>
          <label for="to">{t.t("filterTo")}</label>
          <FieldError view={view} errors={errors} field="to" />
          <input type="date" id="to" name="to" value={form.to} {...describedBy(errors, "to", "date-hint")} {...invalid("to")} />
        </div>
        <div class={wrap("age")}>
          <label for="age">{t.t("filterAge")}</label>
          <span class="hint" id="age-hint">
            {t.t("filterAgeHint")}
          </span>
          <FieldError view={view} errors={errors} field="age" />
          <input type="number" id="age" name="age" min={YOUNG_PERSON_MIN_AGE} max={YOUNG_PERSON_MAX_AGE} inputmode="numeric" value={form.age} {...describedBy(errors, "age", "age-hint")} {...invalid("age")} />
        </div>
      </div>
      <fieldset>
        <legend>{t.t("filterAccess")}</legend>
        <div class="checks">
          {ACCESS_NEEDS.map((need) => (
            <div class="check">
              <input type="checkbox" id={`access-${need}`} name="access" value={need} checked={form.access.includes(need)} />
              <label for={`access-${need}`}>{t.label("accessNeeds", need)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="actions">
        <button class="button" type="submit">
          {t.t("filterApply")}
        </button>
        <a href="/events">{t.t("filterClear")}</a>
      </div>
    </form>
    </details>
  );
}

function SeatsText({ view, session, waitlist }: { view: View; session: Session; waitlist: boolean }) {
  const left = seatsLeft(session);
  if (left > 0) return <span class="seats">{view.t.plural("seatsLeft", left)}</span>;
  return <span class="full">{waitlist ? view.t.t("fullWaitlist") : view.t.t("full")}</span>;
}

export function SessionLine({ view, session, venue, waitlist }: { view: View; session: Session; venue: Venue | null; waitlist: boolean }) {
  return (
    <>
      <time datetime={isoInstant(session.startsAt)}>{formatWhen(session.startsAt, session.endsAt, view.t, view.now)}</time>
      {" · "}
      {venue ? <bdi>{venue.name}</bdi> : view.t.t("online")}
      {" · "}
      <SeatsText view={view} session={session} waitlist={waitlist} />
    </>
  );
}

export function EventCard({ view, listing }: { view: View; listing: EventListing }) {
  const { t } = view;
  const { event, sessions, sessionCount } = listing;
  const title = pickLocalised(event.title, t.locale);
  const description = pickLocalised(event.description, t.locale);
  const more = sessionCount - sessions.length;
  return (
    <li class="card">
      <h3>
        <a href={`/events/${event.id}`}>
          <Localised text={title.text} lang={title.lang} />
        </a>
      </h3>
      <p class="meta">
        <Pictogram view={view} table="eventTypes" name={event.type} /> · {t.t("ages", { min: event.minAge, max: event.maxAge })}
      </p>
      <Localised as="p" text={description.text} lang={description.lang} />
      {event.tags.length + event.accessFeatures.length > 0 && (
        <ul class="tags">
          {event.tags.map((tag) => (
            <li class="tag">
              <Pictogram view={view} table="tags" name={tag} size={20} />
            </li>
          ))}
          {event.accessFeatures.map((feature) => (
            <li class="tag">
              <Pictogram view={view} table="accessNeeds" name={feature} size={20} />
            </li>
          ))}
        </ul>
      )}
      <p class="meta">{t.t("nextDates")}</p>
      <ul>
        {sessions.map(({ session, venue }) => (
          <li>
            <SessionLine view={view} session={session} venue={venue} waitlist={event.waitlistEnabled} />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p>
          <a href={`/events/${event.id}`}>{t.plural("moreDates", more)}</a>
        </p>
      )}
    </li>
  );
}

export function EventsPage(props: { view: View; form: FilterForm; errors: FilterError[]; listings: EventListing[]; total: number; home: boolean }) {
  const { view, form, errors, listings, total, home } = props;
  const { t } = view;
  const pages = Math.max(1, Math.ceil(total / EVENTS_PER_PAGE));
  const page = form.page;
  return (
    <Layout view={view} title={errors.length ? `${t.t("errorSummaryTitle")}: ${t.t("whatsOnTitle")}` : t.t("whatsOnTitle")} section={home ? undefined : "events"}>
      <h1>{t.t("whatsOnTitle")}</h1>
      <p class="lead">{t.t("whatsOnIntro")}</p>
      {home && !view.actor && (
        <p>
          <a href="/join">{t.t("joinLink")}</a>
        </p>
      )}
      {errors.length > 0 && (
        <div class="summary" role="alert" aria-labelledby="error-summary">
          <h2 id="error-summary">{t.t("errorSummaryTitle")}</h2>
          <ul>
            {errors.map((e) => (
              <li>
                <a href={`#${e.field}`}>{t.t(e.message)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Filters view={view} form={form} errors={errors} />
      <h2 id="results">{t.plural("resultsHeading", total)}</h2>
      {total === 0 ? (
        <p>{t.t("noResults")}</p>
      ) : (
        <ul class="cards" aria-labelledby="results">
          {listings.map((listing) => (
            <EventCard view={view} listing={listing} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label={t.t("pagination")}>
          {page > 1 && <a href={withParams(view.url, { page: String(page - 1), lang: null, text: null, contrast: null })}>{t.t("previousPage")}</a>}
          <span>{t.t("pageOf", { page, pages })}</span>
          {page < pages && <a href={withParams(view.url, { page: String(page + 1), lang: null, text: null, contrast: null })}>{t.t("nextPage")}</a>}
        </nav>
      )}
    </Layout>
  );
}
