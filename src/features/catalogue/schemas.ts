// Request and response shapes of the catalogue, and the mappers from rows to JSON.
import { z } from "@hono/zod-openapi";
import { EVENT_TYPES, LOCALES, type Locale, type venues } from "../../db/schema";
import { iso } from "../../lib/time";
import { Line, LocalisedTextOf, Text } from "../../lib/openapi";
import type { Event, Session } from "./events";
import { londonLocalString } from "../../lib/time";
import { YOUNG_PERSON_MAX_AGE, YOUNG_PERSON_MIN_AGE } from "../../rules/eligibility";
import { resolveText, seatsLeft } from "./shared";

/** UK postcode shape (not a lookup), normalised to upper case with one space: "rv1 2lb" → "RV1 2LB". */
export const Postcode = z
  .string()
  .max(16)
  .trim()
  .regex(/^(GIR\s*0AA|[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})$/, { message: "Enter a UK postcode like RV1 2LB" })
  .transform((v) => {
    const compact = v.replace(/\s+/g, "").toUpperCase();
    return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  })
  .openapi({ example: "RV1 2LB" });

export const LocalisedTextSchema = z
  .object({
    en: Text(2000, 1),
    pl: Text(2000, 1).optional(),
    ro: Text(2000, 1).optional(),
    uk: Text(2000, 1).optional(),
    ar: Text(2000, 1).optional(),
  })
  .strict()
  .openapi("LocalisedText", { description: "Text per locale; English is required", example: { en: "Write your first CV", pl: "Napisz swoje pierwsze CV" } });

const Slug = z
  .string()
  .max(40)
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]{1,40}$/, { message: "Use lower-case letters, digits and _ (e.g. send_friendly)" });

export const Lang = z.object({
  lang: z.enum(LOCALES).optional().openapi({ description: "Adds titleText/descriptionText in this language (falling back to English)" }),
});

export const Page = z.object({
  cursor: z.string().max(200).optional().openapi({ description: "From `nextCursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- venues

export const VenueTransportText = LocalisedTextOf(1000, "VenueTransport", "How to get there by bus, train or on foot");
export const VenueDirectionsText = LocalisedTextOf(1000, "VenueDirections", "Finding the way in: which door, which floor, who to ask", 1);

export const VenueCreate = z
  .object({
    name: Line(120, 2),
    address: Text(300, 3),
    postcode: Postcode,
    organisationId: z.string().max(64).nullable().optional().openapi({ description: "Owning organisation. Required unless you are a coordinator." }),
    stepFree: z.boolean().optional(),
    accessibleToilet: z.boolean().optional(),
    hearingLoop: z.boolean().optional(),
    quietRoom: z.boolean().optional(),
    disabledParking: z.boolean().optional(),
    publicTransport: VenueTransportText.optional(),
    directions: VenueDirectionsText.nullable().optional(),
    holdsSeveralSessions: z.boolean().optional().openapi({ description: "The venue can hold overlapping sessions (separate rooms or a partitioned hall). Otherwise a session overlapping another at this venue is refused (rule 16)." }),
  })
  .openapi("VenueCreate");

/** What a venue's owner or a coordinator may change (not who owns it). */
export const VenuePatchBody = VenueCreate.omit({ organisationId: true }).partial().openapi("VenuePatch");

export const VenueSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    postcode: z.string(),
    organisationId: z.string().nullable(),
    stepFree: z.boolean(),
    accessibleToilet: z.boolean(),
    hearingLoop: z.boolean(),
    quietRoom: z.boolean(),
    disabledParking: z.boolean(),
    publicTransport: VenueTransportText,
    directions: VenueDirectionsText.nullable(),
    holdsSeveralSessions: z.boolean(),
  })
  .openapi("Venue");

export const venueOut = (v: typeof venues.$inferSelect): z.infer<typeof VenueSchema> => ({
  id: v.id,
  name: v.name,
  address: v.address,
  postcode: v.postcode,
  organisationId: v.organisationId,
  stepFree: v.stepFree,
  accessibleToilet: v.accessibleToilet,
  hearingLoop: v.hearingLoop,
  quietRoom: v.quietRoom,
  disabledParking: v.disabledParking,
  publicTransport: v.publicTransport,
  directions: v.directions,
  holdsSeveralSessions: v.holdsSeveralSessions,
});

/** An event's title per locale: one line each, so no control or text-direction characters (it becomes an email Subject). */
export const LocalisedTitleSchema = z
  .object({
    en: Line(2000, 1),
    pl: Line(2000, 1).optional(),
    ro: Line(2000, 1).optional(),
    uk: Line(2000, 1).optional(),
    ar: Line(2000, 1).optional(),
  })
  .strict()
  .openapi("LocalisedTitle", { description: "A title per locale; English is required", example: { en: "Write your first CV", pl: "Napisz swoje pierwsze CV" } });

// ---- events

const Age = z.number().int().min(YOUNG_PERSON_MIN_AGE).max(YOUNG_PERSON_MAX_AGE);
const eventFields = {
  type: z.enum(EVENT_TYPES),
  title: LocalisedTitleSchema,
  description: LocalisedTextSchema,
  whatToBring: LocalisedTextSchema.nullable().optional(),
  minAge: Age.optional(),
  maxAge: Age.optional(),
  tags: z.array(Slug).max(20).optional().openapi({ example: ["women_in_trades", "send_friendly"] }),
  accessFeatures: z.array(Slug).max(20).optional().openapi({ example: ["bsl", "easy_read", "sensory_friendly"] }),
  groupsAllowed: z.boolean().optional(),
  pupilsPerStaff: z.number().int().min(1).max(50).optional(),
  waitlistEnabled: z.boolean().optional(),
  consentAge: z.number().int().min(YOUNG_PERSON_MIN_AGE).max(18).optional(),
};

export const EventCreate = z.object({ ...eventFields, hostOrganisationId: z.string().min(1).max(64) }).openapi("EventCreate");
export const EventPatch = z
  .object({ ...eventFields, type: eventFields.type.optional(), title: LocalisedTitleSchema.optional(), description: LocalisedTextSchema.optional() })
  .strict()
  .openapi("EventPatch", { description: "Only the fields you send change. title/description replace the whole per-locale object." });

export const SessionSummary = z
  .object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    startsAtLocal: z.string().openapi({ description: "Europe/London wall time", example: "2026-03-02T10:00" }),
    endsAtLocal: z.string(),
    venueId: z.string().nullable(),
    online: z.boolean(),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    status: z.enum(["scheduled", "cancelled"]),
    seriesId: z.string().nullable(),
  })
  .openapi("SessionSummary");

export const sessionSummaryOut = (s: Session): z.infer<typeof SessionSummary> => ({
  id: s.id,
  startsAt: iso(s.startsAt),
  endsAt: iso(s.endsAt),
  startsAtLocal: londonLocalString(s.startsAt),
  endsAtLocal: londonLocalString(s.endsAt),
  venueId: s.venueId,
  online: s.onlineUrl !== null,
  capacity: s.capacity,
  seatsLeft: seatsLeft(s),
  status: s.status,
  seriesId: s.seriesId,
});

export const EventSchema = z
  .object({
    id: z.string(),
    type: z.enum(EVENT_TYPES),
    title: LocalisedTextSchema,
    description: LocalisedTextSchema,
    titleText: z.string().optional(),
    descriptionText: z.string().optional(),
    whatToBring: LocalisedTextSchema.nullable(),
    hostOrganisationId: z.string(),
    minAge: z.number().int(),
    maxAge: z.number().int(),
    tags: z.array(z.string()),
    accessFeatures: z.array(z.string()),
    groupsAllowed: z.boolean(),
    pupilsPerStaff: z.number().int(),
    waitlistEnabled: z.boolean(),
    consentAge: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi("Event");

export function eventOut(e: Event, lang?: Locale): z.infer<typeof EventSchema> {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    description: e.description,
    ...(lang ? { titleText: resolveText(e.title, lang), descriptionText: resolveText(e.description, lang) } : {}),
    whatToBring: e.whatToBring ?? null,
    hostOrganisationId: e.hostOrganisationId,
    minAge: e.minAge,
    maxAge: e.maxAge,
    tags: e.tags,
    accessFeatures: e.accessFeatures,
    groupsAllowed: e.groupsAllowed,
    pupilsPerStaff: e.pupilsPerStaff,
    waitlistEnabled: e.waitlistEnabled,
    consentAge: e.consentAge,
    updatedAt: iso(e.updatedAt),
  };
}
