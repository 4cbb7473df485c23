// The feedback form's start time, signed by the site (no cookie, no session): a bot that posts
// the form the instant it loads it, or makes up a start time, is told apart from a person, who
// takes more than a few seconds to write a sentence.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { formKeys } from "../../db/schema";
import { newSecret } from "../../lib/crypto";

/** Faster than this from opening the form to sending it is a script, not a person typing. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this is sent again (with the words kept), so old tokens cannot be stockpiled. */
export const MAX_FORM_AGE_MS = 24 * 3600_000;

export type FormCheck = "ok" | "too_fast" | "stale" | "invalid";

const KEY_NAME = "site_feedback";
const encoder = new TextEncoder();

/** The signing key: made at random the first time, then read (a racing first insert is ignored). */
async function signingKey(db: Db): Promise<CryptoKey> {
  let [row] = await db.select({ secret: formKeys.secret }).from(formKeys).where(eq(formKeys.name, KEY_NAME));
  if (!row) {
    await db.insert(formKeys).values({ name: KEY_NAME, secret: newSecret(32) }).onConflictDoNothing();
    [row] = await db.select({ secret: formKeys.secret }).from(formKeys).where(eq(formKeys.name, KEY_NAME));
  }
  return crypto.subtle.importKey("raw", encoder.encode(row!.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

const b64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");

/** `<issued at, base 36>.<signature>`: put in the form as a hidden field when it is shown. */
export async function formToken(db: Db, now: number): Promise<string> {
  const issued = now.toString(36);
  const signature = await crypto.subtle.sign("HMAC", await signingKey(db), encoder.encode(`${KEY_NAME}:${issued}`));
  return `${issued}.${b64url(signature)}`;
}

/** Whether a posted token is ours, and whether the form was open long enough but not too long. */
export async function checkFormToken(db: Db, token: string, now: number): Promise<FormCheck> {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return "invalid";
  const [, issued, signature] = match as unknown as [string, string, string];
  // verify() compares the whole signature in constant time, not character by character.
  const given = Uint8Array.from(atob(signature.replaceAll("-", "+").replaceAll("_", "/") + "="), (ch) => ch.charCodeAt(0));
  if (!(await crypto.subtle.verify("HMAC", await signingKey(db), given, encoder.encode(`${KEY_NAME}:${issued}`)))) return "invalid";
  const age = now - parseInt(issued, 36);
  if (age < MIN_FILL_MS) return "too_fast";
  if (age > MAX_FORM_AGE_MS) return "stale";
  return "ok";
}
