import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { authSessions, magicLinks, outbox } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { createApp } from "../../app";
import type { Db } from "../../db/client";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function linkTokenFor(email: string) {
  const mail = await h.mailFor(email);
  return /sign-in\/([A-Za-z0-9_-]+)/.exec(mail.at(-1)!.text)![1]!;
}

describe("magic links", () => {
  it("answers 202 with the same body for known and unknown addresses, and only emails the known one", async () => {
    const known = await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const unknown = await h.request("POST", "/api/v1/auth/magic-links", { body: { email: "nobody@example.com" } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await h.mailFor(COORDINATOR)).toHaveLength(1);
    expect(await h.mailFor("nobody@example.com")).toHaveLength(0);
  });

  it("stores only a hash of the token", async () => {
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const token = await linkTokenFor(COORDINATOR);
    const rows = await h.db.select().from(magicLinks);
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it("writes the sign-in email to the outbox in the same batch as the link", async () => {
    const before = (await h.db.select().from(outbox)).length;
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const links = await h.db.select().from(magicLinks);
    const messages = await h.db.select().from(outbox);
    expect(messages.length).toBe(before + 1);
    expect(messages.at(-1)!.template).toBe("magic_link");
    expect(links.length).toBeGreaterThan(0);
  });

  it("refuses a malformed email with a problem naming the field", async () => {
    const res = await h.request("POST", "/api/v1/auth/magic-links", { body: { email: "not-an-email" } });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors).toEqual([expect.objectContaining({ path: "email" })]);
  });
});

describe("sessions", () => {
  it("exchanges a link once for an access token that works on /me", async () => {
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const token = await linkTokenFor(COORDINATOR);
    const first = await h.request("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(first.status).toBe(201);
    const { accessToken } = (await first.json()) as { accessToken: string };
    const me = await h.request("GET", "/api/v1/me", { token: accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: COORDINATOR, roles: ["coordinator"] });

    const again = await h.request("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(again.status).toBe(401);
  });

  it("lets only one of two simultaneous exchanges of the same link win", async () => {
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const token = await linkTokenFor(COORDINATOR);
    const results = await Promise.all(Array.from({ length: 10 }, () => h.request("POST", "/api/v1/auth/sessions", { body: { token } })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(9);
  });

  it("refuses a link after 15 minutes", async () => {
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const token = await linkTokenFor(COORDINATOR);
    h.clock.advance(15 * 60_000 + 1);
    const res = await h.request("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(res.status).toBe(401);
    expect((await problem(res)).detail).toMatch(/expired/);
  });

  it("signs out: the revoked token no longer works", async () => {
    const token = await h.tokenFor("signout@example.com");
    expect((await h.request("GET", "/api/v1/me", { token })).status).toBe(200);
    expect((await h.request("DELETE", "/api/v1/auth/sessions/current", { token })).status).toBe(204);
    expect((await h.request("GET", "/api/v1/me", { token })).status).toBe(401);
  });

  it("refuses an expired access token", async () => {
    const token = await h.tokenFor("expiring@example.com");
    await h.db.update(authSessions).set({ expiresAt: h.clock.now() - 1 });
    const res = await h.request("GET", "/api/v1/me", { token });
    expect(res.status).toBe(401);
  });

  it("refuses /me with no token and with a made-up token", async () => {
    expect((await h.request("GET", "/api/v1/me")).status).toBe(401);
    const res = await h.request("GET", "/api/v1/me", { token: "od_s_madeup" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});

describe("young people sign up", () => {
  it("creates a young person with a minimal profile and sends a sign-in link", async () => {
    const res = await h.request("POST", "/api/v1/young-people", {
      body: { email: "Jade@Example.com", displayName: "Jade", dateOfBirth: "2011-06-01", locale: "pl" },
    });
    expect(res.status).toBe(202);
    const mail = await h.mailFor("jade@example.com");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/Open Door/);
    expect(mail[0]!.html).toContain('lang="pl"');
  });

  it("refuses someone under 11 or over 25, naming dateOfBirth", async () => {
    for (const dateOfBirth of ["2020-01-01", "1990-01-01"]) {
      const res = await h.request("POST", "/api/v1/young-people", { body: { email: `x${dateOfBirth}@example.com`, displayName: "X", dateOfBirth } });
      expect(res.status).toBe(422);
      expect((await problem(res)).errors?.[0]?.path).toBe("dateOfBirth");
    }
  });

  it("answers the same for an address that is already registered", async () => {
    const body = { email: "twice@example.com", displayName: "Twice", dateOfBirth: "2008-01-01" };
    const a = await h.request("POST", "/api/v1/young-people", { body });
    const b = await h.request("POST", "/api/v1/young-people", { body });
    expect(a.status).toBe(b.status);
    expect(await a.json()).toEqual(await b.json());
    const rows = await h.db.select().from(magicLinks).where(eq(magicLinks.email, "twice@example.com"));
    expect(rows).toHaveLength(2);
  });
});

describe("the time a sign-in request takes", () => {
  /** An app whose database holds every batch (the link's write) until `release()`. */
  function heldWrites(defer?: (p: Promise<unknown>) => void) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const db = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === "batch") return async (queries: Parameters<Db["batch"]>[0]) => (await gate, target.batch(queries));
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const app = createApp({ ...h.deps, db, defer });
    const ask = (path: string, body: unknown) => Promise.resolve(app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
    return { ask, release };
  }
  const within = <T>(p: Promise<T>, ms: number) => Promise.race([p.then(() => "answered"), new Promise((resolve) => setTimeout(() => resolve("still waiting"), ms))]);

  it("does not depend on the link's write: a known address is answered while the write is held", async () => {
    const deferred: Promise<unknown>[] = [];
    const { ask, release } = heldWrites((p) => deferred.push(p));
    const before = (await h.mailFor(COORDINATOR)).length;
    const res = ask("/api/v1/auth/magic-links", { email: COORDINATOR });
    expect(await within(res, 200)).toBe("answered");
    expect((await res).status).toBe(202);
    release();
    await Promise.all(deferred);
    expect((await h.mailFor(COORDINATOR)).length).toBe(before + 1);
  });

  it("does not depend on whether a young person's address is new", async () => {
    const deferred: Promise<unknown>[] = [];
    const { ask, release } = heldWrites((p) => deferred.push(p));
    const res = ask("/api/v1/young-people", { email: "timing@example.com", displayName: "T", dateOfBirth: "2010-01-01" });
    expect(await within(res, 200)).toBe("answered");
    release();
    await Promise.all(deferred);
    expect(await h.mailFor("timing@example.com")).toHaveLength(1);
  });

  it("control: where nothing can run after the response, the answer waits for the write", async () => {
    const { ask, release } = heldWrites();
    const res = ask("/api/v1/auth/magic-links", { email: COORDINATOR });
    expect(await within(res, 100)).toBe("still waiting");
    release();
    expect((await res).status).toBe(202);
  });
});
