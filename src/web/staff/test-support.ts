// What the staff page tests share: a seeded harness and requests as a browser would send them.
import { seedDemoData } from "../../db/seed";
import { SESSION_COOKIE } from "../../lib/auth";
import { createHarness, type Harness } from "../../../test/support/harness";

export const ORIGIN = "https://opendoor.test";

export async function seededHarness(now?: string): Promise<Harness> {
  const h = await createHarness(now ? { now } : {});
  await seedDemoData(h.db, h.clock.now());
  return h;
}

/** The cookie a browser holds after signing in through the pages. */
export async function cookieFor(h: Harness, email: string, profile?: Parameters<Harness["tokenFor"]>[1]) {
  return `${SESSION_COOKIE}=${await h.tokenFor(email, profile)}`;
}

export const page = (h: Harness, path: string, cookie?: string) => h.request("GET", path, { headers: cookie ? { cookie } : {} });

export const submit = (h: Harness, path: string, cookie: string, fields: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }) =>
  h.request("POST", path, { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers } });

export const bytes = (html: string) => new TextEncoder().encode(html).length;
