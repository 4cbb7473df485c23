import { createRoute, z } from "@hono/zod-openapi";
import { desc, eq, or, sql } from "drizzle-orm";
import type { Context } from "hono";
import { devMailbox } from "../../db/schema";
import type { Api, AppEnv } from "../../lib/env";
import { json, problems } from "../../lib/openapi";
import { refuse } from "../../lib/refusal";
import { Health, MailboxEntry } from "./schemas";

async function health(c: Context<AppEnv>) {
  const { db, clock } = c.var.deps;
  await db.run(sql`select 1`);
  return c.json({ status: "ok" as const, database: "ok" as const, time: new Date(clock.now()).toISOString() }, 200);
}

async function mailbox(c: Context<AppEnv>) {
  const { db, config } = c.var.deps;
  if (!config.devMailbox) throw refuse("dev_mailbox_off");
  const to = c.req.query("to")?.toLowerCase();
  // Filtered in SQL, before the limit, so a recipient's mail is found however busy the box is.
  const addressedTo = to ? or(eq(devMailbox.toEmail, to), sql`exists (select 1 from json_each(${devMailbox.cc}) where value = ${to})`) : undefined;
  const rows = await db.select().from(devMailbox).where(addressedTo).orderBy(desc(devMailbox.createdAt), desc(devMailbox.id)).limit(200);
  const items = rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    to: r.toEmail,
    cc: r.cc ?? [],
    subject: r.subject,
    text: r.text,
    html: r.html,
    attachments: r.attachments,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
  return c.json({ items }, 200);
}

export function registerOps(app: Api) {
  const healthRoute = createRoute({
    method: "get",
    path: "/healthz",
    tags: ["ops"],
    summary: "Liveness and database check",
    responses: { 200: json(Health, "Healthy") },
  });
  app.openapi(healthRoute, health);
  const mailboxRoute = createRoute({
    method: "get",
    path: "/dev/mailbox",
    tags: ["ops"],
    summary: "Development only: emails captured when no Resend key is set, newest first",
    request: { query: z.object({ to: z.string().max(254).optional() }) },
    responses: { 200: json(z.object({ items: z.array(MailboxEntry) }), "Captured emails"), 404: problems[404] },
  });
  app.openapi(mailboxRoute, mailbox);
}
