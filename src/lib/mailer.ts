// What sending an email means to the rest of the app (Deps.mailer). The implementations,
// Resend and the development mailbox, are in src/features/notifications/mailer.ts.

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text content (calendar files are text), or base64 when `encoding` says so (images). */
  content: string;
  encoding?: "base64";
  /** Shown in the message's HTML as <img src="cid:…"> rather than listed as an attachment. */
  contentId?: string;
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

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
}
