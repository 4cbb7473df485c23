// Rule 18 through the API: credits once per person per session in the check-in's and the
// confirmation's own write, entries never edited (reversals instead), redemptions never below
// zero. Each guard is raced, with a control that shows the race without it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, bookings, contributors, people, recordShares, timebankEntries } from "../../db/schema";
import { newId } from "../../lib/crypto";
import { holderKey } from "../../rules/timebank";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { seedBooking, seedWorld } from "../../../test/support/attendance-fixtures";
import { youngPeopleWithTokens } from "../../../test/support/fixtures";
import { creditAttendanceStatement, reverseAttendanceStatement } from "./ledger";
import { londonMonthSql } from "./read";
import { londonDate } from "../../lib/time";

let h: Harness;
const NOW = "2026-03-02T09:30:00Z";
const AFTER = "2026-03-02T12:30:00Z"; // the seeded session runs 10:00–12:00
beforeAll(async () => {
  h = await createHarness({ now: NOW });
});
afterAll(() => h.close());
beforeEach(() => h.clock.set(NOW));

const post = (path: string, body: unknown, token?: string) => h.request("POST", `/api/v1${path}`, { body, token });
const get = (path: string, token?: string) => h.request("GET", `/api/v1${path}`, { token });
const entriesFor = (sessionId: string) => h.db.select().from(timebankEntries).where(eq(timebankEntries.sessionId, sessionId));
const balance = async (personId: string) =>
  Number((await h.db.all<{ b: number }>(sql`select coalesce(sum(minutes), 0) as b from timebank_entries where holder_key = ${holderKey({ personId })}`))[0]!.b);

/** Credits `minutes` to a person directly (a finished session's worth), for spending tests. */
async function credit(personId: string, minutes: number) {
  await h.db.insert(timebankEntries).values({ id: newId("tbe"), kind: "contribution", minutes, holderKey: holderKey({ personId }), personId, at: h.clock.now() });
}

describe("credits: once per person per session, in the same write", () => {
  it("10 checked-in young people and 3 contributors credit exactly 13 entries, even with every check-in and confirmation sent twice at once", async () => {
    const w = await seedWorld(h, "tb13");
    const young = await youngPeopleWithTokens(h.db, h.clock.now(), 10, { prefix: "tb13" });
    const tickets: string[] = [];
    for (const p of young) tickets.push((await seedBooking(h, w.session, { personId: p.id })).ticketCode);
    const contributors: string[] = [];
    for (const [name, role] of [["Maureen", "resident"], ["Dev", "employer_volunteer"], ["Kai", "young_helper"]] as const) {
      const res = await post(`/sessions/${w.session.id}/contributors`, { name, role, organisationName: "Oak House" }, w.tokens.host);
      expect(res.status).toBe(201);
      contributors.push(((await res.json()) as { id: string }).id);
    }

    // Two phones at the door: every ticket scanned twice, all at once.
    const scans = await Promise.all([...tickets, ...tickets].map((ticketCode) => post(`/sessions/${w.session.id}/check-ins`, { ticketCode }, w.tokens.host)));
    expect(scans.filter((r) => r.status === 201)).toHaveLength(10);
    expect(scans.filter((r) => r.status === 200)).toHaveLength(10);

    h.clock.set(AFTER);
    const confirms = await Promise.all([...contributors, ...contributors].map((id) => post(`/contributors/${id}/confirmation`, {}, w.tokens.host)));
    expect(confirms.filter((r) => r.status === 201)).toHaveLength(3);
    expect(confirms.filter((r) => r.status === 200)).toHaveLength(3);

    const entries = await entriesFor(w.session.id);
    expect(entries).toHaveLength(13);
    expect(entries.filter((e) => e.kind === "attendance")).toHaveLength(10);
    expect(entries.filter((e) => e.kind === "contribution")).toHaveLength(3);
    expect(entries.every((e) => e.minutes === 120 && e.organisationId === w.host)).toBe(true);
    expect(new Set(entries.map((e) => e.holderKey)).size).toBe(13);
    // One audit row per confirmation that credited, none for the repeats.
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "timebank.contribution.confirmed"));
    expect(audits.filter((a) => contributors.includes(a.subjectId!))).toHaveLength(3);
  });

  it("control: a credit written after the check-in (check, then insert, no unique key) credits a double scan twice", async () => {
    const w = await seedWorld(h, "tbc1");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    const unguarded = async () => {
      const existing = await h.db.select().from(timebankEntries).where(and(eq(timebankEntries.bookingId, w.amyBooking.id), eq(timebankEntries.kind, "attendance")));
      if (existing.length > 1) return;
      await h.db.insert(timebankEntries).values({ id: newId("tbe"), kind: "attendance", minutes: 120, holderKey: holderKey({ personId: w.amy.id }), personId: w.amy.id, bookingId: w.amyBooking.id, sessionId: w.session.id, at: h.clock.now() });
    };
    await Promise.all([unguarded(), unguarded()]);
    // The check-in's own credit plus two more from the unguarded path.
    expect((await entriesFor(w.session.id)).filter((e) => e.personId === w.amy.id)).toHaveLength(3);
    // The guarded statement, sent twice at once, adds nothing: the unique credit key already holds.
    await Promise.all([h.db.batch([creditAttendanceStatement(h.db, w.amyBooking.id, h.clock.now())]), h.db.batch([creditAttendanceStatement(h.db, w.amyBooking.id, h.clock.now())])]);
    expect((await entriesFor(w.session.id)).filter((e) => e.personId === w.amy.id)).toHaveLength(3);
  });

  it("a group checked in by head count earns no personal hours; nobody not checked in is credited", async () => {
    const w = await seedWorld(h, "tbg");
    await post(`/sessions/${w.session.id}/check-ins`, { groupBookingId: w.groupBooking.id, count: 12 }, w.tokens.host);
    await h.db.batch([creditAttendanceStatement(h.db, w.benBooking.id, h.clock.now())]);
    expect(await entriesFor(w.session.id)).toHaveLength(0);
  });

  it("an undone check-in is reversed in the undo's write, and checking in again credits once more", async () => {
    const w = await seedWorld(h, "tbu");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    const undo = () =>
      h.db.batch([
        h.db.update(bookings).set({ status: "confirmed", checkedInAt: null, checkedInCount: null }).where(eq(bookings.id, w.amyBooking.id)),
        reverseAttendanceStatement(h.db, w.amyBooking.id, h.clock.now(), null),
      ]);
    await Promise.all([undo(), undo()]);
    expect(await balance(w.amy.id)).toBe(0);
    expect((await entriesFor(w.session.id)).map((e) => e.kind).sort()).toEqual(["attendance", "reversal"]);
    // Still checked in: the reversal statement writes nothing.
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    await h.db.batch([reverseAttendanceStatement(h.db, w.amyBooking.id, h.clock.now(), null)]);
    expect(await balance(w.amy.id)).toBe(120);
    expect(await entriesFor(w.session.id)).toHaveLength(3);
  });

  it("a contributor with an account is credited to that person, once, even if they were also checked in", async () => {
    const w = await seedWorld(h, "tbp");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    const res = await post(`/sessions/${w.session.id}/contributors`, { name: "Amy", role: "young_helper", email: "tbp-amy@young.test" }, w.tokens.host);
    expect(await res.json()).toMatchObject({ hasAccount: true, confirmedAt: null });
    const { id } = ((await (await get(`/sessions/${w.session.id}/contributors`, w.tokens.host)).json()) as { items: { id: string }[] }).items[0]!;
    h.clock.set(AFTER);
    expect((await post(`/contributors/${id}/confirmation`, { minutes: 90 }, w.tokens.host)).status).toBe(201);
    expect(await balance(w.amy.id)).toBe(120);
  });

  it("records and confirms only for the host or a coordinator, and only after the session ends", async () => {
    const w = await seedWorld(h, "tba");
    expect((await post(`/sessions/${w.session.id}/contributors`, { name: "Jo", role: "mentor" }, w.tokens.otherEmployer)).status).toBe(403);
    expect((await post(`/sessions/${w.session.id}/contributors`, { name: "Jo", role: "mentor" })).status).toBe(401);
    expect((await get(`/sessions/${w.session.id}/contributors`, w.tokens.school)).status).toBe(403);
    const made = await post(`/sessions/${w.session.id}/contributors`, { name: "Jo", role: "mentor" }, w.tokens.coordinator);
    const { id } = (await made.json()) as { id: string };
    const early = await post(`/contributors/${id}/confirmation`, {}, w.tokens.host);
    expect(early.status).toBe(409);
    expect((await problem(early)).detail).toMatch(/ended/);
    h.clock.set(AFTER);
    expect((await post(`/contributors/${id}/confirmation`, {}, w.tokens.otherEmployer)).status).toBe(403);
    const ok = await post(`/contributors/${id}/confirmation`, { minutes: 45 }, w.tokens.host);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ alreadyConfirmed: false, contributor: { minutes: 45 } });
    expect((await entriesFor(w.session.id))[0]).toMatchObject({ minutes: 45, holderKey: `contributor:${id}` });
  });
});

describe("entries are never edited: corrections are reversals", () => {
  it("the database refuses to update or delete an entry", async () => {
    const w = await seedWorld(h, "tbt");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    await expect(h.db.run(sql`update timebank_entries set minutes = 600`)).rejects.toThrow();
    await expect(h.db.run(sql`delete from timebank_entries`)).rejects.toThrow();
  });

  it("a coordinator reverses an entry once, with an audit row; others are refused", async () => {
    const w = await seedWorld(h, "tbr");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    const [entry] = await entriesFor(w.session.id);
    expect((await post(`/timebank/entries/${entry!.id}/reversal`, { note: "Checked in by mistake" }, w.tokens.host)).status).toBe(403);
    const both = await Promise.all([1, 2].map(() => post(`/timebank/entries/${entry!.id}/reversal`, { note: "Checked in by mistake" }, w.tokens.coordinator)));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await balance(w.amy.id)).toBe(0);
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "timebank.entry.reversed"), eq(auditLog.subjectId, entry!.id)));
    expect(audits).toHaveLength(1);
    const reversal = (await entriesFor(w.session.id)).find((e) => e.kind === "reversal")!;
    expect((await post(`/timebank/entries/${reversal.id}/reversal`, { note: "Undo the undo" }, w.tokens.coordinator)).status).toBe(422);
  });

  it("my statement shows the balance and every entry", async () => {
    const w = await seedWorld(h, "tbs");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    const amy = await h.tokenFor("tbs-amy@young.test");
    const s = await (await get("/me/timebank", amy)).json();
    expect(s).toMatchObject({ balanceMinutes: 120, balanceHours: 2, entries: [{ kind: "attendance", hours: 2, title: "Try a trade", organisation: "tbs Builders Ltd" }] });
  });
});

describe("spending time: never below zero", () => {
  it("50 simultaneous redemptions against a balance covering 10 redeem exactly 10 and leave it at zero", async () => {
    const w = await seedWorld(h, "tbx");
    const offer = (await (await post("/timebank/offers", { organisationId: w.host, title: "Cinema ticket", costHours: 1 }, w.tokens.host)).json()) as { id: string };
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { prefix: "tbx" });
    await credit(yp!.id, 10 * 60);
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/timebank/offers/${offer.id}/redemptions`, undefined, yp!.token)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(40);
    expect(await balance(yp!.id)).toBe(0);
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, "timebank.offer.redeemed"))).filter((a) => a.subjectId === offer.id)).toHaveLength(10);
  });

  it("control: checking the balance first and then inserting overspends under the same race", async () => {
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { prefix: "tbxc" });
    await credit(yp!.id, 10 * 60);
    const unguarded = async () => {
      if ((await balance(yp!.id)) < 60) return false;
      await h.db.insert(timebankEntries).values({ id: newId("tbe"), kind: "redemption", minutes: -60, holderKey: holderKey({ personId: yp!.id }), personId: yp!.id, at: h.clock.now() });
      return true;
    };
    const redeemed = (await Promise.all(Array.from({ length: 50 }, unguarded))).filter(Boolean).length;
    expect(redeemed).toBeGreaterThan(10);
    expect(await balance(yp!.id)).toBeLessThan(0);
  });

  it("refuses a redemption the balance does not cover, in the reader's words, and a withdrawn offer", async () => {
    const w = await seedWorld(h, "tby");
    const offer = (await (await post("/timebank/offers", { organisationId: w.host, title: "Workshop place", costHours: 2.5 }, w.tokens.host)).json()) as { id: string };
    expect((await post("/timebank/offers", { organisationId: w.host, title: "Not ours", costHours: 1 }, w.tokens.otherEmployer)).status).toBe(403);
    const [yp] = await youngPeopleWithTokens(h.db, h.clock.now(), 1, { prefix: "tby" });
    await credit(yp!.id, 60);
    const short = await post(`/timebank/offers/${offer.id}/redemptions`, undefined, yp!.token);
    expect(short.status).toBe(409);
    expect((await problem(short)).detail).toBe("This costs 2.5 hours and you have 1. Give or gain a little more time first.");
    expect((await post(`/timebank/offers/${offer.id}/withdrawal`, undefined, w.tokens.otherEmployer)).status).toBe(403);
    expect((await post(`/timebank/offers/${offer.id}/withdrawal`, undefined, w.tokens.host)).status).toBe(200);
    await credit(yp!.id, 5 * 60);
    expect((await post(`/timebank/offers/${offer.id}/redemptions`, undefined, yp!.token)).status).toBe(409);
    expect(await balance(yp!.id)).toBe(6 * 60);
  });
});

describe("balances by month", () => {
  it("the programme (coordinators) and one organisation (its staff) by month; others are refused", async () => {
    const w = await seedWorld(h, "tbm");
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.amyBooking.ticketCode }, w.tokens.host);
    await post(`/sessions/${w.session.id}/check-ins`, { ticketCode: w.benBooking.ticketCode }, w.tokens.host);
    const org = await (await get(`/timebank/balances?organisationId=${w.host}`, w.tokens.host)).json();
    expect(org).toEqual({ organisationId: w.host, months: [{ month: "2026-03", earnedHours: 4, spentHours: 0, people: 2 }] });
    expect((await get(`/timebank/balances?organisationId=${w.host}`, w.tokens.otherEmployer)).status).toBe(403);
    expect((await get("/timebank/balances", w.tokens.host)).status).toBe(403);
    const all = (await (await get("/timebank/balances", w.tokens.coordinator)).json()) as { months: { month: string; earnedHours: number }[] };
    expect(all.months.find((m) => m.month === "2026-03")!.earnedHours).toBeGreaterThanOrEqual(4);
  });

  it("months are London's: a session ending 00:30 London on 1 April (23:30 UTC, 31 March) counts in April", async () => {
    h.clock.set("2026-03-31T12:00:00Z");
    const w = await seedWorld(h, "tbl", "2026-03-31T21:30:00Z"); // 22:30–00:30 BST
    const made = (await (await post(`/sessions/${w.session.id}/contributors`, { name: "Maureen", role: "resident" }, w.tokens.host)).json()) as { id: string };
    h.clock.set("2026-04-01T09:00:00Z");
    expect((await post(`/contributors/${made.id}/confirmation`, {}, w.tokens.host)).status).toBe(201);
    const org = (await (await get(`/timebank/balances?organisationId=${w.host}`, w.tokens.host)).json()) as { months: { month: string }[] };
    expect(org.months.map((m) => m.month)).toEqual(["2026-04"]);
    // Control: the UTC month of the same end is March.
    expect(new Date(w.session.endsAt).toISOString().slice(0, 7)).toBe("2026-03");
  });

  it("the SQL London month agrees with londonDate every hour around both clock changes", async () => {
    const instants: number[] = [];
    for (const [year, month, day] of [[2026, 2, 28], [2026, 9, 24], [2027, 2, 27], [2030, 9, 26]] as const)
      for (let hour = 0; hour < 72; hour++) instants.push(Date.UTC(year, month, day, hour) - 1);
    instants.push(Date.UTC(2026, 2, 31, 23, 30), Date.UTC(2026, 9, 31, 23, 30), Date.UTC(2026, 11, 31, 23, 30));
    const values = sql.join(instants.map((i) => sql`(${i})`), sql`, `);
    const rows = await h.db.all<{ at: number; month: string }>(sql`with t(at) as (values ${values}) select at, ${londonMonthSql(sql`at`)} as month from t`);
    expect(rows.map((r) => r.month)).toEqual(instants.map((i) => londonDate(i).slice(0, 7)));
  });
});

describe("privacy: the ledger in a person's export and through their erasure", () => {
  it("exports every entry, contribution and record link; erasure keeps every total but removes who it was", async () => {
    const w = await seedWorld(h, "tbe");
    const made = (await (await post(`/sessions/${w.session.id}/contributors`, { name: "Amy", role: "young_helper", email: "tbe-amy@young.test" }, w.tokens.host)).json()) as { id: string };
    h.clock.set(AFTER);
    expect((await post(`/contributors/${made.id}/confirmation`, {}, w.tokens.host)).status).toBe(201);
    const offer = (await (await post("/timebank/offers", { organisationId: w.host, title: "Workshop place", costHours: 1 }, w.tokens.host)).json()) as { id: string };
    expect((await post(`/timebank/offers/${offer.id}/redemptions`, undefined, w.amy.token)).status).toBe(201);
    expect((await post("/me/record-links", undefined, w.amy.token)).status).toBe(201);

    const data = (await (await get("/me/export", w.amy.token)).json()) as {
      timebank: { balanceMinutes: number; entries: { kind: string }[] };
      contributions: { name: string; role: string }[];
      recordLinks: { revokedAt: string | null }[];
    };
    expect(data.timebank.balanceMinutes).toBe(60);
    expect(data.timebank.entries.map((e) => e.kind).sort()).toEqual(["contribution", "redemption"]);
    expect(data.contributions).toEqual([expect.objectContaining({ name: "Amy", role: "young_helper" })]);
    expect(data.recordLinks).toHaveLength(1);

    const totals = async () => (await (await get(`/timebank/balances?organisationId=${w.host}`, w.tokens.host)).json()) as unknown;
    const before = await totals();
    expect((await h.request("DELETE", "/api/v1/me", { token: w.amy.token })).status).toBe(204);
    // Append-only entries stay, so every total is unchanged; the person row they point at is anonymous.
    expect(await totals()).toEqual(before);
    expect(await balance(w.amy.id)).toBe(60);
    const [row] = await h.db.select().from(contributors).where(eq(contributors.id, made.id));
    expect(row).toMatchObject({ name: "Erased", organisationName: "", personId: w.amy.id });
    expect((await h.db.select().from(recordShares).where(eq(recordShares.personId, w.amy.id)))[0]!.revokedAt).not.toBeNull();
    const [person] = await h.db.select().from(people).where(eq(people.id, w.amy.id));
    expect(person!.displayName).toBe("Erased");
  });
});
