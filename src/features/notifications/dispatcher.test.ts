// The dispatcher against a real HTTP server through the real Resend SDK: outages, lost
// answers, permanent refusals, dead dispatchers and dispatchers racing each other.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { deliveryState, outbox } from "../../db/schema";
import { parseLondonLocal } from "../../lib/time";
import { createHarness, type Harness } from "../../../test/support/harness";
import { startFakeResend, type FakeResend } from "../../../test/support/fake-resend";
import { notificationFixtures } from "../../../test/support/notification-fixtures";
import { fromBase64, parseIcs } from "../../../test/support/ics";
import { configFromEnv } from "../../lib/config";
import { mailerFor, resendMailer } from "./mailer";
import { claimDue, dispatchOutbox, enqueue, LEASE_MS, MAX_ATTEMPTS } from "./outbox";
import type { TemplateName } from "../../../emails";

let h: Harness;
let fake: FakeResend;
let f: ReturnType<typeof notificationFixtures>;
beforeAll(async () => {
  fake = await startFakeResend();
  h = await createHarness({ now: "2026-02-20T09:00:00Z", mailer: () => resendMailer("re_test_key", fake.url, { timeoutMs: 2000 }) });
  f = notificationFixtures(h.db);
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
afterEach(async () => {
  // Each test starts with an empty queue and a healthy provider (its circuit closed).
  await h.db.delete(outbox);
  await h.db.delete(deliveryState);
  fake.mode = "up";
  fake.delayMs = 0;
  fake.requests.length = 0;
  fake.delivered.length = 0;
  await fake.start().catch(() => undefined);
});

async function queue(n: number, template: TemplateName = "magic_link") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const [row] = await enqueue(h.db, { template, to: `person${i}@example.test`, payload: { url: `https://opendoor.test/sign-in/t${i}` } }, h.clock.now()).returning({ id: outbox.id });
    ids.push(row!.id);
  }
  return ids;
}

/** Runs the dispatcher the way the cron does, moving the clock a minute each tick. */
async function tick(times = 1) {
  for (let i = 0; i < times; i++) {
    await dispatchOutbox(h.deps, { limit: 50 });
    h.clock.advance(60_000);
  }
}

const statuses = async (ids: string[]) => (await h.db.select().from(outbox).where(inArray(outbox.id, ids))).map((r) => r.status);
const deliveredKeys = () => fake.delivered.map((d) => d.key);

describe("a provider outage", () => {
  it("delivers every message exactly once after 5xx, 429 and refused connections, with the message id as the key", async () => {
    const ids = await queue(12);
    fake.mode = "server_error";
    await tick();
    fake.mode = "rate_limited";
    h.clock.advance(10 * 60_000);
    await tick();
    await fake.stop();
    h.clock.advance(10 * 60_000);
    await tick();
    expect(fake.delivered).toHaveLength(0);
    expect(new Set(await statuses(ids))).toEqual(new Set(["pending"]));
    // The provider was backed off as a whole (its circuit), not asked for every message each time.
    expect(fake.requests.length).toBeLessThan(ids.length);

    fake.mode = "up";
    await fake.start();
    for (let i = 0; i < 120 && (await statuses(ids)).some((s) => s !== "sent"); i++) await tick();

    expect(await statuses(ids)).toEqual(ids.map(() => "sent"));
    expect(deliveredKeys().sort()).toEqual([...ids].sort());
    // Every request carried a message id as its key, and none was accepted twice.
    expect(fake.requests.every((r) => r.idempotencyKey && ids.includes(r.idempotencyKey))).toBe(true);
    expect(new Set(deliveredKeys()).size).toBe(deliveredKeys().length);
    const rows = await h.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((r) => r.attempts >= 1 && r.providerId?.startsWith("re_"))).toBe(true);
  });

  it("sends the same bytes again when an answer was lost, so the provider replays instead of sending twice", async () => {
    const start = parseLondonLocal("2026-03-03T16:00");
    const { booking, person } = await f.confirmedBooking({ email: "lost@example.test", startsAt: start });
    const [row] = await enqueue(h.db, { template: "booking_confirmed", to: person.email, payload: { bookingId: booking.id } }, h.clock.now()).returning();
    fake.mode = "lost_response";
    await tick();
    expect(await statuses([row!.id])).toEqual(["pending"]);
    fake.mode = "up";
    h.clock.advance(60 * 60_000);
    await tick();
    expect(await statuses([row!.id])).toEqual(["sent"]);
    expect(fake.requests.map((r) => r.answerName)).toEqual(["internal_server_error", "replayed"]);
    expect(fake.delivered).toHaveLength(1);
  });

  it("waits at least as long as the provider's Retry-After", async () => {
    const [id] = await queue(1);
    fake.mode = "rate_limited";
    fake.retryAfterSeconds = 900;
    const before = h.clock.now();
    await dispatchOutbox(h.deps);
    const [row] = await h.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row!.nextAttemptAt).toBeGreaterThanOrEqual(before + 900_000);
    fake.retryAfterSeconds = 1;
  });

  it("gives up on a send that never answers and tries again later", async () => {
    const [id] = await queue(1);
    fake.mode = "hang";
    expect(await dispatchOutbox(h.deps)).toMatchObject({ retried: 1, sent: 0 });
    fake.mode = "up";
    h.clock.advance(60 * 60_000);
    await dispatchOutbox(h.deps);
    expect(await statuses([id!])).toEqual(["sent"]);
    expect(deliveredKeys().filter((k) => k === id)).toHaveLength(1);
  });
});

describe("a permanent refusal", () => {
  it("is not retried: one request, then the message is failed with the reason", async () => {
    const [id] = await queue(1);
    fake.mode = "validation_error";
    await tick(5);
    h.clock.advance(24 * 60 * 60_000);
    await tick(2);
    expect(fake.requests).toHaveLength(1);
    const [row] = await h.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toContain("validation_error");
  });

  it("fails a message whose booking no longer exists without calling the provider", async () => {
    const [row] = await enqueue(h.db, { template: "booking_confirmed", to: "gone@example.test", payload: { bookingId: "bkg_missing" } }, h.clock.now()).returning();
    await tick();
    expect(await statuses([row!.id])).toEqual(["failed"]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("a dispatcher that dies mid-drain", () => {
  it("leaves messages that another dispatcher delivers once the lease has lapsed, and not before", async () => {
    const ids = await queue(5);
    const dead = await claimDue(h.db, "disp_dead", h.clock.now(), 50);
    expect(dead.map((r) => r.id).sort()).toEqual([...ids].sort());
    // It claimed and died: nothing is sent while its lease still stands.
    h.clock.advance(LEASE_MS - 1);
    await dispatchOutbox(h.deps);
    expect(fake.requests).toHaveLength(0);
    h.clock.advance(2);
    await dispatchOutbox(h.deps);
    expect(await statuses(ids)).toEqual(ids.map(() => "sent"));
    expect(deliveredKeys().sort()).toEqual([...ids].sort());
  });

  it("gives a message up after it has been abandoned on every attempt", async () => {
    const [id] = await queue(1);
    await h.db.update(outbox).set({ status: "sending", attempts: MAX_ATTEMPTS, leaseOwner: "disp_dead", leaseUntil: h.clock.now() - 1 }).where(eq(outbox.id, id!));
    await dispatchOutbox(h.deps);
    const [row] = await h.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row!.status).toBe("failed");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("dispatchers running at once", () => {
  it("never send the same message twice", async () => {
    const ids = await queue(40);
    fake.delayMs = 5;
    await Promise.all(Array.from({ length: 4 }, () => dispatchOutbox(h.deps, { limit: 15 })));
    while ((await dispatchOutbox(h.deps, { limit: 50 })).sent > 0);
    expect(fake.requests).toHaveLength(40);
    expect(new Set(fake.requests.map((r) => r.idempotencyKey)).size).toBe(40);
    expect(await statuses(ids)).toEqual(ids.map(() => "sent"));
  });

  it("control: without the claim, two senders reading the same queue both send", async () => {
    await queue(10);
    fake.delayMs = 5;
    const naive = async () => {
      const rows = await h.db.select().from(outbox).where(eq(outbox.status, "pending"));
      for (const row of rows) {
        await h.deps.mailer.send({ id: row.id, from: "x@opendoor.test", to: row.toEmail, subject: "s", text: "t", html: "<p>t</p>" });
        await h.db.update(outbox).set({ status: "sent" }).where(eq(outbox.id, row.id));
      }
    };
    await Promise.all([naive(), naive()]);
    expect(fake.requests.length).toBe(20);
  });
});

describe("what reaches the provider", () => {
  it("goes to the Resend API named by RESEND_BASE_URL when RESEND_API_KEY is set", async () => {
    const config = configFromEnv({ RESEND_API_KEY: "re_from_env", RESEND_BASE_URL: fake.url, NODE_ENV: "production" }, "node");
    expect(config.devMailbox).toBe(false);
    await mailerFor(h.db, config).send({ id: "msg_env", from: config.emailFrom, to: "env@example.test", subject: "s", text: "t", html: "<p>t</p>" });
    expect(fake.requests.map((r) => [r.path, r.authorization, r.idempotencyKey])).toEqual([["/emails", "Bearer re_from_env", "msg_env"]]);
  });

  it("sends the calendar invite as a base64 attachment that decodes to the ics", async () => {
    const { booking, person } = await f.confirmedBooking({ email: "attach@example.test", startsAt: parseLondonLocal("2026-10-26T10:00") });
    await enqueue(h.db, { template: "booking_confirmed", to: person.email, payload: { bookingId: booking.id } }, h.clock.now());
    await dispatchOutbox(h.deps);
    const [request] = fake.requests;
    expect(request!.authorization).toBe("Bearer re_test_key");
    expect(request!.body.to).toEqual(["attach@example.test"]);
    const [attachment] = request!.body.attachments!;
    expect(attachment!.filename).toBe("invite.ics");
    expect(attachment!.content).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const ics = parseIcs(fromBase64(attachment!.content));
    expect(ics.method).toBe("REQUEST");
    expect(ics.events[0]!.uid).toBe(`${booking.id}@opendoor.test`);
    expect(ics.events[0]!.startUtc).toBe("2026-10-26T10:00:00.000Z");
  });
});
