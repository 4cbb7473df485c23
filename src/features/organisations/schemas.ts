// The organisations API's response shapes.
import { z } from "@hono/zod-openapi";
import { ORGANISATION_TYPES } from "../../db/schema";
import { Email, Line } from "../../lib/openapi";

export const Organisation = z
  .object({ id: z.string(), type: z.enum(ORGANISATION_TYPES), name: z.string(), contactEmail: z.string().nullable() })
  .openapi("Organisation");

export const ApiKeyInfo = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .openapi("ApiKeyInfo");

export const orgOut = (o: { id: string; type: (typeof ORGANISATION_TYPES)[number]; name: string; contactEmail: string | null }) => ({
  id: o.id,
  type: o.type,
  name: o.name,
  contactEmail: o.contactEmail,
});

/** The request bodies, shared by the API and the coordinators' pages. */
export const OrganisationCreate = z.object({ type: z.enum(ORGANISATION_TYPES), name: Line(120, 2), contactEmail: Email.optional() });
export const MemberCreate = z.object({ email: Email, displayName: Line(80, 1) });
export const ApiKeyCreate = z.object({ name: Line(80, 1) });
