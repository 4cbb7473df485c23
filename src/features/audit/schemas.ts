// The audit API's response shape.
import { z } from "@hono/zod-openapi";

export const AuditRow = z
  .object({
    id: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .openapi("AuditEntry");
