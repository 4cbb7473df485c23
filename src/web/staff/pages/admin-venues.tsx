// Venues with their access facts: the list, "add a venue" and "change this venue".
import type { Venue } from "../../../features/catalogue/venues";
import { venueAccess } from "../../../i18n";
import type { View } from "../../view";
import { ErrorSummary, Field, Notice, type FormErrors } from "../ui";
import { CoordinatorShell } from "./coordinator-shell";
import { Check } from "./event-form";
import { TranslationFieldsets, type TextField } from "./translation-fields";
import { emptyTexts, textsOf, type Texts } from "../translations";

const VENUE_TEXTS: TextField[] = [
  { name: "publicTransport", label: "admVenueTransport", maxlength: 1000, rows: 3 },
  { name: "directions", label: "trDirections", maxlength: 1000, rows: 2 },
];

export const VENUE_FLAGS = ["stepFree", "accessibleToilet", "hearingLoop", "quietRoom", "disabledParking"] as const;
const FLAG_LABELS = { stepFree: "step_free", accessibleToilet: "accessible_toilet", hearingLoop: "hearing_loop", quietRoom: "quiet_room", disabledParking: "disabled_parking" } as const;
export const VENUE_ORDER = ["name", "address", "postcode", "organisationId", "publicTransport", "directions", ...["publicTransport", "directions"].flatMap((f) => ["pl", "ro", "uk", "ar"].map((l) => `${f}_${l}`))];

export interface VenueForm {
  name: string;
  address: string;
  postcode: string;
  organisationId: string;
  /** Per language, English first: how to get there, and the way in once there. */
  publicTransport: Texts;
  directions: Texts;
  flags: Record<(typeof VENUE_FLAGS)[number], boolean>;
  holdsSeveralSessions: boolean;
}
export const emptyVenueForm: VenueForm = { name: "", address: "", postcode: "", organisationId: "", publicTransport: emptyTexts(), directions: emptyTexts(), flags: { stepFree: false, accessibleToilet: false, hearingLoop: false, quietRoom: false, disabledParking: false }, holdsSeveralSessions: false };
export const venueFormOf = (v: Venue): VenueForm => ({
  name: v.name,
  address: v.address,
  postcode: v.postcode,
  organisationId: v.organisationId ?? "",
  publicTransport: textsOf(v.publicTransport),
  directions: textsOf(v.directions),
  flags: { stepFree: v.stepFree, accessibleToilet: v.accessibleToilet, hearingLoop: v.hearingLoop, quietRoom: v.quietRoom, disabledParking: v.disabledParking },
  holdsSeveralSessions: v.holdsSeveralSessions,
});

function VenueFields({ view, form, errors, owners }: { view: View; form: VenueForm; errors: FormErrors; owners?: { id: string; name: string }[] }) {
  const s = view.t;
  return (
    <>
      <Field id="name" label={s.t("admVenueName")} errors={errors}>
        {(aria) => <input type="text" id="name" name="name" maxlength={120} value={form.name} {...aria} />}
      </Field>
      <Field id="address" label={s.t("admVenueAddress")} errors={errors}>
        {(aria) => (
          <textarea id="address" name="address" rows={3} maxlength={300} {...aria}>
            {form.address}
          </textarea>
        )}
      </Field>
      <Field id="postcode" label={s.t("admVenuePostcode")} errors={errors}>
        {(aria) => <input type="text" id="postcode" name="postcode" autocomplete="postal-code" maxlength={10} dir="ltr" value={form.postcode} {...aria} />}
      </Field>
      {owners && (
        <Field id="organisationId" label={s.t("admVenueOwner")} errors={errors}>
          {(aria) => (
            <select id="organisationId" name="organisationId" {...aria}>
              <option value="">{s.t("admVenueOwnerNone")}</option>
              {owners.map((o) => (
                <option value={o.id} selected={form.organisationId === o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <fieldset>
        <legend>{s.t("admVenueAccess")}</legend>
        {VENUE_FLAGS.map((f) => (
          <Check id={f} name={f} label={s.label("accessNeeds", FLAG_LABELS[f])} checked={form.flags[f]} />
        ))}
      </fieldset>
      <Check id="holdsSeveralSessions" name="holdsSeveralSessions" label={s.t("admVenueSeveral")} checked={form.holdsSeveralSessions} />
      <Field id="publicTransport" label={s.t("trTransportEn")} errors={errors}>
        {(aria) => (
          <textarea id="publicTransport" name="publicTransport" lang="en" dir="ltr" rows={3} maxlength={1000} {...aria}>
            {form.publicTransport.en}
          </textarea>
        )}
      </Field>
      <Field id="directions" label={s.t("trDirectionsEn")} errors={errors}>
        {(aria) => (
          <textarea id="directions" name="directions" lang="en" dir="ltr" rows={2} maxlength={1000} {...aria}>
            {form.directions.en}
          </textarea>
        )}
      </Field>
      <TranslationFieldsets view={view} fields={VENUE_TEXTS} values={{ publicTransport: form.publicTransport, directions: form.directions }} errors={errors} />
    </>
  );
}

export function VenuesPage({ view, venues, owners, form, errors, done }: { view: View; venues: Venue[]; owners: { id: string; name: string }[]; form: VenueForm; errors: FormErrors; done?: string }) {
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("admVenues")} errors={errors}>
      {done && <Notice>{done}</Notice>}
      <p>{s.t("admVenuesIntro")}</p>
      {venues.length === 0 ? (
        <p>{s.t("admVenuesNone")}</p>
      ) : (
        <ul class="cards">
          {venues.map((v) => {
            const access = venueAccess(s, v);
            return (
              <li class="card">
                <h2>{v.name}</h2>
                <p>{`${v.address}, ${v.postcode}`}</p>
                {access.has.length > 0 && <p>{s.t("admVenueHas", { list: access.has.join(", ") })}</p>}
                {access.lacks.length > 0 && <p>{s.t("admVenueLacks", { list: access.lacks.join(", ") })}</p>}
                <p>
                  <a href={`/coordinator/venues/${v.id}`}>{s.t("admVenueEdit", { name: v.name })}</a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <h2 id="add">{s.t("admVenueAdd")}</h2>
      <ErrorSummary view={view} errors={errors} order={VENUE_ORDER} />
      <form method="post" action="/coordinator/venues" novalidate>
        <VenueFields view={view} form={form} errors={errors} owners={owners} />
        <button class="button" type="submit">
          {s.t("admVenueSave")}
        </button>
      </form>
    </CoordinatorShell>
  );
}

export function VenueEditPage({ view, venue, form, errors, done }: { view: View; venue: Venue; form: VenueForm; errors: FormErrors; done?: string }) {
  const s = view.t;
  return (
    <CoordinatorShell view={view} title={s.t("admVenueEdit", { name: venue.name })} errors={errors}>
      {done && <Notice>{done}</Notice>}
      <p>
        <a href="/coordinator/venues">{s.t("admVenues")}</a>
      </p>
      <ErrorSummary view={view} errors={errors} order={VENUE_ORDER} />
      <form method="post" action={`/coordinator/venues/${venue.id}`} novalidate>
        <VenueFields view={view} form={form} errors={errors} />
        <button class="button" type="submit">
          {s.t("saveChanges")}
        </button>
      </form>
    </CoordinatorShell>
  );
}
