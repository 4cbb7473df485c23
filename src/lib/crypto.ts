// Ids, secrets and hashes. Web Crypto for randomness; node:crypto's hash (Node, and workerd
// with nodejs_compat) for SHA-256, so the same code runs in both.
import { createHash } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

function base32(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** A sortable-enough, unguessable id with a readable prefix, e.g. `bkg_01hx…`. */
export function newId(prefix: string, now = Date.now()): string {
  const time = now.toString(32).padStart(9, "0");
  return `${prefix}_${time}${base32(crypto.getRandomValues(new Uint8Array(12)))}`;
}

/** A secret for links and tokens: 160 bits, URL-safe. */
export function newSecret(bytes = 20): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

/**
 * Secrets are stored only as their SHA-256, so a copy of the database signs nobody in.
 * Hashed in place (issue #19): `crypto.subtle.digest` is a job on Node's thread pool and back,
 * and every signed-in request hashes its token; that round trip and the hex formatting were
 * about 6% of a booking's CPU. Still async, so callers need not care how it is computed.
 */
export async function sha256Hex(value: string): Promise<string> {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** A short code people can read out at the door; opaque, unguessable, unique by index. */
export function newTicketCode(): string {
  const raw = base32(crypto.getRandomValues(new Uint8Array(10))).toUpperCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}
