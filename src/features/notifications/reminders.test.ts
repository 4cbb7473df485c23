import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { bookings, devMailbox, outbox, people, sessions } from "../../db/schema";
import { HOUR, parseLondonLocal } from "../../lib/time";
import { runScheduledJobs, SCHEDULED_JOBS } from "../../jobs";
import { createHarness, type Harness } from "../../../test/support/harness";
import { notificationFixtures } from "../../../test/support/notification-fixtures";
import { enqueue } from "./outbox";
import { sendReminders } from "./reminders";

let h: Harness;
let f: ReturnType<typeof notificationFixtures>;
beforeAll(async () => {
  h = await createHarness({ now: "2026-02-20T09:00:00Z" });
  f = notificationFixtures(h.db, () => h.clock.now());
});
afterAll(() => h.close());
beforeEach(async () => {
  // Every test sees only its own bookings as due.
  await h.db.update(bookings).set({ status: "attended" });
  await h.db.delete(outbox);
  h.clock.set("2026-02-20T09:00:00Z");
});

const START = parseLondonLocal("2026-03-03T16:00");
const reminders = async (bookingId?: string) =>
  (await h.db.select().from(outbox).where(eq(outbox.template, "reminder"))).filter((m) => !bookingId || m.payload.bookingId === bookingId);

describe("reminders", () => {
  it("queues one reminder 24 hours before a session, in the person's language, and never a second", async () => {
    const { booking } = await f.confirmedBooking({ email: "remind-me@example.test", locale: "ro", startsAt: START });
    h.clock.set(START - 24 * HOUR - 60_000);
    expect(await sendReminders(h.deps)).toEqual({ queued: 0 });
    h.clock.set(START - 24 * HOUR);
    expect(await sendReminders(h.deps)).toEqual({ queued: 1 });
    h.clock.advance(HOUR);
    expect(await sendReminders(h.deps)).toEqual({ queued: 0 });
    const [message] = await reminders(booking.id);
    expect(message).toMatchObject({ toEmail: "remind-me@example.test", locale: "ro", payload: { bookingId: booking.id } });
    const [row] = await h.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.reminderSentAt).toBe(START - 24 * HOUR);
  });

  it("reminds 2 hours before mentoring, not 24", async () => {
    const { booking } = await f.mentoringBooking({ email: "mentee-remind@example.test", startsAt: START });
    h.clock.set(START - 24 * HOUR);
    await sendReminders(h.deps);
    expect(await reminders(booking.id)).toHaveLength(0);
    h.clock.set(START - 2 * HOUR);
    await sendReminders(h.deps);
    // The young person and the mentor, once each (issue #15: mentors get the same reminders).
    const sent = await reminders(booking.id);
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => m.toEmail)).toContain("mentee-remind@example.test");
    expect(new Set(sent.map((m) => m.toEmail)).size).toBe(2);
    await sendReminders(h.deps);
    expect(await reminders(booking.id)).toHaveLength(2);
  });

  it("goes to the member of staff who booked a group", async () => {
    const { booking } = await f.groupBooking({ staffEmail: "teacher-remind@hillside.test", startsAt: START });
    h.clock.set(START - 23 * HOUR);
    await sendReminders(h.deps);
    expect((await reminders(booking.id)).map((m) => m.toEmail)).toEqual(["teacher-remind@hillside.test"]);
  });

  it("never reminds a cancelled or waitlisted booking, or one whose session was called off", async () => {
    const cancelled = await f.confirmedBooking({ email: "gone@example.test", startsAt: START, booking: { status: "cancelled" } });
    const waiting = await f.confirmedBooking({ email: "wait@example.test", startsAt: START, booking: { status: "waitlisted" } });
    const calledOff = await f.confirmedBooking({ email: "off@example.test", startsAt: START });
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, calledOff.session.id));
    h.clock.set(START - 12 * HOUR);
    expect(await sendReminders(h.deps)).toEqual({ queued: 0 });
  });

  it("sends none for a booking made after its reminder time", async () => {
    h.clock.set(START - 10 * HOUR);
    const late = await f.confirmedBooking({ email: "late@example.test", startsAt: START });
    h.clock.advance(HOUR);
    expect(await sendReminders(h.deps)).toEqual({ queued: 0 });
    expect(await reminders(late.booking.id)).toHaveLength(0);
  });

  it("sends none once the session has started", async () => {
    await f.confirmedBooking({ email: "missed@example.test", startsAt: START });
    h.clock.set(START + 60_000);
    expect(await sendReminders(h.deps)).toEqual({ queued: 0 });
  });

  it("queues exactly one per booking when several runs race", async () => {
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => f.confirmedBooking({ email: `race${i}@example.test`, startsAt: START })));
    h.clock.set(START - 20 * HOUR);
    const results = await Promise.all(Array.from({ length: 4 }, () => sendReminders(h.deps)));
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(8);
    for (const { booking } of made) expect(await reminders(booking.id)).toHaveLength(1);
  });

  it("control: stamping and queueing without the guards sends duplicates when runs race", async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => f.confirmedBooking({ email: `naive${i}@example.test`, startsAt: START })));
    h.clock.set(START - 20 * HOUR);
    const naive = async () => {
      const due = await h.db.select().from(bookings).where(and(eq(bookings.status, "confirmed"), isNull(bookings.reminderSentAt)));
      for (const b of due) {
        await h.db.batch([
          h.db.update(bookings).set({ reminderSentAt: h.clock.now() }).where(eq(bookings.id, b.id)),
          enqueue(h.db, { template: "reminder", to: "x@example.test", payload: { bookingId: b.id } }, h.clock.now()),
        ]);
      }
    };
    await Promise.all([naive(), naive()]);
    expect((await reminders()).length).toBeGreaterThan(5);
  });

  it("runs before the outbox in the scheduled jobs, so a due reminder is in the mailbox after one run", async () => {
    expect(SCHEDULED_JOBS.map((j) => j.name).indexOf("reminders")).toBeLessThan(SCHEDULED_JOBS.map((j) => j.name).indexOf("outbox"));
    const { booking } = await f.confirmedBooking({ email: "one-run@example.test", startsAt: START });
    await h.db.update(people).set({ displayName: "Ada" }).where(eq(people.email, "one-run@example.test"));
    h.clock.set(START - 24 * HOUR);
    await runScheduledJobs(h.deps);
    const mail = await h.db.select().from(devMailbox).where(eq(devMailbox.toEmail, "one-run@example.test"));
    expect(mail.map((m) => m.subject)).toEqual(["Reminder: Try being a chef, Tuesday 3 March, 4:00pm to 5:30pm"]);
    expect(mail[0]!.text).toContain(booking.ticketCode);
  });
});
