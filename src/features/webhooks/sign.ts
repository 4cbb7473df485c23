// Standard Webhooks signatures (https://www.standardwebhooks.com): the receiver checks
// `webhook-signature` = "v1," + base64(HMAC-SHA256(secret, `${webhook-id}.${webhook-timestamp}.${body}`)),
// where the secret is "whsec_" + base64 of its bytes. Several signatures, space-separated, are
// allowed: during a rotation both the new and the previous secret sign, so a receiver holding
// either one accepts the delivery.

const SECRET_PREFIX = "whsec_";

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** A new signing secret: 24 random bytes, in the spec's whsec_ form. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(24)));
}

async function signWith(secret: string, content: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", fromBase64(secret.slice(SECRET_PREFIX.length)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(content));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers of one delivery, signed by every secret given (current first). */
export async function webhookHeaders(secrets: string[], id: string, timestampSeconds: number, body: string): Promise<Record<string, string>> {
  const content = `${id}.${timestampSeconds}.${body}`;
  const signatures = await Promise.all(secrets.map((s) => signWith(s, content)));
  return { "webhook-id": id, "webhook-timestamp": String(timestampSeconds), "webhook-signature": signatures.join(" ") };
}
