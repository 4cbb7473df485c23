// The programme at a glance: the dashboard's figures are the programme report's, for the same
// dates (one query module, features/reports/figures.ts), and its charts carry their numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, feedback, people, sessions } from "../../db/schema";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { dashboardFigures } from "../../features/reports/figures";
import { programmeReportCsv } from "../../features/reports/programme-report";
import { londonDate } from "../../lib/time";
import { cookieFor, page, seededHarness } from "./test-support";

let h: Harness;
let from: string;
let to: string;
const STATUSES = ["attended", "attended", "no_show", "confirmed", "waitlisted", "cancelled", "attended"] as const;

beforeAll(async () => {
  h = await seededHarness();
  from = londonDate(h.clock.now());
  to = londonDate(h.clock.now() + 120 * 86_400_000);
  // A term of bookings: every seeded session gets a spread of outcomes and some ratings.
  const all = await h.db.select().from(sessions);
  const learners = Array.from({ length: STATUSES.length }, (_, i) => ({ id: `per_term_${i}`, email: `term${i}@example.com`, displayName: `Term ${i}`, isYoungPerson: true, dateOfBirth: "2008-01-01" }));
  await h.db.insert(people).values(learners);
  const rows = all.flatMap((s, si) =>
    STATUSES.slice(0, 3 + (si % STATUSES.length)).map((status, i) => ({
      id: `bkg_term_${s.id}_${i}`,
      kind: "individual" as const,
      sessionId: s.id,
      personId: learners[i]!.id,
      status,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      ticketCode: `T${si}X${i}`.padEnd(11, "Q"),
      ...(status === "attended" ? { checkedInAt: s.startsAt, checkedInCount: 1 } : {}),
    })),
  );
  for (let i = 0; i < rows.length; i += 50) await h.db.insert(bookings).values(rows.slice(i, i + 50));
  const rated = rows.filter((r) => r.status === "attended");
  const eventOf = new Map(all.map((s) => [s.id, s.eventId]));
  await h.db.insert(feedback).values(rated.map((r, i) => ({ id: `fbk_term_${i}`, bookingId: r.id, eventId: eventOf.get(r.sessionId)!, rating: 1 + (i % 5) })));
});
afterAll(() => h.close());

const reportRows = async (scope: { hostOrganisationId?: string } = {}) => {
  const { csv } = await programmeReportCsv(h.deps, from, to, scope);
  const [head, ...lines] = csv.trim().split(/\r?\n/).map((l) => l.split(","));
  return new Map(lines.map((l) => [l[0]!, Object.fromEntries(head!.map((k, i) => [k, l[i]!]))]));
};

describe("the dashboard", () => {
  it("has the programme report's figures for the same dates, by kind of activity and in all", async () => {
    const data = await dashboardFigures(h.deps, from, to);
    const report = await reportRows();
    const all = report.get("all")!;
    expect(data.all.bookings).toBeGreaterThan(20);
    expect(String(data.all.sessions)).toBe(all.Sessions);
    expect(String(data.all.bookings)).toBe(all.Bookings);
    expect(String(data.all.attended)).toBe(all.Attended);
    expect(String(data.all.noShows)).toBe(all["No-shows"]);
    expect(String(data.all.given)).toBe(all["Feedback given"]);
    for (const line of data.types) {
      const row = report.get(line.type)!;
      expect([line.tally.bookings, line.tally.attended, line.tally.noShows].map(String), line.type).toEqual([row.Bookings, row.Attended, row["No-shows"]]);
    }
    // The weeks add up to the same totals: nothing counted twice or dropped between weeks.
    const sum = (k: "bookings" | "attended" | "noShows" | "given") => data.weeks.reduce((n, w) => n + w.tally[k], 0);
    expect([sum("bookings"), sum("attended"), sum("noShows"), sum("given")]).toEqual([data.all.bookings, data.all.attended, data.all.noShows, data.all.given]);
    expect(data.types.reduce((n, l) => n + l.tally.waitlisted, 0)).toBeGreaterThan(0);
  });

  it("draws each chart as SVG with a text alternative and its numbers in a table", async () => {
    const coordinator = await cookieFor(h, COORDINATOR);
    const res = await page(h, `/coordinator/dashboard?from=${from}&to=${to}`, coordinator);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<script");
    for (const id of ["by-week", "by-type", "unused", "waiting", "ratings"]) {
      expect(html).toContain(`aria-labelledby="${id}-h ${id}-desc"`);
      expect(html).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
    }
    const data = await dashboardFigures(h.deps, from, to);
    // The by-type table shows each type's bookings as the report counts them.
    const cv = data.types.find((l) => l.type === "cv_workshop");
    if (cv) expect(html).toMatch(new RegExp(`<th scope="row">[^<]*</th><td>${cv.tally.bookings}</td>`));
    expect(html).toContain(`href="/coordinator/downloads/programme.csv?from=${from}&amp;to=${to}"`);
  });

  it("refuses dates the wrong way round, next to the field, and is only for coordinators", async () => {
    const coordinator = await cookieFor(h, COORDINATOR);
    const res = await page(h, `/coordinator/dashboard?from=${to}&to=${from}`, coordinator);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#to"');
    expect((await page(h, "/coordinator/dashboard", await cookieFor(h, "j.khan@riverside.example"))).status).toBe(403);
  });

  it("keeps a host's dashboard to its own events", async () => {
    const mine = await dashboardFigures(h.deps, from, to, { hostOrganisationId: "org_northbuild" });
    const everyone = await dashboardFigures(h.deps, from, to);
    expect(mine.all.sessions).toBeGreaterThan(0);
    expect(mine.all.sessions).toBeLessThan(everyone.all.sessions);
  });

  it("gives a host the report's figures for its own sessions, linked from its area, and nothing to another host", async () => {
    const scope = { hostOrganisationId: "org_oakhouse" };
    const data = await dashboardFigures(h.deps, from, to, scope);
    const all = (await reportRows(scope)).get("all")!;
    expect(data.all.bookings).toBeGreaterThan(0);
    expect([data.all.sessions, data.all.bookings, data.all.attended, data.all.noShows, data.all.given].map(String)).toEqual([all.Sessions, all.Bookings, all.Attended, all["No-shows"], all["Feedback given"]]);
    const oak = await cookieFor(h, "activities@oakhouse.example");
    expect(await (await page(h, "/host/org_oakhouse", oak)).text()).toContain('href="/host/org_oakhouse/dashboard"');
    const res = await page(h, `/host/org_oakhouse/dashboard?from=${from}&to=${to}`, oak);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Oak House Care Home at a glance");
    // Its table counts only its own sessions' bookings.
    expect(html).toContain(`<td>${data.all.bookings}</td>`);
    const csv = await page(h, `/host/org_oakhouse/programme.csv?from=${from}&to=${to}`, oak);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(`all,${all.Sessions},${all.Bookings},`);
    const northbuild = await cookieFor(h, "careers@northbuild.example");
    expect((await page(h, "/host/org_oakhouse/dashboard", northbuild)).status).toBe(404);
    expect((await page(h, `/host/org_oakhouse/programme.csv?from=${from}&to=${to}`, northbuild)).status).toBe(404);
  });
});
