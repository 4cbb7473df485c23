// The event form shared by "add an event" and "change this activity": what the coordinator
// typed, read back from a post, and turned into the fields of the API's own schemas.
import type { Event } from "../../features/catalogue/events";
import { int, str, type FieldMessages } from "./ui";
import { YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";

export interface EventForm {
  type: string;
  title: string;
  description: string;
  hostOrganisationId: string;
  minAge: string;
  maxAge: string;
  groupsAllowed: boolean;
  pupilsPerStaff: string;
  waitlistEnabled: boolean;
  accessFeatures: string[];
  tags: string[];
}

export const emptyEventForm: EventForm = { type: "", title: "", description: "", hostOrganisationId: "", minAge: String(YOUNG_PERSON_MIN_AGE), maxAge: String(YOUNG_PERSON_MAX_AGE), groupsAllowed: false, pupilsPerStaff: "10", waitlistEnabled: true, accessFeatures: [], tags: [] };

export const EVENT_MESSAGES: FieldMessages = { type: "errType", title: "errTitle", description: "errDesc", hostOrganisationId: "errHost", minAge: "errAge", maxAge: "errAge", pupilsPerStaff: "errRatioField", accessFeatures: "errChoices", tags: "errChoices" };

const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(str).filter(Boolean);

/** A posted event form (checkbox groups arrive as repeated names: parse with `{ all: true }`). */
export function readEventForm(body: Record<string, unknown>): EventForm {
  return {
    type: str(body.type),
    title: str(body.title),
    description: str(body.description),
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
  title: e.title.en ?? "",
  description: e.description.en ?? "",
  hostOrganisationId: e.hostOrganisationId,
  minAge: String(e.minAge),
  maxAge: String(e.maxAge),
  groupsAllowed: e.groupsAllowed,
  pupilsPerStaff: String(e.pupilsPerStaff),
  waitlistEnabled: e.waitlistEnabled,
  accessFeatures: e.accessFeatures,
  tags: e.tags,
});

/** The fields both EventCreate and EventPatch take; the form's English text goes in as `en`. */
export const eventValues = (form: EventForm) => ({
  type: form.type,
  title: { en: form.title },
  description: { en: form.description },
  minAge: int(form.minAge),
  maxAge: int(form.maxAge),
  groupsAllowed: form.groupsAllowed,
  pupilsPerStaff: int(form.pupilsPerStaff),
  waitlistEnabled: form.waitlistEnabled,
  accessFeatures: form.accessFeatures,
  tags: form.tags,
});
