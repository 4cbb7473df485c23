import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox } from "../src/db/schema";
import { configFromEnv } from "../src/lib/config";
import { COORDINATOR, createHarness, problem, type Harness } from "./support/harness";

let h: Harness;
let off: Harness;
beforeAll(async () => {
  h = await createHarness();
  off = await createHarness({ config: { devMailbox: false } });
});
afterAll(async () => {
  await h.close();
  await off.close();
});

describe("/healthz", () => {
  it("answers ok after querying the database, with the app's clock", async () => {
    const res = await h.request("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok", time: "2026-03-02T09:00:00.000Z" });
  });
});

describe("/dev/mailbox", () => {
  it("lists captured emails newest first, filtered by recipient", async () => {
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    await h.mailFor(COORDINATOR);
    // The mailbox stamps delivery with the database's own clock: let a few real ms pass.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.request("POST", "/api/v1/young-people", { body: { email: "mia@example.com", displayName: "Mia", dateOfBirth: "2009-04-04" } });
    await h.mailFor("mia@example.com");
    const res = await h.request("GET", "/dev/mailbox");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { to: string; subject: string; text: string; html: string; attachments: unknown[] }[] };
    expect(items.map((m) => m.to)).toEqual(["mia@example.com", COORDINATOR]);
    expect(items[0]).toMatchObject({ subject: expect.any(String), text: expect.stringContaining("/sign-in/"), html: expect.stringContaining("<"), attachments: [] });
    const filtered = (await (await h.request("GET", `/dev/mailbox?to=${encodeURIComponent("MIA@example.com")}`)).json()) as { items: unknown[] };
    expect(filtered.items).toHaveLength(1);
  });

  it("finds a recipient's mail (as to or cc) behind more than 200 newer messages", async () => {
    const base = Date.now() + 60_000;
    const row = (i: number, to: string, cc: string[] = []) => ({ id: `mail_t${i}`, messageId: `msg_t${i}`, toEmail: to, cc, subject: "s", text: "t", html: "<p>t</p>", attachments: [], createdAt: base + i });
    await h.db.insert(devMailbox).values([row(0, "buried@example.com"), row(1, "someone@example.com", ["copied@example.com"])]);
    await h.db.insert(devMailbox).values(Array.from({ length: 210 }, (_, i) => row(i + 2, `other${i}@example.com`)));
    const buried = (await (await h.request("GET", "/dev/mailbox?to=buried@example.com")).json()) as { items: { to: string }[] };
    expect(buried.items.map((m) => m.to)).toEqual(["buried@example.com"]);
    const copied = (await (await h.request("GET", "/dev/mailbox?to=copied@example.com")).json()) as { items: { to: string; cc: string[] }[] };
    expect(copied.items).toEqual([expect.objectContaining({ to: "someone@example.com", cc: ["copied@example.com"] })]);
  });

  it("is switched off (404 problem) when the config says so", async () => {
    await off.request("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } });
    const res = await off.request("GET", "/dev/mailbox");
    expect(res.status).toBe(404);
    expect((await problem(res)).detail).toMatch(/switched off/);
  });
});

describe("when the development mailbox is on", () => {
  it("is on for a local Node run, off in Node production and whenever Resend is configured", () => {
    expect(configFromEnv({}, "node").devMailbox).toBe(true);
    expect(configFromEnv({ NODE_ENV: "production" }, "node").devMailbox).toBe(false);
    expect(configFromEnv({ RESEND_API_KEY: "re_x" }, "node").devMailbox).toBe(false);
  });

  it("is off in the Worker unless DEV_MAILBOX=1", () => {
    expect(configFromEnv({}, "worker").devMailbox).toBe(false);
    expect(configFromEnv({ DEV_MAILBOX: "1" }, "worker").devMailbox).toBe(true);
    expect(configFromEnv({ DEV_MAILBOX: "1", RESEND_API_KEY: "re_x", PUBLIC_URL: "https://opendoor.example" }, "worker").devMailbox).toBe(false);
  });
});

describe("a Worker's PUBLIC_URL when it sends real email", () => {
  it.each(["http://localhost:8787", "https://localhost", "http://open-door.example.workers.dev", "https://127.0.0.1:8787", "not a url"])(
    "refuses to start with RESEND_API_KEY and PUBLIC_URL %s",
    (url) => {
      expect(() => configFromEnv({ RESEND_API_KEY: "re_x", PUBLIC_URL: url }, "worker")).toThrow(/PUBLIC_URL must be the Worker's https:\/\/ address/);
    },
  );

  it("starts with an https public address, and without a real mailer whatever the address (control)", () => {
    expect(configFromEnv({ RESEND_API_KEY: "re_x", PUBLIC_URL: "https://open-door.example.workers.dev" }, "worker").publicUrl).toBe("https://open-door.example.workers.dev");
    expect(configFromEnv({ DEV_MAILBOX: "1", PUBLIC_URL: "http://localhost:8787" }, "worker").devMailbox).toBe(true);
    expect(configFromEnv({ RESEND_API_KEY: "re_x", PUBLIC_URL: "http://localhost:8787" }, "node").publicUrl).toBe("http://localhost:8787");
  });
});

describe("TRUST_PROXY", () => {
  it("is a number of proxy hops; anything else stops start-up", () => {
    expect(configFromEnv({}, "node").trustedProxyHops).toBe(0);
    expect(configFromEnv({ TRUST_PROXY: "2" }, "node").trustedProxyHops).toBe(2);
    expect(() => configFromEnv({ TRUST_PROXY: "yes" }, "node")).toThrow(/TRUST_PROXY must be the number/);
  });
});
