import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createApp } from "../src/app";
import type { Db } from "../src/db/client";
import { idempotencyKeys, organisations } from "../src/db/schema";
import { runScheduledJobs } from "../src/jobs";
import { sha256Hex } from "../src/lib/crypto";
import { IN_FLIGHT_ABANDONED_MS } from "../src/lib/idempotency";
import { DAY } from "../src/lib/time";
import { COORDINATOR, createHarness, problem, type Harness } from "./support/harness";

const SECOND_COORDINATOR = "second.coordinator@opendoor.test";

let h: Harness;
let coordinator: string;
let secondCoordinator: string;
beforeAll(async () => {
  h = await createHarness({ config: { coordinatorEmails: [COORDINATOR, SECOND_COORDINATOR] } });
  coordinator = await h.tokenFor(COORDINATOR);
  secondCoordinator = await h.tokenFor(SECOND_COORDINATOR);
});
afterAll(() => h.close());

const createOrg = (key: string, body: unknown, token = coordinator) =>
  h.request("POST", "/api/v1/organisations", { token, body, headers: { "idempotency-key": key } });

const orgsNamed = async (name: string) => (await h.db.select().from(organisations).where(eq(organisations.name, name))).length;

describe("Idempotency-Key", () => {
  it("replays the first response for the same key and body, creating only one organisation", async () => {
    const body = { type: "school", name: "Replay Academy" };
    const first = await createOrg("replay-1", body);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = (await first.json()) as { id: string };

    const second = await createOrg("replay-1", body);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await second.json()) as { id: string }).id).toBe(firstBody.id);
    expect(await orgsNamed("Replay Academy")).toBe(1);
  });

  it("creates again without a key (control: the replay above comes from the key)", async () => {
    const body = { type: "school", name: "No Key Academy" };
    expect((await h.request("POST", "/api/v1/organisations", { token: coordinator, body })).status).toBe(201);
    expect((await h.request("POST", "/api/v1/organisations", { token: coordinator, body })).status).toBe(201);
    expect(await orgsNamed("No Key Academy")).toBe(2);
  });

  it("refuses the same key with a different body (422) and changes nothing", async () => {
    expect((await createOrg("mismatch-1", { type: "school", name: "First Body School" })).status).toBe(201);
    const res = await createOrg("mismatch-1", { type: "school", name: "Other Body School" });
    expect(res.status).toBe(422);
    expect((await problem(res)).type).toMatch(/idempotency-mismatch$/);
    expect(await orgsNamed("Other Body School")).toBe(0);
  });

  it("refuses the same key on another path as a different request", async () => {
    const org = (await (await createOrg("path-1", { type: "school", name: "Path School" })).json()) as { id: string };
    const res = await h.request("POST", `/api/v1/organisations/${org.id}/members`, {
      token: coordinator,
      body: { type: "school", name: "Path School" },
      headers: { "idempotency-key": "path-1" },
    });
    expect(res.status).toBe(422);
  });

  it("keeps keys per caller: another coordinator's same key and body creates their own organisation", async () => {
    const body = { type: "employer", name: "Per Caller Ltd" };
    const mine = (await (await createOrg("shared-key", body)).json()) as { id: string };
    const theirs = await createOrg("shared-key", body, secondCoordinator);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(((await theirs.json()) as { id: string }).id).not.toBe(mine.id);
    expect(await orgsNamed("Per Caller Ltd")).toBe(2);
  });

  it("forgets a key after 24 hours: the same key then creates a new organisation", async () => {
    const body = { type: "community", name: "Expiring Community Group" };
    const first = (await (await createOrg("expires-1", body)).json()) as { id: string };
    h.clock.advance(DAY - 1);
    const within = await createOrg("expires-1", body);
    expect(within.headers.get("idempotent-replayed")).toBe("true");
    h.clock.advance(1);
    const after = await createOrg("expires-1", body);
    expect(after.status).toBe(201);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(((await after.json()) as { id: string }).id).not.toBe(first.id);
    expect(await orgsNamed("Expiring Community Group")).toBe(2);
  });

  it("does not keep a 5xx: the same key may be retried after a fault", async () => {
    const rows = async () => (await h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "fault-1"))).length;
    let organisationInsertBuilt = false;
    const failing = new Proxy(h.db, {
      get(target, prop, receiver) {
        // The organisation is written in one batch with its audit row: that batch fails.
        if (prop === "insert") {
          return (table: unknown) => {
            if (table === organisations) organisationInsertBuilt = true;
            return target.insert(table as never);
          };
        }
        if (prop === "batch") {
          return async (items: Parameters<Db["batch"]>[0]) => {
            if (organisationInsertBuilt) {
              organisationInsertBuilt = false;
              throw new Error("disk full");
            }
            return target.batch(items);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const app = createApp({ ...h.deps, db: failing });
    const errors = console.error;
    console.error = () => {};
    try {
      const res = await app.request("/api/v1/organisations", {
        method: "POST",
        headers: { authorization: `Bearer ${coordinator}`, "content-type": "application/json", "idempotency-key": "fault-1" },
        body: JSON.stringify({ type: "school", name: "Fault School" }),
      });
      expect(res.status).toBe(500);
    } finally {
      console.error = errors;
    }
    expect(await rows()).toBe(0);
    const retry = await createOrg("fault-1", { type: "school", name: "Fault School" });
    expect(retry.status).toBe(201);
  });

  it("refuses a key longer than 255 characters, naming the header", async () => {
    const res = await createOrg("k".repeat(256), { type: "school", name: "Long Key School" });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("Idempotency-Key");
  });

  it("ignores the key on GET", async () => {
    const res = await h.request("GET", "/api/v1/organisations", { token: coordinator, headers: { "idempotency-key": "get-1" } });
    expect(res.status).toBe(200);
    expect(await h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "get-1"))).toHaveLength(0);
  });
});

describe("Idempotency-Key while the first request is still running", () => {
  it("answers 409 to a duplicate, then replays the finished response", async () => {
    // Hold the first request inside its database write until the duplicate has been answered.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // The organisation and its audit row are written in one batch: the batch that carries the
    // organisation's insert waits at the gate.
    let organisationInsertBuilt = false;
    const slow = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === "insert") {
          return (table: unknown) => {
            if (table === organisations) organisationInsertBuilt = true;
            return target.insert(table as never);
          };
        }
        if (prop === "batch") {
          return async (items: Parameters<Db["batch"]>[0]) => {
            if (organisationInsertBuilt) {
              organisationInsertBuilt = false;
              entered();
              await gate;
            }
            return target.batch(items);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const app = createApp({ ...h.deps, db: slow });
    const send = () =>
      app.request("/api/v1/organisations", {
        method: "POST",
        headers: { authorization: `Bearer ${coordinator}`, "content-type": "application/json", "idempotency-key": "slow-1" },
        body: JSON.stringify({ type: "school", name: "Slow School" }),
      });

    const first = send();
    await inside;
    const duplicate = await send();
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get("retry-after")).toBe("1");
    expect((await problem(duplicate)).type).toMatch(/idempotency-in-flight$/);

    release();
    const done = await first;
    expect(done.status).toBe(201);
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replay.json()) as { id: string }).id).toBe(((await done.json()) as { id: string }).id);
    expect(await orgsNamed("Slow School")).toBe(1);
  });

  it("releases a key whose request died without answering, after a minute", async () => {
    const body = { type: "school", name: "Crashed School" };
    const scope = (await h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "replay-1")))[0]!.scope;
    // What a Worker killed mid-request leaves behind: a claim that never finished.
    await h.db.insert(idempotencyKeys).values({ key: "crashed-1", scope, method: "POST", path: "/api/v1/organisations", requestHash: await sha256Hex(`POST /api/v1/organisations\n${JSON.stringify(body)}`), status: "in_flight", expiresAt: h.clock.now() + DAY, createdAt: h.clock.now() });
    expect((await createOrg("crashed-1", body)).status).toBe(409);
    h.clock.advance(IN_FLIGHT_ABANDONED_MS);
    const retry = await createOrg("crashed-1", body);
    expect(retry.status).toBe(201);
    expect(await orgsNamed("Crashed School")).toBe(1);
  });

  it("lets exactly one of many simultaneous identical requests do the work", async () => {
    const body = { type: "school", name: "Stampede School" };
    const results = await Promise.all(Array.from({ length: 8 }, () => createOrg("stampede-1", body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await orgsNamed("Stampede School")).toBe(1);
  });
});

describe("Idempotency-Key on responses that carry a secret", () => {
  it("never stores an access token or a new API key; a retry runs afresh", async () => {
    const org = (await (await createOrg("secret-org", { type: "employer", name: "Secret Keys Ltd" })).json()) as { id: string };
    const send = () =>
      h.request("POST", `/api/v1/organisations/${org.id}/api-keys`, { token: coordinator, body: { name: "HR system" }, headers: { "idempotency-key": "secret-1" } });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const { key } = (await first.json()) as { key: string };
    const stored = await h.db.select().from(idempotencyKeys);
    expect(stored.some((r) => (r.responseBody ?? "").includes(key))).toBe(false);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(((await retry.json()) as { key: string }).key).not.toBe(key);
  });

  it("does not keep the access token from POST /auth/sessions", async () => {
    await h.tokenFor("keeper@example.com");
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: "keeper@example.com" } });
    const [mail] = await h.mailFor("keeper@example.com");
    const linkToken = /sign-in\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const res = await h.request("POST", "/api/v1/auth/sessions", { body: { token: linkToken }, headers: { "idempotency-key": "session-1" } });
    expect(res.status).toBe(201);
    const { accessToken } = (await res.json()) as { accessToken: string };
    const stored = await h.db.select().from(idempotencyKeys);
    expect(stored.some((r) => (r.responseBody ?? "").includes(accessToken))).toBe(false);
  });
});

describe("expired keys", () => {
  it("are deleted by the scheduled jobs once their 24 hours are over, and only then", async () => {
    const rows = async (key: string) => (await h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).length;
    await createOrg("purge-old", { type: "school", name: "Purge Old School" });
    h.clock.advance(12 * 60 * 60_000);
    await createOrg("purge-new", { type: "school", name: "Purge New School" });
    h.clock.advance(12 * 60 * 60_000);
    await runScheduledJobs(h.deps);
    expect(await rows("purge-old")).toBe(0);
    expect(await rows("purge-new")).toBe(1);
  });
});
