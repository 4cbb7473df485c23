import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, outbox } from "../../db/schema";
import { API_KEY_PREFIX } from "../../lib/auth";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { MailerError, type Mailer } from "./mailer";
import { dispatchOutbox, enqueue } from "./outbox";

/** A provider that refuses one address as invalid, the way Resend answers a 422. */
let refuse = new Set<string>();
const picky = (inner: Mailer): Mailer => ({
  send: (email) => (refuse.has(email.to) ? Promise.reject(new MailerError("422 validation_error: invalid `to`", false)) : inner.send(email)),
});

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  const { devMailboxMailer } = await import("./mailer");
  h = await createHarness({ mailer: (db) => picky(devMailboxMailer(db)) });
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

async function failedMessage(to: string) {
  refuse.add(to);
  const [row] = await enqueue(h.db, { template: "magic_link", to, payload: { url: "https://opendoor.test/sign-in/secret-token" } }, h.clock.now()).returning();
  await dispatchOutbox(h.deps);
  return row!.id;
}

describe("GET /outbox", () => {
  it("lists failed messages for coordinators, with the reason and without the payload's secrets", async () => {
    const id = await failedMessage("typo@exmaple.test");
    const res = await h.request("GET", "/api/v1/outbox?status=failed", { token: coordinator });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    const item = body.items.find((i) => i.id === id);
    expect(item).toMatchObject({ template: "magic_link", to: "typo@exmaple.test", status: "failed", attempts: 1 });
    expect(String(item!.lastError)).toContain("validation_error");
    expect(JSON.stringify(body)).not.toContain("secret-token");
    expect(body.items.every((i) => i.status === "failed")).toBe(true);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "outbox.listed"));
    expect(audit.length).toBeGreaterThan(0);
  });

  it("pages with `before`", async () => {
    for (const n of [1, 2, 3]) await failedMessage(`page${n}@exmaple.test`);
    const first = (await (await h.request("GET", "/api/v1/outbox?status=failed&limit=2", { token: coordinator })).json()) as { items: { id: string }[]; next: string };
    expect(first.items).toHaveLength(2);
    const second = (await (await h.request("GET", `/api/v1/outbox?status=failed&limit=2&before=${first.next}`, { token: coordinator })).json()) as { items: { id: string }[] };
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    expect(second.items[0]!.id < first.items[1]!.id).toBe(true);
  });

  it("refuses an unknown status naming the field", async () => {
    const res = await h.request("GET", "/api/v1/outbox?status=lost", { token: coordinator });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([expect.objectContaining({ path: "status" })]);
  });

  it("is for coordinators only: 401 without a token, 403 for anyone else", async () => {
    expect((await h.request("GET", "/api/v1/outbox?status=failed")).status).toBe(401);
    const young = await h.tokenFor("young@example.test", { isYoungPerson: true, dateOfBirth: "2009-01-01" });
    expect((await h.request("GET", "/api/v1/outbox?status=failed", { token: young })).status).toBe(403);
  });

  it("refuses an organisation's API key", async () => {
    const org = (await (await h.request("POST", "/api/v1/organisations", { token: coordinator, body: { type: "school", name: "Key School" } })).json()) as { id: string };
    const key = (await (await h.request("POST", `/api/v1/organisations/${org.id}/api-keys`, { token: coordinator, body: { name: "k" } })).json()) as { key: string };
    expect(key.key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect((await h.request("GET", "/api/v1/outbox", { token: key.key })).status).toBe(403);
  });
});

describe("POST /outbox/{id}/retry", () => {
  it("puts a failed message back in the queue, and it is delivered once the cause is fixed", async () => {
    const id = await failedMessage("fixed@example.test");
    refuse.delete("fixed@example.test");
    const res = await h.request("POST", `/api/v1/outbox/${id}/retry`, { token: coordinator });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: "pending", attempts: 0 });
    expect(await h.mailFor("fixed@example.test")).toHaveLength(1);
    const [row] = await h.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row!.status).toBe("sent");
  });

  it("answers 409 for a message that has not failed, so a double click sends nothing twice", async () => {
    const id = await failedMessage("double@example.test");
    refuse.delete("double@example.test");
    const [a, b] = await Promise.all([
      h.request("POST", `/api/v1/outbox/${id}/retry`, { token: coordinator }),
      h.request("POST", `/api/v1/outbox/${id}/retry`, { token: coordinator }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it("answers 404 for an unknown id", async () => {
    expect((await h.request("POST", "/api/v1/outbox/msg_nope/retry", { token: coordinator })).status).toBe(404);
  });

  it("is for coordinators only", async () => {
    const id = await failedMessage("guarded@example.test");
    expect((await h.request("POST", `/api/v1/outbox/${id}/retry`)).status).toBe(401);
    const staff = await h.tokenFor("staff@school.test");
    expect((await h.request("POST", `/api/v1/outbox/${id}/retry`, { token: staff })).status).toBe(403);
    const [row] = await h.db.select().from(outbox).where(eq(outbox.id, id));
    expect(row!.status).toBe("failed");
  });
});
