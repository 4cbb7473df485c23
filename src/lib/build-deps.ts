import type { Db } from "../db/client";
import { devMailboxMailer, resendMailer, type Mailer } from "../features/notifications/mailer";
import type { Config } from "./config";

/** Resend when a key is configured; otherwise the development mailbox. Never dropped. */
export function mailerFor(db: Db, config: Config): Mailer {
  return config.resendApiKey ? resendMailer(config.resendApiKey, config.resendBaseUrl) : devMailboxMailer(db);
}
