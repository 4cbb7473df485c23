// The message catalogue: one template per outbox `template` name.
import type { Db } from "../src/db/client";
import type { Locale } from "../src/db/schema";
import type { Config } from "../src/lib/config";
import type { EmailAttachment } from "../src/features/notifications/mailer";
import { magicLink } from "./magic-link";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

export type EmailTemplate = (input: {
  db: Db;
  config: Config;
  locale: Locale;
  payload: Record<string, unknown>;
}) => Promise<RenderedEmail>;

export const TEMPLATES: Record<string, EmailTemplate> = {
  magic_link: magicLink,
};

export async function renderEmail(
  db: Db,
  message: { template: string; locale: Locale; payload: Record<string, unknown> },
  config: Config,
): Promise<RenderedEmail> {
  const template = TEMPLATES[message.template];
  if (!template) throw new Error(`no email template called ${message.template}`);
  return template({ db, config, locale: message.locale, payload: message.payload });
}
