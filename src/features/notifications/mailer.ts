import { Resend } from "resend";
import type { Db } from "../../db/client";
import { devMailbox } from "../../db/schema";
import { newId } from "../../lib/crypto";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text content (calendar files are text). */
  content: string;
}

export interface OutgoingEmail {
  /** Our outbox message id: the provider's idempotency key, so a retry never sends twice. */
  id: string;
  from: string;
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

/** A failed send. `retryable` is false for errors that will fail the same way every time. */
export class MailerError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "MailerError";
  }
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
}

/** Development: keeps the message in the database, listed at GET /dev/mailbox. */
export function devMailboxMailer(db: Db): Mailer {
  return {
    async send(email) {
      const id = newId("mail");
      await db.insert(devMailbox).values({
        id,
        messageId: email.id,
        toEmail: email.to,
        cc: email.cc ?? [],
        subject: email.subject,
        text: email.text,
        html: email.html,
        attachments: email.attachments ?? [],
      });
      return { providerId: id };
    },
  };
}

/**
 * Resend, one message per request: its batch endpoint drops attachments, and our invites
 * are attachments. The outbox message id is the Idempotency-Key (Resend keeps it 24 h).
 */
export function resendMailer(apiKey: string, baseUrl?: string): Mailer {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: [email.to],
          cc: email.cc?.length ? email.cc : undefined,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: email.attachments?.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: btoa(unescape(encodeURIComponent(a.content))),
          })),
        },
        { idempotencyKey: email.id },
      );
      if (error || !data) {
        const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
        // No status means the request never got an answer (network, timeout): worth retrying.
        const retryable = status === null || status === 429 || status >= 500;
        throw new MailerError(`${status ?? "network"}: ${error?.message ?? "no response"}`, retryable);
      }
      return { providerId: data.id };
    },
  };
}
