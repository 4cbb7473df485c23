// Issue #14 item 6: book a whole series in one step. Every date keeps the single booking's rules,
// the outcome per date is answered and emailed ONCE (one invite, a VEVENT per booked date under
// the single booking's UID scheme), the series is one write, and the last seat of a date is
// never overfilled when 20 people book the series at once (with a control that overfills).
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { bookings, outbox, sessions } from "../../db/schema";
import { libsqlDb } from "../../db/client";
import { openLibsqlFile } from "../../db/libsql-node";
import { createApp } from "../../app";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { event, session, youngPeopleWithTokens } from "../../../test/support/fixtures";
import { parseIcs } from "../../../test/support/ics";
import { withNetworkLatency } from "../../../test/support/latency";
import { bookWithoutCapacityGuard } from "../../../test/support/unguarded-booking";
import { checkSeatAccounting } from "../../rules/capacity";
import { DAY, HOUR } from "../../lib/time";
import { SESSION_COOKIE } from "../../lib/auth";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

type Item = { sessionId: string; outcome: string; bookingId?: string; position?: number; clashingTitle?: string; age?: number };
const bookAll = (eventId: string, token: string, body: Record<string, unknown> = {}) => h.request("POST", `/api/v1/events/${eventId}/series-bookings`, { token, body });
const items = async (res: Response) => ((await res.json()) as { items: Item[] }).items;
const seatsTaken = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;

/** An event with `n` weekly sessions from a week ahead (2 h each), all of `capacity`. */
async function weekly(n: number, capacity = 10, options: Parameters<typeof event>[1] = {}) {
  const e = await event(h.db, { title: { en: "Storytelling", pl: "Opowiadanie historii" }, ...options });
  const list = [];
  for (let i = 0; i < n; i++) list.push(await session(h.db, h.clock.now(), { eventId: e.id, capacity, startsIn: (i + 1) * 7 * DAY }));
  return { event: e, sessions: list };
}

describe("booking a whole series", () => {
  it("books each date under its own rules, reports past, booked, full and clashing dates, and emails once with one VEVENT per booked date", async () => {
    const { event: e, sessions: [full, free, mine, clashing] } = await weekly(4);
    const past = await session(h.db, h.clock.now(), { eventId: e.id, startsIn: -7 * DAY });
    const [yp, other] = await youngPeopleWithTokens(h.db, h.clock.now(), 2);
    await h.db.update(sessions).set({ capacity: 1 }).where(eq(sessions.id, full!.id));
    expect((await h.request("POST", `/api/v1/sessions/${full!.id}/bookings`, { token: other!.token })).status).toBe(201);
    const already = (await (await h.request("POST", `/api/v1/sessions/${mine!.id}/bookings`, { token: yp!.token })).json()) as { id: string };
    // Another activity at the same time as the fourth date.
    const elsewhere = await session(h.db, h.clock.now(), { startsIn: 4 * 7 * DAY + HOUR, title: "Bricklaying taster" });
    expect((await h.request("POST", `/api/v1/sessions/${elsewhere.id}/bookings`, { token: yp!.token })).status).toBe(201);
    await h.db.delete(outbox);

    const res = await bookAll(e.id, yp!.token, { accessNeeds: "A quiet corner" });
    expect(res.status).toBe(200);
    const got = await items(res);
    expect(got.map((i) => [i.sessionId, i.outcome])).toEqual([
      [past.id, "past"],
      [full!.id, "waitlisted"],
      [free!.id, "booked"],
      [mine!.id, "already_booked"],
      [clashing!.id, "clash"],
    ]);
    expect(got[1]!.position).toBe(1);
    expect(got[4]!.clashingTitle).toBe("Bricklaying taster");
    expect(await seatsTaken(full!.id)).toBe(1);
    expect(await seatsTaken(free!.id)).toBe(1);
    expect(await seatsTaken(clashing!.id)).toBe(0);
    const [booked] = await h.db.select().from(bookings).where(eq(bookings.id, got[2]!.bookingId!));
    expect(booked).toMatchObject({ status: "confirmed", accessNeeds: "A quiet corner" });

    // ONE message for the whole step: no per-date confirmation or waiting-list email.
    expect((await h.db.select().from(outbox)).map((m) => m.template)).toEqual(["series_booked"]);
    const mail = await h.mailFor(yp!.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Your dates for Storytelling");
    expect(mail[0]!.text).toMatch(/On the waiting list: you are number 1/);
    expect(mail[0]!.text).toMatch(/Not booked: it clashes with Bricklaying taster/);
    expect(mail[0]!.text).toMatch(/Already happened/);
    const ics = parseIcs(mail[0]!.attachments.find((a) => a.filename === "invite.ics")!.content);
    expect(ics.method).toBe("REQUEST");
    // Only the confirmed date has a calendar entry, under the single booking's UID scheme, so a
    // later cancellation of that date (a CANCEL for the same UID) takes out exactly that one.
    expect(ics.events.map((v) => v.uid)).toEqual([`${got[2]!.bookingId}@opendoor.test`]);
    expect(ics.events[0]!.startUtc).toBe(new Date(free!.startsAt).toISOString());
    expect(already.id).not.toBe(got[2]!.bookingId);

    await h.request("POST", `/api/v1/bookings/${got[2]!.bookingId}/cancel`, { token: yp!.token });
    const [cancelMail] = (await h.mailFor(yp!.email)).slice(1);
    const cancel = parseIcs(cancelMail!.attachments.find((a) => a.filename === "invite.ics")!.content);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events.map((v) => v.uid)).toEqual([`${got[2]!.bookingId}@opendoor.test`]);
    expect(cancel.events[0]!.sequence).toBeGreaterThan(ics.events[0]!.sequence);
  });

  it("puts every booked date in one invite, and says each outcome in the person's language", async () => {
    const { event: e } = await weekly(3);
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    const token = await h.tokenFor(yp!.email, { dateOfBirth: "2008-05-05", isYoungPerson: true, locale: "pl" });
    const got = await items(await bookAll(e.id, token));
    expect(got.map((i) => i.outcome)).toEqual(["booked", "booked", "booked"]);
    const [mail] = await h.mailFor(yp!.email);
    expect(mail!.subject).toBe("Twoje terminy: Opowiadanie historii");
    expect(mail!.text.match(/Zarezerwowano/g)).toHaveLength(3);
    const ics = parseIcs(mail!.attachments.find((a) => a.filename === "invite.ics")!.content);
    expect(ics.events.map((v) => v.uid).sort()).toEqual(got.map((i) => `${i.bookingId}@opendoor.test`).sort());
  });

  it("keeps the age range per date: a date after the person is too old is reported, not booked", async () => {
    // Turns 18 on 12 March 2026; the dates are 9 and 16 March.
    const { event: e, sessions: list } = await weekly(2, 10, { minAge: 11, maxAge: 17 });
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2008-03-12" });
    const got = await items(await bookAll(e.id, yp!.token));
    expect(got.map((i) => i.outcome)).toEqual(["booked", "ineligible"]);
    expect(got[1]).toMatchObject({ age: 18, minAge: 11, maxAge: 17 });
    expect(await seatsTaken(list[1]!.id)).toBe(0);
  });

  it("under the consent age: asks for a guardian, then sends the guardian ONE email with a yes link per date", async () => {
    const { event: e, sessions: list } = await weekly(3);
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2012-01-01" });
    const refused = await bookAll(e.id, yp!.token);
    expect(refused.status).toBe(400);
    expect((await problem(refused)).errors?.[0]?.path).toBe("guardianEmail");
    expect(await h.db.select().from(bookings).where(inArray(bookings.sessionId, list.map((s) => s.id)))).toEqual([]);
    const own = await bookAll(e.id, yp!.token, { guardianEmail: yp!.email });
    expect((await problem(own)).errors?.[0]?.path).toBe("guardianEmail");

    const guardian = `parent-${yp!.id}@example.com`;
    const got = await items(await bookAll(e.id, yp!.token, { guardianEmail: guardian }));
    expect(got.map((i) => i.outcome)).toEqual(["pending_consent", "pending_consent", "pending_consent"]);
    expect(await seatsTaken(list[0]!.id)).toBe(1);
    const toGuardian = await h.mailFor(guardian);
    expect(toGuardian).toHaveLength(1);
    const links = [...toGuardian[0]!.text.matchAll(/\/consent\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
    expect(new Set(links).size).toBe(3);
    // The parent says yes to the first date only: that date is confirmed, the others still wait.
    expect((await h.request("POST", `/api/v1/consents/${links[0]}`, { body: { decision: "grant" } })).status).toBe(200);
    const rows = await h.db.select().from(bookings).where(inArray(bookings.sessionId, list.map((s) => s.id)));
    expect(rows.map((r) => [r.sessionId, r.status]).sort()).toEqual(
      [
        [list[0]!.id, "confirmed"],
        [list[1]!.id, "pending_consent"],
        [list[2]!.id, "pending_consent"],
      ].sort(),
    );
    // The whole series counted once against the guardian's daily allowance of consent emails.
    const requests = (await h.db.select().from(outbox)).filter((m) => m.toEmail === guardian && m.template.includes("consent_request"));
    expect(requests).toHaveLength(1);
  });

  it("is one write: a crash at its last statement leaves no date written and no seat taken", async () => {
    const { event: e, sessions: list } = await weekly(3);
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1);
    // The crash: the series' email, the batch's last insert, fails after every date's row and seat.
    await h.db.run(`create trigger crash_series before insert on outbox when new.template = 'series_booked' begin select raise(abort, 'crash'); end` as never);
    try {
      const res = await bookAll(e.id, yp!.token);
      expect(res.status).toBe(500);
    } finally {
      await h.db.run(`drop trigger crash_series` as never);
    }
    expect(await h.db.select().from(bookings).where(eq(bookings.personId, yp!.id))).toEqual([]);
    for (const s of list) expect(await seatsTaken(s.id)).toBe(0);
    // And once the fault is gone, the same step books every date.
    expect((await items(await bookAll(e.id, yp!.token))).map((i) => i.outcome)).toEqual(["booked", "booked", "booked"]);
  });

  it("refuses an unknown event and someone else's young person", async () => {
    const [yp, other] = await youngPeopleWithTokens(h.db, h.clock.now(), 2);
    expect((await bookAll("evt_nope", yp!.token)).status).toBe(404);
    const { event: e } = await weekly(1);
    expect((await bookAll(e.id, yp!.token, { personId: other!.id })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/events/${e.id}/series-bookings`, { body: {} })).status).toBe(401);
  });
});

describe("20 people booking a series at once, one seat left on one date", () => {
  it("never overfills that date (the others are booked for all), and the control without the guard does", async () => {
    const { event: e, sessions: list } = await weekly(3, 30);
    const last = list[1]!;
    await h.db.update(sessions).set({ capacity: 1 }).where(eq(sessions.id, last.id));
    const yps = await youngPeopleWithTokens(h.db, h.clock.now(), 20);
    // The engine on a connection with network-like latency, so the 20 writes really interleave.
    const { client } = await openLibsqlFile(join(h.dir, "test.db"));
    const slow = libsqlDb(withNetworkLatency(client));
    try {
      const app = createApp({ ...h.deps, db: slow, config: { ...h.deps.config, coordinatorEmails: [COORDINATOR] } });
      const answers = await Promise.all(
        yps.map(async (yp) =>
          (await (
            await app.request(`/api/v1/events/${e.id}/series-bookings`, { method: "POST", headers: { authorization: `Bearer ${yp.token}`, "content-type": "application/json" }, body: "{}" })
          ).json()) as { items: Item[] },
        ),
      );
      const onLast = answers.map((a) => a.items.find((i) => i.sessionId === last.id)!);
      expect(onLast.filter((i) => i.outcome === "booked")).toHaveLength(1);
      expect(onLast.filter((i) => i.outcome === "waitlisted").map((i) => i.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
      expect(answers.every((a) => a.items.filter((i) => i.sessionId !== last.id).every((i) => i.outcome === "booked"))).toBe(true);
      expect(await seatsTaken(last.id)).toBe(1);
      expect(await seatsTaken(list[0]!.id)).toBe(20);

      // CONTROL: the same 20 for the same last seat through a read-then-write without the guard.
      const control = await session(h.db, h.clock.now(), { capacity: 1, startsIn: 60 * DAY });
      const statuses = await Promise.all(yps.map((yp) => bookWithoutCapacityGuard(slow, control.id, yp.id, h.clock.now())));
      const overfilled = statuses.filter((s) => s === "confirmed").length;
      console.log(`[series race] guarded: 1 of 1 seat; control without the guard confirmed ${overfilled}`);
      expect(overfilled).toBeGreaterThan(1);
      await h.db.delete(bookings).where(and(eq(bookings.sessionId, control.id)));
      await h.db.update(sessions).set({ seatsTaken: 0 }).where(eq(sessions.id, control.id));
    } finally {
      client.close();
    }
  });
});

describe("booking a whole series on the website", () => {
  const ORIGIN = "https://opendoor.test";
  const page = (path: string, cookie?: string) => h.request("GET", path, { headers: cookie ? { cookie } : {} });
  const submit = (path: string, fields: Record<string, string>, cookie: string, origin = ORIGIN) =>
    h.request("POST", path, { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin } });

  it("offers 'Book all N dates' on the event page, asks for a guardian when a date needs one, and shows the outcome per date in the person's language", async () => {
    const { event: e, sessions: list } = await weekly(3);
    await h.db.update(sessions).set({ capacity: 0 }).where(eq(sessions.id, list[2]!.id));
    const eventPage = await (await page(`/events/${e.id}`)).text();
    expect(eventPage).toContain(`href="/events/${e.id}/book-all"`);
    expect(eventPage).toContain("Book all 3 dates");

    const signedOut = await page(`/events/${e.id}/book-all`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe("/sign-in");

    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { dateOfBirth: "2012-01-01" });
    const cookie = `${SESSION_COOKIE}=${yp!.token}; lang=ar`;
    const form = await (await page(`/events/${e.id}/book-all`, cookie)).text();
    expect(form).toContain('name="guardianEmail"');
    expect(form).toContain(`action="/events/${e.id}/book-all"`);

    // Another site's post is refused before anything is booked.
    expect((await submit(`/events/${e.id}/book-all`, { guardianEmail: "parent@example.com" }, cookie, "https://evil.example")).status).toBe(403);
    expect(await h.db.select().from(bookings).where(eq(bookings.personId, yp!.id))).toEqual([]);

    // Without the guardian's address: the form again, with the field's error.
    const missing = await submit(`/events/${e.id}/book-all`, {}, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('href="#guardianEmail"');

    const done = await submit(`/events/${e.id}/book-all`, { guardianEmail: `parent-${yp!.id}@example.com` }, cookie);
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain("ما حدث لكل موعد");
    expect(html.match(/محجوز مؤقتًا/g)).toHaveLength(2);
    expect(html).toContain("في قائمة الانتظار: رقمك 1");
    const rows = await h.db.select().from(bookings).where(eq(bookings.personId, yp!.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["pending_consent", "pending_consent", "waitlisted"]);
  });
});
