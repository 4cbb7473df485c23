// Request and response shapes of the directory, and the mapper from a row to JSON.
import { z } from "@hono/zod-openapi";
import {
  DIRECTORY_ACCESS_METHODS,
  DIRECTORY_AUDIENCES,
  DIRECTORY_PICTOGRAMS,
  LOCALES,
  type directoryChanges,
  type directoryServices,
} from "../../db/schema";
import { Email, Text } from "../../lib/openapi";
import { iso, isoOrNull } from "../../lib/time";
import { LocalisedTextSchema, VenueDirectionsText, VenueTransportText } from "../catalogue/schemas";
import { isOpenAt, nextOpening, periodIsValid } from "./opening-hours";

export type DirectoryService = typeof directoryServices.$inferSelect;
export type DirectoryChange = typeof directoryChanges.$inferSelect;

const Hhmm = z.string().max(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use 24-hour HH:MM, e.g. 09:30" }).openapi({ example: "09:30" });
export const OpeningPeriodSchema = z
  .object({
    day: z.number().int().min(1).max(7).openapi({ description: "ISO weekday: 1 = Monday … 7 = Sunday" }),
    opens: Hhmm,
    closes: Hhmm,
  })
  .refine(periodIsValid, { message: "closes must be after opens on the same day", path: ["closes"] })
  .openapi("OpeningPeriod", { description: "London wall-clock time, the same in GMT and BST", example: { day: 2, opens: "10:00", closes: "14:00" } });

const LanguageCode = z
  .string()
  .max(12)
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, { message: "Use a language code such as pl, ar or so" })
  .openapi({ example: "pl" });
const Url = z.url({ protocol: /^https?$/ }).max(500);
const Phone = z
  .string()
  .max(40)
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, { message: "Enter a phone number like 0300 123 4567" })
  .openapi({ example: "0300 123 4567" });
const Age = z.number().int().min(0).max(120);

/** Every field of a service; a new one needs the first five, an edit any of them. */
const serviceFields = {
  organisationId: z.string().min(1).max(64).openapi({ description: "The organisation that runs it" }),
  categoryId: z.string().min(1).max(40).openapi({ example: "food" }),
  name: LocalisedTextSchema,
  description: LocalisedTextSchema.openapi({ description: "Plain words: what it is and what happens when you go" }),
  audiences: z.array(z.enum(DIRECTORY_AUDIENCES)).max(DIRECTORY_AUDIENCES.length).optional(),
  minAge: Age.nullable().optional(),
  maxAge: Age.nullable().optional(),
  accessMethods: z.array(z.enum(DIRECTORY_ACCESS_METHODS)).max(DIRECTORY_ACCESS_METHODS.length).optional(),
  hours: z.array(OpeningPeriodSchema).max(28).optional(),
  venueId: z.string().min(1).max(64).nullable().optional(),
  onlineUrl: Url.nullable().optional(),
  byPhone: z.boolean().optional(),
  contactPhone: Phone.nullable().optional(),
  contactEmail: Email.nullable().optional(),
  website: Url.nullable().optional(),
  languages: z.array(LanguageCode).min(1).max(30).optional().openapi({ example: ["en", "pl", "ar"] }),
  free: z.boolean().optional(),
  costNote: LocalisedTextSchema.nullable().optional(),
};

export const ServiceCreate = z.object(serviceFields).strict().openapi("DirectoryServiceCreate");
export const ServicePatch = z
  .object({
    ...serviceFields,
    organisationId: serviceFields.organisationId.optional(),
    categoryId: serviceFields.categoryId.optional(),
    name: serviceFields.name.optional(),
    description: serviceFields.description.optional(),
    withdrawn: z.boolean().optional().openapi({ description: "Take it out of the public directory (it stays on file)" }),
  })
  .strict()
  .openapi("DirectoryServicePatch", { description: "Only the fields you send change" });
export type ServiceInput = z.infer<typeof ServiceCreate>;
export type ServiceChanges = z.infer<typeof ServicePatch>;

export const ServiceFilters = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.string().max(40).optional(),
  language: LanguageCode.optional().openapi({ description: "A language spoken there" }),
  openNow: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
  stepFree: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
  free: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
  venue: z.string().max(64).optional(),
  lang: z.enum(LOCALES).optional(),
});
export type ServiceFilter = Partial<Omit<z.infer<typeof ServiceFilters>, "lang">>;

export const ServiceSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    categoryId: z.string(),
    name: LocalisedTextSchema,
    description: LocalisedTextSchema,
    audiences: z.array(z.enum(DIRECTORY_AUDIENCES)),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    accessMethods: z.array(z.enum(DIRECTORY_ACCESS_METHODS)),
    hours: z.array(OpeningPeriodSchema),
    openNow: z.boolean(),
    nextOpens: z.object({ day: z.number().int(), opens: z.string(), at: z.string() }).nullable(),
    venue: z
      .object({
        id: z.string(),
        name: z.string(),
        address: z.string(),
        postcode: z.string(),
        stepFree: z.boolean(),
        accessibleToilet: z.boolean(),
        hearingLoop: z.boolean(),
        quietRoom: z.boolean(),
        disabledParking: z.boolean(),
        publicTransport: VenueTransportText,
        directions: VenueDirectionsText.nullable(),
      })
      .nullable(),
    onlineUrl: z.string().nullable(),
    byPhone: z.boolean(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    website: z.string().nullable(),
    languages: z.array(z.string()),
    free: z.boolean(),
    costNote: LocalisedTextSchema.nullable(),
    lastCheckedOn: z.string(),
    withdrawn: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi("DirectoryService");

export const ChangeSchema = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    organisationId: z.string(),
    kind: z.enum(["create", "update"]),
    proposal: z.record(z.string(), z.unknown()),
    status: z.enum(["pending", "approved", "rejected"]),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("DirectoryChange");

export const CategorySchema = z
  .object({ id: z.string(), name: LocalisedTextSchema.nullable(), pictogram: z.enum(DIRECTORY_PICTOGRAMS), builtIn: z.boolean() })
  .openapi("DirectoryCategory", { description: "Built-in categories have name null: their words are in the site's catalogue" });
export const CategoryCreate = z
  .object({
    id: z
      .string()
      .max(60)
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: "Use lower-case letters, digits and _ (e.g. legal_advice)" })
      .openapi({ example: "legal_advice" }),
    name: LocalisedTextSchema,
    pictogram: z.enum(DIRECTORY_PICTOGRAMS).optional(),
  })
  .strict()
  .openapi("DirectoryCategoryCreate");

export const changeOut = (c: DirectoryChange): z.infer<typeof ChangeSchema> => ({
  id: c.id,
  serviceId: c.serviceId,
  organisationId: c.organisationId,
  kind: c.kind,
  proposal: c.proposal,
  status: c.status,
  createdAt: iso(c.createdAt),
  decidedAt: isoOrNull(c.decidedAt),
});

type VenueFacts = NonNullable<z.infer<typeof ServiceSchema>["venue"]>;
export interface ServiceWithPlace {
  service: DirectoryService;
  organisationName: string;
  venue: (VenueFacts & Record<string, unknown>) | null;
}

export const serviceOut = ({ service: s, organisationName, venue }: ServiceWithPlace, now: number): z.infer<typeof ServiceSchema> => {
  const next = nextOpening(s.hours, now);
  return {
    id: s.id,
    organisationId: s.organisationId,
    organisationName,
    categoryId: s.categoryId,
    name: s.name,
    description: s.description,
    audiences: s.audiences,
    minAge: s.minAge,
    maxAge: s.maxAge,
    accessMethods: s.accessMethods,
    hours: s.hours,
    openNow: isOpenAt(s.hours, now),
    nextOpens: next ? { day: next.day, opens: next.opens, at: iso(next.at) } : null,
    venue: venue
      ? {
          id: venue.id,
          name: venue.name,
          address: venue.address,
          postcode: venue.postcode,
          stepFree: venue.stepFree,
          accessibleToilet: venue.accessibleToilet,
          hearingLoop: venue.hearingLoop,
          quietRoom: venue.quietRoom,
          disabledParking: venue.disabledParking,
          publicTransport: venue.publicTransport,
          directions: venue.directions,
        }
      : null,
    onlineUrl: s.onlineUrl,
    byPhone: s.byPhone,
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    website: s.website,
    languages: s.languages,
    free: s.free,
    costNote: s.costNote,
    lastCheckedOn: s.lastCheckedOn,
    withdrawn: s.withdrawn,
    updatedAt: iso(s.updatedAt),
  };
};
