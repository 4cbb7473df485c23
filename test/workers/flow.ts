import { SELF } from "cloudflare:test";
import { expect } from "vitest";

export const BASE = "https://opendoor.test";
export const COORDINATOR = "coordinator@opendoor.test";

export function call(method: string, path: string, options: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return SELF.fetch(`${BASE}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

/** The newest sign-in link in the dev mailbox for `email` (the Worker sends after responding). */
export async function signInLink(email: string, after = 0): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const res = await SELF.fetch(`${BASE}/dev/mailbox?to=${encodeURIComponent(email)}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { text: string }[] };
    if (items.length > after) return /sign-in\/([A-Za-z0-9_-]+)/.exec(items[0]!.text)![1]!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no sign-in email for ${email}`);
}

export async function mailCount(email: string): Promise<number> {
  const res = await SELF.fetch(`${BASE}/dev/mailbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

/** Magic link → dev mailbox → session, all through the Worker's fetch. */
export async function signIn(email: string): Promise<string> {
  const before = await mailCount(email);
  expect((await call("POST", "/api/v1/auth/magic-links", { body: { email } })).status).toBe(202);
  const token = await signInLink(email, before);
  const res = await call("POST", "/api/v1/auth/sessions", { body: { token } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
