// OWASP API2 (broken authentication): one-time sign-in links stay one-time, and a token that
// has expired or been revoked — or an API key that has been revoked — opens no route at all.
// Every secured route is taken from the OpenAPI document.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, memberships, people } from "../src/db/schema";
import { createOrganisation } from "../src/features/organisations/create";
import { createApiKey } from "../src/features/organisations/keys";
import { createHarness, problem, type Harness } from "./support/harness";

let h: Harness;
let secured: { method: string; path: string }[] = [];

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  const doc = (await (await h.request("GET", "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  secured = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security?.length)
      .map(([method]) => ({ method: method.toUpperCase(), path: `/api/v1${path.replace(/\{[^}]+\}/g, "x_1")}` })),
  );
});
afterAll(() => h.close());

const linkFor = async (email: string) => {
  expect((await h.request("POST", "/api/v1/auth/magic-links", { body: { email } })).status).toBe(202);
  const mails = await h.mailFor(email);
  return /sign-in\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text)![1]!;
};
const exchange = (token: string) => h.request("POST", "/api/v1/auth/sessions", { body: { token } });

/** Every secured route answers 401 to this credential, before reading any body or id. */
async function refusedEverywhere(token: string) {
  expect(secured.length).toBeGreaterThan(30);
  for (const { method, path } of secured) {
    const res = await h.request(method, path, { token, body: method === "GET" || method === "DELETE" ? undefined : {} });
    expect(res.status, `${method} ${path}`).toBe(401);
  }
}

describe("sign-in links", () => {
  it("work once: a reused link is refused", async () => {
    await h.tokenFor("reuse@example.com");
    const link = await linkFor("reuse@example.com");
    expect((await exchange(link)).status).toBe(201);
    const again = await exchange(link);
    expect(again.status).toBe(401);
    expect((await problem(again)).detail).toMatch(/already been used|expired/);
  });

  it("expire after 15 minutes, even unused", async () => {
    await h.tokenFor("late@example.com");
    const link = await linkFor("late@example.com");
    h.clock.advance(15 * 60_000 + 1);
    expect((await exchange(link)).status).toBe(401);
  });

  it("are not access tokens, and access tokens are not links", async () => {
    const access = await h.tokenFor("mixup@example.com");
    const link = await linkFor("mixup@example.com");
    expect((await h.request("GET", "/api/v1/me", { token: link })).status).toBe(401);
    expect((await exchange(access)).status).toBe(401);
  });
});

describe("access tokens and API keys", () => {
  it("an expired access token opens no route", async () => {
    const token = await h.tokenFor("expired@example.com");
    const [person] = await h.db.select().from(people).where(eq(people.email, "expired@example.com"));
    await h.db.update(authSessions).set({ expiresAt: h.clock.now() - 1 }).where(eq(authSessions.personId, person!.id));
    await refusedEverywhere(token);
  });

  it("a signed-out (revoked) access token opens no route", async () => {
    const token = await h.tokenFor("revoked@example.com");
    expect((await h.request("DELETE", "/api/v1/auth/sessions/current", { token })).status).toBe(204);
    await refusedEverywhere(token);
  });

  it("a revoked API key opens no route", async () => {
    const org = await createOrganisation(h.deps, { type: "school", name: "Revoked School" });
    const key = await createApiKey(h.deps, org.id, "old integration", null);
    const admin = await h.tokenFor("admin@revoked.test");
    await h.db.insert(memberships).values({ id: `mem_${org.id}`, organisationId: org.id, personId: (await h.db.select().from(people).where(eq(people.email, "admin@revoked.test")))[0]!.id });
    expect((await h.request("GET", `/api/v1/organisations/${org.id}/api-keys`, { token: key.key })).status).toBe(200);
    expect((await h.request("DELETE", `/api/v1/organisations/${org.id}/api-keys/${key.id}`, { token: admin })).status).toBe(204);
    await refusedEverywhere(key.key);
  });

  it("control: a live token is not refused by the same sweep", async () => {
    const token = await h.tokenFor("live@example.com");
    expect((await h.request("GET", "/api/v1/me", { token })).status).toBe(200);
    await expect(refusedEverywhere(token)).rejects.toThrow();
  });
});
