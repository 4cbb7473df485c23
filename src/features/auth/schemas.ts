// The sign-in and profile API's request and response shapes.
import { z } from "@hono/zod-openapi";
import { LOCALES } from "../../db/schema";
import { Email, Line, Text } from "../../lib/openapi";

export const Accepted = z.object({ message: z.string() }).openapi("Accepted");

export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    dateOfBirth: z.string().nullable(),
    locale: z.enum(LOCALES),
    roles: z.array(z.enum(["young_person", "coordinator", "organisation_staff"])),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  })
  .openapi("Me");

export const DateOfBirth = z.iso.date({ message: "Use the format YYYY-MM-DD" }).max(10);

/**
 * Joining as a young person, on both doors (POST /api/v1/young-people and the /join page):
 * only what the rules need (ICO Children's code). School and access needs are optional; a
 * parent's email is asked for only when the date of birth makes the person under 13, and is
 * not kept otherwise.
 */
export const JoinRequest = z.object({
  email: Email,
  displayName: Line(60, 1).describe("First name, or what you'd like to be called"),
  dateOfBirth: DateOfBirth,
  locale: z.enum(LOCALES).default("en"),
  school: Line(100).optional().describe("Optional: the school or college you go to"),
  accessNeeds: Text(500).optional().describe("Optional: access needs you want us to remember, offered again on every booking form"),
  parentEmail: Email.optional().describe("Only for people under 13: a parent or carer confirms the account by a link sent here"),
});
export type JoinInput = z.infer<typeof JoinRequest>;

/** Corrections to your details (PATCH /api/v1/me and /my/details): any of the four. */
export const ProfileRequest = z
  .object({
    displayName: Line(60, 1).optional(),
    dateOfBirth: DateOfBirth.optional(),
    email: Email.optional().describe("Changes only once the link sent to this address is used"),
    locale: z.enum(LOCALES).optional(),
  })
  .openapi("ProfileChange");

export const MeUpdated = MeSchema.extend({
  pendingEmail: z.string().nullable().describe("A new email waiting for its link, if any"),
  flaggedBookings: z.number().int().describe("Upcoming bookings the new date of birth puts outside their event's age range, flagged to coordinators"),
}).openapi("MeUpdated");
