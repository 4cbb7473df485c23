// Delivery that keeps moving (issue #20): a provider that hangs is backed off as a whole, the
// queue drains at the provider's rate once it is back, and time-critical messages go first.
// A real HTTP fake of Resend through the real SDK; the clock is simulated (the dispatcher
// waits for rate slots on it), so ten minutes of outage take seconds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { deliveryState, outbox } from "../../db/schema";
import { parseLondonLocal } from "../../lib/time";
import { createHarness, type Harness } from "../../../test/support/harness";
import { startFakeResend, type FakeResend } from "../../../test/support/fake-resend";
import { notificationFixtures } from "../../../test/support/notification-fixtures";
import type { TemplateName } from "../../../emails";
import { CIRCUIT_THRESHOLD, reserveSends } from "./delivery";
import { resendMailer } from "./mailer";
import { dispatchOutbox, enqueue } from "./outbox";
import { PRIORITY } from "./priority";

let h: Harness;
let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
  h = await createHarness({ now: "2026-02-20T09:00:00Z", mailer: () => resendMailer("re_test_key", fake.url, { timeoutMs: 1000 }) });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
afterEach(async () => {
  await h.db.delete(outbox);
  await h.db.delete(deliveryState);
  fake.mode = "up";
  fake.requests.length = 0;
  fake.delivered.length = 0;
});

const MINUTE = 60_000;

/** The minute cron: a run now, then at the next minute's 30th second after it finishes. */
async function cronUntil(end: number, stop: () => Promise<boolean> = async () => false) {
  while (h.clock.now() < end && !(await stop())) {
    await dispatchOutbox(h.deps);
    h.clock.set(Math.floor((h.clock.now() - 30_000) / MINUTE) * MINUTE + 30_000 + MINUTE);
  }
}

describe("a provider that hangs for ten minutes", () => {
  it("delivers 200 queued messages exactly once within 2 minutes of recovering, sign-in links first", async () => {
    const f = notificationFixtures(h.db, () => h.clock.now());
    const { booking } = await f.confirmedBooking({ email: "queue@example.test", startsAt: parseLondonLocal("2026-03-03T16:00") });
    // Queued oldest first: 150 booking messages, then 50 sign-in links, so the links are the
    // newest and only their priority can put them first.
    const kinds: TemplateName[] = ["reminder", "booking_confirmed", "feedback_invitation"];
    const ids = new Map<string, TemplateName>();
    for (let i = 0; i < 200; i++) {
      const template: TemplateName = i < 150 ? kinds[i % 3]! : "magic_link";
      const payload = template === "magic_link" ? { url: `https://opendoor.test/sign-in/t${i}` } : { bookingId: booking.id };
      const [row] = await enqueue(h.db, { template, to: `p${i}@example.test`, payload }, h.clock.now()).returning({ id: outbox.id });
      ids.set(row!.id, template);
      h.clock.advance(10);
    }

    // The worst case for recovery: the provider comes back one second after a probe failed,
    // so the circuit is open for its longest pause (the outage starts at :31, the cron is at :30).
    h.clock.set(Math.floor(h.clock.now() / MINUTE) * MINUTE + MINUTE + 31_000);
    fake.mode = "hang";
    const outageStart = h.clock.now();
    await cronUntil(outageStart + 10 * MINUTE);
    const outageRequests = fake.requests.length;
    // Backed off as a whole: the threshold's worth of sends, then about one probe a minute.
    expect(outageRequests).toBeLessThanOrEqual(CIRCUIT_THRESHOLD + 1 + 11);
    expect(fake.delivered).toHaveLength(0);

    // Back at 10 minutes; the clock stands at the next cron run, which no dispatcher has reached.
    fake.mode = "up";
    const recovered = outageStart + 10 * MINUTE;
    expect(h.clock.now()).toBeGreaterThanOrEqual(recovered);
    const allSent = async () => (await h.db.select({ status: outbox.status }).from(outbox)).every((r) => r.status === "sent");
    await cronUntil(recovered + 10 * MINUTE, allSent);

    const rows = await h.db.select().from(outbox).where(inArray(outbox.id, [...ids.keys()]));
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => "sent"));
    // Exactly once: one accepted request per message, each under its own key.
    expect(fake.delivered.map((d) => d.key).sort()).toEqual([...ids.keys()].sort());
    const lastSent = Math.max(...rows.map((r) => r.sentAt!));
    console.log(
      `delivery: ${outageRequests} requests during the 10-minute hang; all 200 sent ${((lastSent - recovered) / 1000).toFixed(0)} s after recovery`,
    );
    expect(lastSent - recovered).toBeLessThanOrEqual(2 * MINUTE);
    // Sign-in links first: every link was handed over no later than any message that can wait.
    const sentAt = (p: number) => rows.filter((r) => PRIORITY[ids.get(r.id)!] === p).map((r) => r.sentAt!);
    expect(Math.max(...sentAt(0))).toBeLessThanOrEqual(Math.min(...sentAt(1), ...sentAt(2)));
    expect(Math.max(...sentAt(1))).toBeLessThanOrEqual(Math.min(...sentAt(2)));
    // The order the provider saw: the first 50 accepted are the 50 links.
    expect(fake.delivered.slice(0, 50).every((d) => ids.get(d.key!) === "magic_link")).toBe(true);
  }, 120_000);
});

describe("the circuit", () => {
  it("lets exactly one of several dispatchers probe a provider that is still down, and the probe costs the message no attempt", async () => {
    const [row] = await enqueue(h.db, { template: "magic_link", to: "probe@example.test", payload: { url: "https://opendoor.test/sign-in/p" } }, h.clock.now()).returning();
    await h.db.insert(deliveryState).values({ channel: "email", failures: CIRCUIT_THRESHOLD + 2, openUntil: h.clock.now() - 1 });
    fake.mode = "hang";
    await Promise.all(Array.from({ length: 4 }, () => dispatchOutbox(h.deps)));
    expect(fake.requests).toHaveLength(1);
    const [after] = await h.db.select().from(outbox).where(inArray(outbox.id, [row!.id]));
    expect(after).toMatchObject({ status: "pending", attempts: 0 });
    const [state] = await h.db.select().from(deliveryState);
    expect(state!.openUntil).toBeGreaterThan(h.clock.now());
    // Still open: the next runs send nothing until the pause is over.
    await dispatchOutbox(h.deps);
    expect(fake.requests).toHaveLength(1);
  });

  it("control: a dispatcher without the circuit asks the failing provider for every message on every run", async () => {
    for (let i = 0; i < 8; i++) await enqueue(h.db, { template: "magic_link", to: `c${i}@example.test`, payload: { url: "https://opendoor.test/sign-in/c" } }, h.clock.now());
    fake.mode = "server_error";
    const naive = async () => {
      for (const row of await h.db.select().from(outbox)) {
        await h.deps.mailer.send({ id: row.id, from: "x@opendoor.test", to: row.toEmail, subject: "s", text: "t", html: "<p>t</p>" }).catch(() => undefined);
      }
    };
    for (let run = 0; run < 3; run++) await naive();
    expect(fake.requests).toHaveLength(3 * 8);
    // The real dispatcher, three runs over the same outage: the threshold's wave, then probes.
    fake.requests.length = 0;
    for (let run = 0; run < 3; run++) {
      await dispatchOutbox(h.deps);
      h.clock.advance(MINUTE);
    }
    expect(fake.requests.length).toBeLessThanOrEqual(h.deps.config.emailSendRate + 2);
  });
});

describe("the rate window", () => {
  it("keeps dispatchers running at once within the rate together", async () => {
    await dispatchOutbox(h.deps); // creates the row
    const rate = 4;
    const grants: { at: number; n: number }[] = [];
    const take = async () => {
      for (let got = 0; got < 15; ) {
        const n = await reserveSends(h.db, h.clock, Math.min(3, 15 - got), rate);
        grants.push({ at: h.clock.now(), n });
        got += n;
      }
    };
    const start = h.clock.now();
    await Promise.all([take(), take(), take()]);
    expect(grants.reduce((sum, g) => sum + g.n, 0)).toBe(45);
    // Every grant at one moment of the shared clock fits in one window...
    const atOnce = new Map<number, number>();
    for (const g of grants) atOnce.set(g.at, (atOnce.get(g.at) ?? 0) + g.n);
    expect(Math.max(...atOnce.values())).toBeLessThanOrEqual(rate);
    // ...so 45 sends took at least 11 windows of a second.
    expect(h.clock.now() - start).toBeGreaterThanOrEqual((Math.ceil(45 / rate) - 1) * 1000);
  });
});
