import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { d1Db } from "../../src/db/client";
import { sha256Hex } from "../../src/lib/crypto";
import { parseLondonLocal } from "../../src/lib/time";
import { testConfig } from "../../src/lib/config";
import { renderEmail } from "../../src/features/notifications/render";
import { notificationFixtures } from "../support/notification-fixtures";
import { devMailboxMailer } from "../../src/features/notifications/mailer";
import { sendReminders } from "../../src/features/notifications/reminders";
import { fixedClock, HOUR } from "../../src/lib/time";
import { parseIcs } from "../support/ics";
import { loadCatalogues, withCatalogues } from "../../src/i18n/catalogues-worker";

describe("calendars and emails on the Worker", () => {
  it("serves a personal feed with London times and a VTIMEZONE, from D1", async () => {
    const db = d1Db(env.DB);
    const f = notificationFixtures(db);
    const { person, booking } = await f.confirmedBooking({ email: "worker-feed@example.test", startsAt: parseLondonLocal("2026-03-30T10:00") });
    const secret = "workerfeedsecret0123456789";
    await f.person({ email: person.email, calendarFeedHash: await sha256Hex(secret) });
    const res = await SELF.fetch(`https://opendoor.test/api/v1/calendar-feeds/${secret}.ics`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`UID:${booking.id}@opendoor.test`);
    expect(body).toContain("DTSTART;TZID=Europe/London:20260330T100000");
    expect(body).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
  });

  // The same clock-change cases as src/features/calendar/calendar.test.ts, on workerd's Intl
  // (the TZDate reads the zone from it) and read back through the file's own VTIMEZONE.
  it("keeps 10:00 London at 10:00 local either side of both clock changes", async () => {
    const db = d1Db(env.DB);
    const f = notificationFixtures(db);
    const cases = [
      ["2026-03-27T10:00", "2026-03-27T10:00:00.000Z"],
      ["2026-03-29T10:00", "2026-03-29T09:00:00.000Z"],
      ["2026-03-30T10:00", "2026-03-30T09:00:00.000Z"],
      ["2026-10-23T10:00", "2026-10-23T09:00:00.000Z"],
      ["2026-10-25T10:00", "2026-10-25T10:00:00.000Z"],
      ["2026-10-26T10:00", "2026-10-26T10:00:00.000Z"],
    ] as const;
    const first = await f.confirmedBooking({ email: "worker-dst@example.test", startsAt: parseLondonLocal(cases[0][0]) });
    for (const [local] of cases.slice(1)) {
      const s = await f.session(first.event.id, parseLondonLocal(local), { venueId: first.venue.id });
      await f.booking({ sessionId: s.id, personId: first.person.id, startsAt: s.startsAt, endsAt: s.endsAt });
    }
    const secret = "workerdstfeedsecret0123456";
    await f.person({ email: first.person.email, calendarFeedHash: await sha256Hex(secret) });
    const ics = parseIcs(await (await SELF.fetch(`https://opendoor.test/api/v1/calendar-feeds/${secret}.ics`)).text());
    expect(ics.events.map((e) => [e.startLocal.slice(0, 16), e.startUtc])).toEqual(cases.map(([l, u]) => [l, u]));
  });

  it("serves a feed of 120 bookings within D1's limits on columns and bound parameters", async () => {
    const db = d1Db(env.DB);
    const f = notificationFixtures(db);
    const first = await f.confirmedBooking({ email: "worker-busy@example.test", startsAt: parseLondonLocal("2026-01-05T10:00") });
    for (let i = 1; i < 120; i++) {
      const s = await f.session(first.event.id, first.session.startsAt + i * 86_400_000, { venueId: first.venue.id });
      await f.booking({ sessionId: s.id, personId: first.person.id, startsAt: s.startsAt, endsAt: s.endsAt });
    }
    const secret = "workerbusyfeedsecret012345";
    await f.person({ email: first.person.email, calendarFeedHash: await sha256Hex(secret) });
    const res = await SELF.fetch(`https://opendoor.test/api/v1/calendar-feeds/${secret}.ics`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(120);
    expect(body.match(/LOCATION:Riverside Library/g)).toHaveLength(120);
  });

  it("renders a confirmation with its invite in Arabic", async () => {
    const db = d1Db(env.DB);
    const { booking } = await notificationFixtures(db).confirmedBooking({ email: "worker-ar@example.test", locale: "ar", startsAt: parseLondonLocal("2026-10-26T10:00") });
    // Called directly, not through the Worker's fetch: the words come as src/worker.ts gives them.
    const mail = await withCatalogues(await loadCatalogues(env.ASSETS), () =>
      renderEmail(db, { template: "booking_confirmed", locale: "ar", payload: { bookingId: booking.id }, toEmail: "worker-ar@example.test" }, testConfig(), Date.now()),
    );
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.attachments![0]!.content).toContain("DTSTART;TZID=Europe/London:20261026T100000");
  });

  it("queues a reminder once on D1 (guarded UPDATE and INSERT … SELECT in one batch)", async () => {
    const db = d1Db(env.DB);
    const start = parseLondonLocal("2026-05-05T16:00");
    const clock = fixedClock(start - 30 * HOUR);
    const { booking } = await notificationFixtures(db, () => clock.now()).confirmedBooking({ email: "worker-remind@example.test", startsAt: start });
    const deps = { db, clock, config: testConfig(), mailer: devMailboxMailer(db) };
    clock.set(start - 23 * HOUR);
    const runs = await Promise.all([sendReminders(deps), sendReminders(deps)]);
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(1);
    expect((await sendReminders(deps)).queued).toBe(0);
    const rows = await db.query.outbox.findMany();
    expect(rows.filter((r) => r.payload.bookingId === booking.id)).toHaveLength(1);
  });
});
