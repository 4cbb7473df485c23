// The reports API's parameters and CSV responses.
import { z } from "@hono/zod-openapi";

export const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });

export const LondonDate = (name: string) =>
  z.iso
    .date({ message: "Use a real date like 2026-03-01" })
    .max(10)
    .openapi({ param: { name, in: "query" }, example: "2026-03-01" });
