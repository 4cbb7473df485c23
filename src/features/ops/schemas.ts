// The health check's and the development mailbox's response shapes.
import { z } from "@hono/zod-openapi";

export const Health = z.object({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() }).openapi("Health");

export const MailboxEntry = z
  .object({
    id: z.string(),
    messageId: z.string(),
    to: z.string(),
    cc: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
    createdAt: z.string(),
  })
  .openapi("MailboxEntry");
