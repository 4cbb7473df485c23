// The sign-in and profile API's request and response shapes.
import { z } from "@hono/zod-openapi";
import { LOCALES } from "../../db/schema";

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
