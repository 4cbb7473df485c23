import type { organisations } from "../../../db/schema";
import type { Mentor } from "../../../features/mentoring/mentors";
import type { Slot } from "../../../features/mentoring/slots";
import { dbsProblemOn } from "../../../rules/safeguarding";
import { londonDate } from "../../../lib/time";
import { formatDay, formatWhen, isoInstant } from "../../format";
import { Layout } from "../../layout";
import type { View } from "../../view";
import type { Translator } from "../../../i18n";
import { ErrorSummary, Field, hasErrors, Notice, str, VenueField, type FormErrors, type WhenForm } from "../ui";
import { emptyTexts, type Texts } from "../translations";
import { TranslationFieldsets } from "./translation-fields";

type Org = typeof organisations.$inferSelect;

export interface MentorForm {
  displayName: string;
  email: string;
  sector: string;
  /** Per language: the mentor's own words, English first. */
  bio: Texts;
  languages: string;
}
export const emptyMentorForm: MentorForm = { displayName: "", email: "", sector: "", bio: emptyTexts(), languages: "en" };

/** Online with a link or in person at a venue, as typed: the same on the add and change forms. */
export interface SlotPlace {
  mode: string;
  meetingUrl: string;
  venueId: string;
}
export const readSlotPlace = (body: Record<string, unknown>): SlotPlace => ({ mode: str(body.mode), meetingUrl: str(body.meetingUrl).trim(), venueId: str(body.venueId) });

export type SlotForm = SlotPlace & WhenForm;
export const emptySlotForm: SlotForm = { mode: "online", meetingUrl: "", venueId: "", start: "", durationMinutes: "45", weeks: "1" };

const titled = (view: View, errors: FormErrors, title: string) => (hasErrors(errors) ? `${view.t.t("errorSummaryTitle")}: ${title}` : title);

/** The DBS status as of today: read-only here, since only coordinators record checks. */
function dbsText(s: Translator, view: View, m: Mentor) {
  const problem = dbsProblemOn(m, londonDate(view.now));
  const day = (d: string | null) => (d ? formatDay(Date.parse(`${d}T12:00:00Z`), view.t.locale, view.now) : "");
  if (problem === "dbs_revoked") return s.t("dbsRevoked");
  if (problem === "dbs_expired") return s.t("dbsExpired", { date: day(m.dbsExpiresOn) });
  if (problem === "dbs_missing") return s.t("dbsMissing");
  return s.t("dbsVerified", { date: day(m.dbsExpiresOn) });
}

export function EmployerPage(props: { view: View; org: Org; mentors: Mentor[]; form: MentorForm; errors: FormErrors; done?: string }) {
  const { view, org, mentors, form, errors, done } = props;
  const s = view.t;
  const title = s.t("employerTitle", { name: org.name });
  return (
    <Layout view={view} title={titled(view, errors, title)}>
      <p>
        <a href="/staff">{s.t("staffBack")}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <a href={`/host/${org.id}/offers`}>{s.t("tbOffersLink")}</a>
      </p>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["displayName", "email", "sector", "bio", "languages"]} />
      <h2 id="mentors">{s.t("mentorsHeading")}</h2>
      <p class="hint">{s.t("mentorDbsHint")}</p>
      {mentors.length === 0 ? (
        <p>{s.t("mentorsNone")}</p>
      ) : (
        <ul class="cards" aria-labelledby="mentors">
          {mentors.map((m) => (
            <li class="card">
              <h3>{m.displayName}</h3>
              <dl class="facts">
                <dt>{s.t("mentorSector")}</dt>
                <dd>{m.sector}</dd>
                <dt>{s.t("mentorDbs")}</dt>
                <dd class="status">{dbsText(s, view, m)}</dd>
              </dl>
              <p>
                <a href={`/employers/${org.id}/mentors/${m.id}`}>{s.t("mentorSlotsLink", { name: m.displayName })}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 id="add-mentor">{s.t("mentorAddHeading")}</h2>
      <form method="post" action={`/employers/${org.id}/mentors`} novalidate aria-labelledby="add-mentor">
        <Field id="displayName" label={s.t("mentorName")} errors={errors}>
          {(aria) => <input type="text" id="displayName" name="displayName" maxlength={80} value={form.displayName} {...aria} />}
        </Field>
        <Field id="email" label={s.t("mentorEmail")} errors={errors}>
          {(aria) => <input type="email" id="email" name="email" autocomplete="off" spellcheck={false} dir="ltr" value={form.email} {...aria} />}
        </Field>
        <Field id="sector" label={s.t("mentorSector")} hint={s.t("mentorSectorHint")} errors={errors}>
          {(aria) => <input type="text" id="sector" name="sector" maxlength={60} value={form.sector} {...aria} />}
        </Field>
        <Field id="bio" label={s.t("trBioEn")} errors={errors}>
          {(aria) => (
            <textarea id="bio" name="bio" lang="en" dir="ltr" rows={3} maxlength={500} {...aria}>
              {form.bio.en}
            </textarea>
          )}
        </Field>
        <TranslationFieldsets view={view} fields={[{ name: "bio", label: "trBio", maxlength: 500, rows: 3 }]} values={{ bio: form.bio }} errors={errors} />
        <Field id="languages" label={s.t("mentorLanguages")} hint={s.t("mentorLanguagesHint")} errors={errors}>
          {(aria) => <input type="text" id="languages" name="languages" dir="ltr" value={form.languages} {...aria} />}
        </Field>
        <button class="button" type="submit">
          {s.t("mentorAddButton")}
        </button>
      </form>
    </Layout>
  );
}

type SlotRow = { slot: Slot; bookingId: string | null };

export function MentorSlotsPage(props: { view: View; org: Org; mentor: Mentor; slots: SlotRow[]; venues: { id: string; name: string }[]; form: SlotForm; errors: FormErrors; done?: string }) {
  const { view, org, mentor, slots, venues, form, errors, done } = props;
  const { t } = view;
  const s = view.t;
  const title = s.t("slotsTitle", { name: mentor.displayName });
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const status = { open: s.t("slotFree"), booked: s.t("slotBooked"), withdrawn: s.t("slotWithdrawn") };
  const upcoming = slots.filter((r) => r.slot.endsAt > view.now);
  return (
    <Layout view={view} title={titled(view, errors, title)}>
      <p>
        <a href={`/employers/${org.id}`}>{s.t("employerTitle", { name: org.name })}</a>
      </p>
      <h1>{title}</h1>
      {done && <Notice>{done}</Notice>}
      <ErrorSummary view={view} errors={errors} order={["mode", "meetingUrl", "venueId", "start", "durationMinutes", "weeks"]} />
      <p>
        {s.t("mentorDbs")}: <strong>{dbsText(s, view, mentor)}</strong>
      </p>
      {upcoming.length === 0 ? (
        <p>{s.t("slotsNone")}</p>
      ) : (
        <ul class="cards">
          {upcoming.map(({ slot }) => (
            <li class="card">
              <p>
                <time datetime={isoInstant(slot.startsAt)}>{formatWhen(slot.startsAt, slot.endsAt, t, view.now)}</time>
              </p>
              <p>{slot.mode === "online" ? s.t("online") : s.t("slotInPerson", { venue: venueName.get(slot.venueId ?? "") ?? "" })}</p>
              <p class="status">{status[slot.status]}</p>
              {slot.status !== "withdrawn" && slot.startsAt > view.now && (
                <div class="actions">
                  <a href={`/employers/${org.id}/slots/${slot.id}`}>{s.t("slotChangeLink")}</a>
                  <form method="post" action={`/employers/${org.id}/slots/${slot.id}/withdraw`}>
                    <button class="button secondary" type="submit">
                      {s.t("slotWithdraw")}
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 id="add-slot">{s.t("slotAddHeading")}</h2>
      <form method="post" action={`/employers/${org.id}/mentors/${mentor.id}/slots`} novalidate aria-labelledby="add-slot">
        <SlotPlaceFields view={view} form={form} venues={venues} errors={errors} />
        <WhenFields view={view} form={form} errors={errors} minMinutes={15} maxMinutes={240} />
        <button class="button" type="submit">
          {s.t("slotAddButton")}
        </button>
      </form>
    </Layout>
  );
}

/** Online with a link, or in person at a registered venue (never a typed address). */
export function SlotPlaceFields({ view, form, venues, errors }: { view: View; form: SlotPlace; venues: { id: string; name: string }[]; errors: FormErrors }) {
  const s = view.t;
  return (
    <>
      <fieldset>
        <legend>{s.t("where")}</legend>
        <div class="check">
          <input type="radio" id="mode" name="mode" value="online" checked={form.mode !== "in_person"} />
          <label for="mode">{s.t("online")}</label>
        </div>
        <div class="check">
          <input type="radio" id="mode-in-person" name="mode" value="in_person" checked={form.mode === "in_person"} />
          <label for="mode-in-person">{s.t("slotModeInPerson")}</label>
        </div>
      </fieldset>
      <Field id="meetingUrl" label={s.t("slotUrl")} hint={s.t("slotUrlHint")} errors={errors}>
        {(aria) => <input type="url" id="meetingUrl" name="meetingUrl" dir="ltr" value={form.meetingUrl} {...aria} />}
      </Field>
      <VenueField label={s.t("slotVenue")} noneLabel={s.t("slotVenueNone")} venues={venues} selected={form.venueId} errors={errors} />
    </>
  );
}

/** Start, length and number of weeks: one time, or the same time every week. */
export function WhenFields({ view, form, errors, minMinutes, maxMinutes }: { view: View; form: { start: string; durationMinutes: string; weeks: string }; errors: FormErrors; minMinutes: number; maxMinutes: number }) {
  const s = view.t;
  return (
    <>
      <Field id="start" label={s.t("startLabel")} hint={s.t("startHint")} errors={errors}>
        {(aria) => <input type="datetime-local" id="start" name="start" value={form.start} {...aria} />}
      </Field>
      <div class="row">
        <Field id="durationMinutes" label={s.t("durationLabel")} errors={errors}>
          {(aria) => <input type="number" id="durationMinutes" name="durationMinutes" min={String(minMinutes)} max={String(maxMinutes)} inputmode="numeric" value={form.durationMinutes} {...aria} />}
        </Field>
        <Field id="weeks" label={s.t("weeksLabel")} hint={s.t("weeksHint")} errors={errors}>
          {(aria) => <input type="number" id="weeks" name="weeks" min="1" max="52" inputmode="numeric" value={form.weeks} {...aria} />}
        </Field>
      </div>
    </>
  );
}
