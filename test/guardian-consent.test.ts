// Issue #14, consent only a guardian gives and can take back, through the API and the website:
// the guardian's record of each decision, the used link showing that decision, withdrawing a
// yes (the seat goes to the waiting list in the same write), and the daily allowance of consent
// requests per guardian address, whoever triggers them, including under a burst.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, bookings, outbox } from "../src/db/schema";
import { SESSION_COOKIE } from "../src/lib/auth";
import { DAY, HOUR } from "../src/lib/time";
import { checkSeatAccounting } from "../src/rules/capacity";
import { CONSENT_EMAILS_PER_GUARDIAN_PER_DAY, guardianAllowanceLeft } from "../src/rules/consent";
import { createHarness, problem, type Harness } from "./support/harness";
import { session as newSession, youngPeopleWithTokens } from "./support/fixtures";
import { parseIcs } from "./support/ics";

const ORIGIN = "https://opendoor.test";
const UNDER_16 = "2011-06-01"; // 14 in March 2026

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterEach(async () => {
  expect(await checkSeatAccounting(h.db)).toEqual([]);
});
afterAll(() => h.close());

let day = 10;
const freshSession = (capacity = 10) => newSession(h.db, h.clock.now(), { capacity, startsIn: day++ * DAY, title: "Bike repair taster" });
const youngPerson = async (name: string) => {
  const email = `${name}-${day}@example.com`;
  const token = await h.tokenFor(email, { displayName: name, dateOfBirth: UNDER_16, isYoungPerson: true });
  return { email, token, cookie: `${SESSION_COOKIE}=${token}` };
};
const formPost = (path: string, fields: Record<string, string>, cookie?: string) =>
  h.request("POST", path, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...(cookie ? { cookie } : {}) },
  });
const page = async (path: string) => {
  const res = await h.request("GET", path);
  return { status: res.status, html: await res.text() };
};
const consentPathIn = (text: string) => /https:\/\/opendoor\.test(\/consent\/[A-Za-z0-9_-]+)/.exec(text)![1]!;
const consentRequests = async (guardian: string) =>
  (await h.db.select().from(outbox).where(and(eq(outbox.template, "consent_request"), eq(outbox.toEmail, guardian)))).length;

describe("the guardian's decision, on the website", () => {
  it("records a yes by email, shows it at the same link, and withdrawing it gives the seat to the first person waiting", async () => {
    const s = await freshSession(1);
    const aisha = await youngPerson("Aisha");
    const kuba = await youngPerson("Kuba");
    const guardian = `dad-${day}@example.com`;
    expect((await formPost(`/sessions/${s.id}/book`, { guardianEmail: guardian }, aisha.cookie)).status).toBe(303);
    expect((await formPost(`/sessions/${s.id}/book`, { guardianEmail: `mum-${day}@example.com` }, kuba.cookie)).status).toBe(303);
    const path = consentPathIn((await h.mailFor(guardian)).at(-1)!.text);

    const granted = await formPost(path, { decision: "grant" });
    expect(granted.status).toBe(200);
    const done = await granted.text();
    expect(done).toContain("Thank you: the place is booked");
    expect(done).toContain("We have emailed you a record of your answer");

    // The record: what was decided, and the same link back.
    const record = (await h.mailFor(guardian)).at(-1)!;
    expect(record.subject).toBe("You said yes: Aisha can go to Bike repair taster");
    expect(consentPathIn(record.text)).toBe(path);

    // Reopening the used link shows the decision, not "this link no longer works".
    const reopened = await page(path);
    expect(reopened.status).toBe(200);
    expect(reopened.html).toContain("You said yes: Aisha can come.");
    expect(reopened.html).toContain('value="withdraw"');
    expect(reopened.html).not.toContain("This link no longer works");
    // A second answer to the same question changes nothing.
    expect((await formPost(path, { decision: "refuse" })).status).toBe(409);
    const [still] = await h.db.select().from(bookings).where(and(eq(bookings.sessionId, s.id), eq(bookings.status, "confirmed")));
    expect(still).toBeDefined();

    const withdrawn = await formPost(path, { decision: "withdraw" });
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.text()).toContain("Your yes is withdrawn");

    const rows = await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id));
    const aishas = rows.find((b) => b.guardianEmail === guardian)!;
    const kubas = rows.find((b) => b.guardianEmail !== guardian)!;
    expect(aishas).toMatchObject({ status: "cancelled", cancelReason: "consent_withdrawn" });
    // Same write: the freed seat is already offered to Kuba, first in the queue.
    expect(kubas.status).toBe("offered");
    expect(kubas.lastOp).toBe(`${aishas.lastOp}:offer`);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, aishas.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["booking.consent_granted", "booking.consent_withdrawn"]);

    // The guardian's second record; the young person is told, and the calendar entry taken out.
    expect((await h.mailFor(guardian)).at(-1)!.subject).toBe("You withdrew your yes: Aisha will not go to Bike repair taster");
    const told = (await h.mailFor(aisha.email)).at(-1)!;
    expect(told.text).toContain("Your parent or carer has withdrawn their yes");
    const ics = told.attachments.find((a) => a.filename.endsWith(".ics"))!;
    expect(parseIcs(ics.content).method).toBe("CANCEL");
    const offers = await h.db.select().from(outbox).where(and(eq(outbox.template, "offer_made"), eq(outbox.toEmail, kuba.email)));
    expect(offers).toHaveLength(1);

    const after = await page(path);
    expect(after.status).toBe(200);
    expect(after.html).toContain("You withdrew your yes: Aisha&#39;s booking is cancelled.");
    expect(after.html).not.toContain('value="withdraw"');
    const again = await formPost(path, { decision: "withdraw" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This answer can no longer be withdrawn");
  });

  it("records a no, and the used link shows it", async () => {
    const s = await freshSession();
    const yp = await youngPerson("Zofia");
    const guardian = `gran-${day}@example.com`;
    await formPost(`/sessions/${s.id}/book`, { guardianEmail: guardian }, yp.cookie);
    const path = consentPathIn((await h.mailFor(guardian)).at(-1)!.text);
    expect((await formPost(path, { decision: "refuse" })).status).toBe(200);
    expect((await h.mailFor(guardian)).at(-1)!.subject).toBe("You said no: Zofia will not go to Bike repair taster");
    const { status, html } = await page(path);
    expect(status).toBe(200);
    expect(html).toContain("You said no: Zofia is not coming");
    expect(html).not.toContain('value="withdraw"');
  });
});

describe("withdrawing through the API", () => {
  it("withdraws before the start, and refuses once the session has started", async () => {
    const api = async (path: string, body: unknown) => h.request("POST", `/api/v1${path}`, { body });
    for (const late of [false, true]) {
      const s = await freshSession();
      const yp = await youngPerson(late ? "Late" : "Early");
      const guardian = `carer-${day}-${late}@example.com`;
      expect((await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: { guardianEmail: guardian } })).status).toBe(201);
      const token = consentPathIn((await h.mailFor(guardian)).at(-1)!.text).split("/").pop()!;
      expect((await api(`/consents/${token}`, { decision: "grant" })).status).toBe(200);
      if (late) h.clock.set(s.startsAt + HOUR);
      try {
        const res = await api(`/consents/${token}`, { decision: "withdraw" });
        if (late) {
          expect(res.status).toBe(409);
          expect((await problem(res)).detail).toContain("can no longer be withdrawn");
          expect((await h.db.select().from(bookings).where(eq(bookings.sessionId, s.id)))[0]!.status).toBe("confirmed");
        } else {
          expect(res.status).toBe(200);
          expect(await res.json()).toMatchObject({ status: "cancelled" });
        }
      } finally {
        h.clock.set(Date.parse("2026-03-02T09:00:00Z"));
      }
    }
  });
});

describe("a few consent emails per guardian address per day, whoever triggers them", () => {
  const cap = CONSENT_EMAILS_PER_GUARDIAN_PER_DAY;

  it("15 book-and-cancel loops on the website send at most the day's allowance, and say why at the field", async () => {
    const s = await freshSession();
    const yp = await youngPerson("Looper");
    const guardian = `target-web-${day}@example.com`;
    const statuses: number[] = [];
    let refusedPage = "";
    for (let i = 0; i < 15; i++) {
      const res = await formPost(`/sessions/${s.id}/book`, { guardianEmail: guardian }, yp.cookie);
      statuses.push(res.status);
      if (res.status === 303) {
        const id = res.headers.get("location")!.split("/").pop()!;
        expect((await formPost(`/bookings/${id}/cancel`, {}, yp.cookie)).status).toBe(303);
      } else refusedPage = await res.text();
    }
    expect(statuses.filter((x) => x === 303)).toHaveLength(cap);
    expect(statuses.filter((x) => x === 400)).toHaveLength(15 - cap);
    expect(refusedPage).toContain(`already been sent ${cap} consent requests today`);
    expect(refusedPage).toContain('href="#guardianEmail"');
    expect((await h.mailFor(guardian)).filter((m) => m.text.includes("/consent/"))).toHaveLength(cap);
  });

  it("15 loops through the API send at most the allowance, another young person is refused too, and the next day it starts again", async () => {
    const s = await freshSession();
    const yp = await youngPerson("Apiloop");
    const guardian = `target-api-${day}@example.com`;
    const results: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: { guardianEmail: guardian } });
      results.push(res.status);
      if (res.status === 201) {
        const { id } = (await res.json()) as { id: string };
        expect((await h.request("POST", `/api/v1/bookings/${id}/cancel`, { token: yp.token })).status).toBe(200);
      } else {
        const p = await problem(res);
        expect(p.errors?.[0]?.path).toBe("guardianEmail");
      }
    }
    expect(results.filter((x) => x === 201)).toHaveLength(cap);
    expect(await consentRequests(guardian)).toBe(cap);
    // Whoever triggers them: a friend typing the same address (in another case) is refused too.
    const other = await youngPerson("Friend");
    const res = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: other.token, body: { guardianEmail: guardian.toUpperCase() } });
    expect(res.status).toBe(400);
    h.clock.advance(DAY + 1);
    try {
      const nextDay = await h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: other.token, body: { guardianEmail: guardian } });
      expect(nextDay.status).toBe(201);
    } finally {
      h.clock.set(Date.parse("2026-03-02T09:00:00Z"));
    }
  });

  it("holds under a burst: 15 young people at once naming one guardian get the allowance, no more (a check read first would pass all 15)", async () => {
    const s = await freshSession(30);
    const guardian = `burst-${day}@example.com`;
    const yps = await youngPeopleWithTokens(h.db, h.clock.now(), 15, { dateOfBirth: UNDER_16 });
    // Control: the allowance read before the writes says yes to every one of them, so a
    // check made only before the write would let all 15 requests through.
    const reads = await Promise.all(yps.map(() => guardianAllowanceLeft(h.db, guardian, h.clock.now())));
    expect(reads.every(Boolean)).toBe(true);
    const results = await Promise.all(
      yps.map((yp) => h.request("POST", `/api/v1/sessions/${s.id}/bookings`, { token: yp.token, body: { guardianEmail: guardian } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(cap);
    expect(results.filter((r) => r.status === 400)).toHaveLength(15 - cap);
    expect(results.filter((r) => r.status >= 500)).toHaveLength(0);
    expect(await consentRequests(guardian)).toBe(cap);
    const [held] = await h.db.all<{ n: number }>(sql`select count(*) as n from bookings where session_id = ${s.id} and status = 'pending_consent'`);
    expect(held!.n).toBe(cap);
  });
});
