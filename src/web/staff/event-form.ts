// The event form shared by "add an event" and "change this activity": what the coordinator
// typed, read back from a post, and turned into the fields of the API's own schemas.
import type { Event } from "../../features/catalogue/events";
import { int, str, type FieldMessages } from "./ui";
import { emptyTexts, localised, optionalLocalised, readTexts, textsOf, translationMessages, type Texts } from "./translations";
import { YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";

export interface EventForm {
  type: string;
  /** Per language: English is required, the other four optional. */
  title: Texts;
  description: Texts;
  whatToBring: Texts;
  hostOrganisationId: string;
  minAge: string;
  maxAge: string;
  groupsAllowed: boolean;
  pupilsPerStaff: string;
  waitlistEnabled: boolean;
  accessFeatures: string[];
  tags: string[];
}

export const emptyEventForm: EventForm = { type: "", title: emptyTexts(), description: emptyTexts(), whatToBring: emptyTexts(), hostOrganisationId: "", minAge: String(YOUNG_PERSON_MIN_AGE), maxAge: String(YOUNG_PERSON_MAX_AGE), groupsAllowed: false, pupilsPerStaff: "10", waitlistEnabled: true, accessFeatures: [], tags: [] };

export const EVENT_MESSAGES: FieldMessages = {
  ...translationMessages("title", "errTitle"),
  ...translationMessages("description", "errDesc"),
  ...translationMessages("whatToBring", "trErrWhatToBring"),
  type: "errType",
  hostOrganisationId: "errHost", minAge: "errAge", maxAge: "errAge", pupilsPerStaff: "errRatioField", accessFeatures: "errChoices", tags: "errChoices" };

const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(str).filter(Boolean);

/** A posted event form (checkbox groups arrive as repeated names: parse with `{ all: true }`). */
export function readEventForm(body: Record<string, unknown>): EventForm {
  return {
    type: str(body.type),
    title: readTexts(body, "title"),
    description: readTexts(body, "description"),
    whatToBring: readTexts(body, "whatToBring"),
    hostOrganisationId: str(body.hostOrganisationId),
    minAge: str(body.minAge),
    maxAge: str(body.maxAge),
    groupsAllowed: body.groupsAllowed === "1",
    pupilsPerStaff: str(body.pupilsPerStaff),
    waitlistEnabled: body.waitlistEnabled === "1",
    accessFeatures: list(body.accessFeatures),
    tags: list(body.tags),
  };
}

export const eventFormOf = (e: Event): EventForm => ({
  type: e.type,
  title: textsOf(e.title),
  description: textsOf(e.description),
  whatToBring: textsOf(e.whatToBring),
  hostOrganisationId: e.hostOrganisationId,
  minAge: String(e.minAge),
  maxAge: String(e.maxAge),
  groupsAllowed: e.groupsAllowed,
  pupilsPerStaff: String(e.pupilsPerStaff),
  waitlistEnabled: e.waitlistEnabled,
  accessFeatures: e.accessFeatures,
  tags: e.tags,
});

/** The fields both EventCreate and EventPatch take; each text replaces the whole per-language object (an emptied box removes that translation). */
export const eventValues = (form: EventForm) => ({
  type: form.type,
  title: localised(form.title),
  description: localised(form.description),
  whatToBring: optionalLocalised(form.whatToBring),
  minAge: int(form.minAge),
  maxAge: int(form.maxAge),
  groupsAllowed: form.groupsAllowed,
  pupilsPerStaff: int(form.pupilsPerStaff),
  waitlistEnabled: form.waitlistEnabled,
  accessFeatures: form.accessFeatures,
  tags: form.tags,
});
