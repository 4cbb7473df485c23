// The organisations API's response shapes.
import { z } from "@hono/zod-openapi";
import { ORGANISATION_TYPES } from "../../db/schema";

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
