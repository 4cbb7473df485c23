// The event's fields, shared by "add an event" (with who runs it) and "change this activity"
// (the host stays: the API does not move an event to another organisation).
import { EVENT_TYPES } from "../../../db/schema";
import type { Event } from "../../../features/catalogue/events";
import { pickLocalised } from "../../../i18n";
import { Localised } from "../../layout";
import { EVENT_FEATURES, EVENT_TAGS } from "../../../features/catalogue/read";
import type { View } from "../../view";
import type { EventForm } from "../event-form";
import { ErrorSummary, Field, type FormErrors } from "../ui";
import { TranslationFieldsets, type TextField } from "./translation-fields";
import { CoordinatorShell } from "./coordinator-shell";
import { YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../../rules/eligibility";

/** The event's texts as boxes per language (English first, in the form's main flow). */
const EVENT_TEXTS: TextField[] = [
  { name: "title", label: "trTitle", maxlength: 200 },
  { name: "description", label: "trDescription", maxlength: 2000, rows: 4 },
  { name: "whatToBring", label: "trWhatToBring", maxlength: 2000, rows: 2 },
];

export const EVENT_ORDER = ["type", "title", "description", "whatToBring", ...["title", "description", "whatToBring"].flatMap((f) => ["pl", "ro", "uk", "ar"].map((l) => `${f}_${l}`)), "hostOrganisationId", "minAge", "maxAge", "pupilsPerStaff", "accessFeatures", "tags"];

export function Check({ id, name, value = "1", label, checked }: { id: string; name: string; value?: string; label: string; checked: boolean }) {
  return (
    <div class="check">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** A group of checkboxes; the first box carries the group's id so an error link lands on it. */
function Choices({ view, name, legend, options, table, chosen, errors }: { view: View; name: string; legend: string; options: readonly string[]; table: "accessNeeds" | "tags"; chosen: string[]; errors: FormErrors }) {
  const error = errors.fields[name];
  return (
    <fieldset class={error ? "field has-error" : undefined} {...(error ? { "aria-describedby": `${name}-error` } : {})}>
      <legend>{legend}</legend>
      {error && (
        <p class="error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {options.map((o, i) => (
        <Check id={i === 0 ? name : `${name}-${o}`} name={name} value={o} label={view.t.label(table, o)} checked={chosen.includes(o)} />
      ))}
    </fieldset>
  );
}

export function EventFields({ view, form, errors, hosts }: { view: View; form: EventForm; errors: FormErrors; hosts?: { id: string; name: string }[] }) {
  const { t } = view;
  const s = view.t;
  // Tags the site has no words for are kept as they are (the API may have set them).
  const otherTags = form.tags.filter((tag) => !(EVENT_TAGS as readonly string[]).includes(tag));
  const otherFeatures = form.accessFeatures.filter((f) => !(EVENT_FEATURES as readonly string[]).includes(f));
  return (
    <>
      <Field id="type" label={s.t("eventTypeLabel")} errors={errors}>
        {(aria) => (
          <select id="type" name="type" {...aria}>
            {EVENT_TYPES.map((type) => (
              <option value={type} selected={form.type === type}>
                {t.label("eventTypes", type)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="title" label={s.t("eventTitleLabel")} errors={errors}>
        {(aria) => <input type="text" id="title" name="title" lang="en" dir="ltr" maxlength={200} value={form.title.en} {...aria} />}
      </Field>
      <Field id="description" label={s.t("eventDescLabel")} errors={errors}>
        {(aria) => (
          <textarea id="description" name="description" lang="en" dir="ltr" rows={4} maxlength={2000} {...aria}>
            {form.description.en}
          </textarea>
        )}
      </Field>
      <Field id="whatToBring" label={s.t("trWhatToBringEn")} errors={errors}>
        {(aria) => (
          <textarea id="whatToBring" name="whatToBring" lang="en" dir="ltr" rows={2} maxlength={2000} {...aria}>
            {form.whatToBring.en}
          </textarea>
        )}
      </Field>
      <TranslationFieldsets view={view} fields={EVENT_TEXTS} values={{ title: form.title, description: form.description, whatToBring: form.whatToBring }} errors={errors} />
      {hosts && (
        <Field id="hostOrganisationId" label={s.t("eventHostLabel")} errors={errors}>
          {(aria) => (
            <select id="hostOrganisationId" name="hostOrganisationId" {...aria}>
              {hosts.map((o) => (
                <option value={o.id} selected={form.hostOrganisationId === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div class="row">
        <Field id="minAge" label={s.t("eventMinAge")} errors={errors}>
          {(aria) => <input type="number" id="minAge" name="minAge" min={YOUNG_PERSON_MIN_AGE} max={YOUNG_PERSON_MAX_AGE} inputmode="numeric" value={form.minAge} {...aria} />}
        </Field>
        <Field id="maxAge" label={s.t("eventMaxAge")} errors={errors}>
          {(aria) => <input type="number" id="maxAge" name="maxAge" min={YOUNG_PERSON_MIN_AGE} max={YOUNG_PERSON_MAX_AGE} inputmode="numeric" value={form.maxAge} {...aria} />}
        </Field>
      </div>
      <Choices view={view} name="accessFeatures" legend={s.t("eventFeaturesLegend")} options={EVENT_FEATURES} table="accessNeeds" chosen={form.accessFeatures} errors={errors} />
      <Choices view={view} name="tags" legend={s.t("eventTagsLegend")} options={EVENT_TAGS} table="tags" chosen={form.tags} errors={errors} />
      {otherFeatures.map((f) => (
        <input type="hidden" name="accessFeatures" value={f} />
      ))}
      {otherTags.map((tag) => (
        <input type="hidden" name="tags" value={tag} />
      ))}
      <Check id="groupsAllowed" name="groupsAllowed" label={s.t("eventGroups")} checked={form.groupsAllowed} />
      <Field id="pupilsPerStaff" label={s.t("eventRatio")} errors={errors}>
        {(aria) => <input type="number" id="pupilsPerStaff" name="pupilsPerStaff" min="1" max="50" inputmode="numeric" value={form.pupilsPerStaff} {...aria} />}
      </Field>
      <Check id="waitlistEnabled" name="waitlistEnabled" label={s.t("eventWaitlist")} checked={form.waitlistEnabled} />
    </>
  );
}

export function EventChangePage({ view, event, form, errors }: { view: View; event: Event; form: EventForm; errors: FormErrors }) {
  const s = view.t;
  const name = pickLocalised(event.title, view.t.locale);
  return (
    <CoordinatorShell view={view} title={s.t("eventChangeTitle")} errors={errors}>
      <p>
        <a href={`/coordinator/events/${event.id}`}>
          <Localised text={name.text} lang={name.lang} />
        </a>
      </p>
      <ErrorSummary view={view} errors={errors} order={EVENT_ORDER} />
      <p>{s.t("eventChangeIntro")}</p>
      <form method="post" action={`/coordinator/events/${event.id}/change`} novalidate>
        <EventFields view={view} form={form} errors={errors} />
        <button class="button" type="submit">
          {s.t("saveChanges")}
        </button>
      </form>
    </CoordinatorShell>
  );
}
