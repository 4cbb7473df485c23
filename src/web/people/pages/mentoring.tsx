import type { Child } from "hono/jsx";
import type { mentors } from "../../../db/schema";
import type { bookableSlots } from "../../../features/mentoring/finder";
import { formatWhen, isoInstant, languageList, languageName } from "../../format";
import { Layout, Localised } from "../../layout";
import { pickLocalised } from "../../../i18n";
import type { Venue } from "../../../features/catalogue/venues";
import type { View } from "../../view";
import { Field } from "../../staff/ui";
import { ErrorSummary, fieldErrors, GuardianEmailInput, type FieldProblem } from "../parts";

type SlotRow = Awaited<ReturnType<typeof bookableSlots>>[number];

export interface MentoringFilters {
  sector: string;
  mode: "" | "online" | "in_person";
  language: string;
}

const sectorName = (view: View, sector: string) => view.t.raw("sectors")[sector.toLowerCase()] ?? sector;

function Select({ id, label, value, options }: { id: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Slots the signed-in young person could book now, with plain filters. */
export function MentoringPage(props: { view: View; filters: MentoringFilters; choices: { sectors: string[]; languages: string[] }; slots: SlotRow[] }) {
  const { view, filters, choices, slots } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.t("mentoringTitle")} section="my">
      <h1>{t.t("mentoringTitle")}</h1>
      <p class="lead">{t.t("mentoringIntro")}</p>
      <form method="get" action="/mentoring" class="filters">
        <div class="row">
          <Select id="sector" label={t.t("mentoringSector")} value={filters.sector} options={[["", t.t("mentoringAnySector")], ...choices.sectors.map((s): [string, string] => [s, sectorName(view, s)])]} />
          <Select
            id="mode"
            label={t.t("mentoringMode")}
            value={filters.mode}
            options={[
              ["", t.t("mentoringAnyMode")],
              ["online", t.t("online")],
              ["in_person", t.t("inPerson")],
            ]}
          />
          <Select id="language" label={t.t("mentoringLanguage")} value={filters.language} options={[["", t.t("mentoringAnyLanguage")], ...choices.languages.map((l): [string, string] => [l, languageName(view.t, l)])]} />
        </div>
        <div class="actions">
          <button class="button" type="submit">
            {t.t("mentoringApply")}
          </button>
          <a href="/mentoring">{t.t("mentoringClear")}</a>
        </div>
      </form>
      <h2 id="slots">{t.plural("mentoringCount", slots.length)}</h2>
      {slots.length === 0 ? (
        <p>{t.t("mentoringNone")}</p>
      ) : (
        <ul class="cards" aria-labelledby="slots">
          {slots.map((row) => (
            <SlotCard view={view} row={row} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

function MentorFacts({ view, mentor, organisationName }: { view: View; mentor: typeof mentors.$inferSelect; organisationName?: string }) {
  const { t } = view;
  const bio = pickLocalised(mentor.bio, t.locale);
  return (
    <>
      <p class="meta">
        {sectorName(view, mentor.sector)}
        {organisationName ? (
          <>
            {" · "}
            <bdi>{organisationName}</bdi>
          </>
        ) : null}
      </p>
      {bio.text.trim() && <Localised as="p" text={bio.text} lang={bio.lang} />}
      <p>{t.t("mentoringSpeaks", { languages: languageList(view.t, mentor.languages) })}</p>
    </>
  );
}

function Where({ view, mode, venue }: { view: View; mode: string; venue: Venue | null }) {
  return <>{mode === "online" ? view.t.t("online") : venue ? <bdi>{venue.name}</bdi> : view.t.t("inPerson")}</>;
}

function SlotCard({ view, row }: { view: View; row: SlotRow }) {
  const { t } = view;
  const when = formatWhen(row.slot.startsAt, row.slot.endsAt, t, view.now);
  return (
    <li class="card">
      <h3>
        <bdi>{row.mentor.displayName}</bdi>
      </h3>
      <p>
        <time datetime={isoInstant(row.slot.startsAt)}>{when}</time>
        {" · "}
        <Where view={view} mode={row.slot.mode} venue={row.venue} />
      </p>
      <MentorFacts view={view} mentor={row.mentor} organisationName={row.organisationName} />
      <p>
        <a class="button" href={`/mentoring-slots/${row.slot.id}/book`}>
          {t.t("mentoringBook")}
          <span class="visually-hidden">
            : {row.mentor.displayName}, {when}
          </span>
        </a>
      </p>
    </li>
  );
}

/** Confirming one slot, with a guardian's email when the young person is under 16 that day. */
export function MentoringBookPage(props: {
  view: View;
  slot: { id: string; startsAt: number; endsAt: number; mode: string };
  mentor: typeof mentors.$inferSelect;
  venue: Venue | null;
  needsGuardian: boolean;
  guardianEmail: string;
  errors?: FieldProblem[];
  refusal?: Child;
}) {
  const { view, slot, mentor, venue, needsGuardian, guardianEmail, errors = [], refusal } = props;
  const { t } = view;
  return (
    <Layout view={view} title={errors.length || refusal ? `${t.t("errorSummaryTitle")}: ${t.t("mentoringBookTitle")}` : t.t("mentoringBookTitle")} section="my">
      <h1>{t.t("mentoringBookTitle")}</h1>
      <ErrorSummary view={view} errors={errors} message={refusal} />
      <dl class="facts">
        <dt>{t.t("mentor")}</dt>
        <dd>
          <bdi>{mentor.displayName}</bdi>
        </dd>
        <dt>{t.t("when")}</dt>
        <dd>
          <time datetime={isoInstant(slot.startsAt)}>{formatWhen(slot.startsAt, slot.endsAt, t, view.now)}</time>
        </dd>
        <dt>{t.t("where")}</dt>
        <dd>
          <Where view={view} mode={slot.mode} venue={venue} />
        </dd>
      </dl>
      <MentorFacts view={view} mentor={mentor} />
      <form method="post" action={`/mentoring-slots/${slot.id}/book`} novalidate>
        {needsGuardian && (
          <Field id="guardianEmail" label={t.t("bookGuardianLabel")} hint={t.t("mentoringGuardianWhy")} errors={fieldErrors(errors)}>
            {(aria) => <GuardianEmailInput value={guardianEmail} aria={aria} />}
          </Field>
        )}
        <button class="button" type="submit">
          {t.t("mentoringConfirm")}
        </button>
      </form>
    </Layout>
  );
}
