import type { Db } from "../../db/client";
import { devMailbox } from "../../db/schema";
import type { Config } from "../../lib/config";
import { newId } from "../../lib/crypto";
import type { Mailer } from "../../lib/mailer";

// The port (what a mailer is) lives in src/lib, so Deps can name it without importing a feature.
export type { EmailAttachment, Mailer, OutgoingEmail } from "../../lib/mailer";
import { headerValue } from "../../lib/plain-text";

/** A failed send. `retryable` is false for errors that will fail the same way every time. */
export class MailerError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The provider's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
    /** The provider as a whole is down or pushing back (no answer, 5xx, 429): counts against its circuit. */
    readonly providerFault = retryable,
  ) {
    super(message);
    this.name = "MailerError";
  }
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
        subject: headerValue(email.subject),
        text: email.text,
        html: email.html,
        attachments: email.attachments ?? [],
      });
      return { providerId: id };
    },
  };
}

/**
 * A send that has not answered by then is abandoned and retried (well inside the outbox lease).
 * Resend answers in well under a second; waiting longer only holds up the queue behind it.
 */
export const SEND_TIMEOUT_MS = 5_000;

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) * 1000 : undefined;
}

export const RESEND_API = "https://api.resend.com";

/** Resend's error body: `{ name, message, statusCode }`. */
interface ResendError {
  name?: string;
  message?: string;
  statusCode?: number | null;
}

/**
 * Resend, one message per request: its batch endpoint drops attachments, and our invites
 * are attachments. The outbox message id is the Idempotency-Key (Resend keeps it 24 h), so
 * a retry after a lost answer never sends twice.
 *
 * One `fetch` to POST /emails, not Resend's SDK (issue #19): the SDK brought its inbound-mail
 * parser and every other endpoint into the Worker for this one call. Its answers are read the
 * way the SDK read them: a JSON error body's `name` and `statusCode`, no answer at all (network,
 * timeout, a body that is not JSON) as a provider fault.
 */
export function resendMailer(apiKey: string, baseUrl = RESEND_API, options: { timeoutMs?: number } = {}): Mailer {
  return {
    async send(email) {
      const body = {
        from: email.from,
        to: [email.to],
        cc: email.cc?.length ? email.cc : undefined,
        // People's text (an event title) is in it: no CR/LF may reach a header.
        subject: headerValue(email.subject),
        text: email.text,
        html: email.html,
        attachments: email.attachments?.map((a) => ({
          filename: a.filename,
          content_type: a.contentType,
          content: a.encoding === "base64" ? a.content : base64Utf8(a.content),
          // Resend's name for an inline image's Content-ID (the HTML refers to it as cid:…).
          ...(a.contentId ? { content_id: a.contentId } : {}),
        })),
      };
      let status: number | null = null;
      let error: ResendError;
      let retryAfter: string | null = null;
      try {
        const response = await fetch(`${baseUrl}/emails`, {
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", "idempotency-key": email.id, "user-agent": "open-door" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS),
        });
        retryAfter = response.headers.get("retry-after");
        const text = await response.text();
        if (response.ok) {
          const data = JSON.parse(text) as { id?: string };
          if (typeof data.id === "string") return { providerId: data.id };
          error = { name: "application_error", message: "no id in the answer" };
        } else {
          status = response.status;
          try {
            error = JSON.parse(text) as ResendError;
          } catch {
            error = { name: "application_error", message: response.statusText || "not JSON" };
          }
          if (typeof error.statusCode === "number") status = error.statusCode;
        }
      } catch {
        // No answer (network, timeout) or an answer that is not JSON: as the SDK did, no status.
        status = null;
        error = { name: "application_error", message: "Unable to fetch data. The request could not be resolved." };
      }
      const name = error.name ?? "no_response";
      // The key was used before with a different body: an earlier attempt (whose answer we
      // lost) was accepted, and what changed since is only the rendering. It is sent.
      if (name === "invalid_idempotent_request") return { providerId: `accepted-earlier:${email.id}` };
      // No status means the request never got an answer (network, timeout): worth retrying,
      // as are rate limits, the provider's own faults, and a twin request still in flight.
      const providerFault = status === null || status === 429 || status >= 500;
      const retryable = providerFault || name === "concurrent_idempotent_requests";
      throw new MailerError(`${status ?? "network"} ${name}: ${error.message ?? "no response"}`, retryable, retryAfterMs(retryAfter), providerFault);
    },
  };
}

/** Resend wants attachment content as base64; ours is UTF-8 text (calendar files). */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Resend when a key is configured; otherwise the development mailbox. Never dropped. */
export function mailerFor(db: Db, config: Config): Mailer {
  return config.resendApiKey ? resendMailer(config.resendApiKey, config.resendBaseUrl) : devMailboxMailer(db);
}
