// Rule 16 (shared venues), tried from the API and the website: a venue holds one session at a
// time unless marked as able to hold several, when sessions are created, moved or race.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { sessions, venues } from "../db/schema";
import { newId } from "../lib/crypto";
import { COORDINATOR, createHarness, problem, type Harness } from "../../test/support/harness";
import { catalogueWorld, eventBody, json, venueBody, type World } from "../features/catalogue/test-fixtures";
import { cookieFor, submit } from "../web/staff/test-support";
import { findVenueTaker, overlaps, venueTakenExists } from "./shared-venues";

// The harness clock starts at 2026-03-02T09:00:00Z (a Monday, GMT).
let h: Harness;
let w: World;
let eventId: string;
beforeAll(async () => {
  h = await createHarness();
  w = await catalogueWorld(h);
  eventId = (await json(await h.request("POST", "/api/v1/events", { token: w.coordinator, body: eventBody(w.employer.id, { title: { en: "Storytelling" } }) }), 201)).id as string;
});
afterAll(() => h.close());

const newVenue = async (extra: Record<string, unknown> = {}) =>
  (await json(await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody(extra) }), 201)).id as string;
const post = (body: unknown, token = w.employerStaff) => h.request("POST", `/api/v1/events/${eventId}/sessions`, { token, body });
const at = (day: number, hour: number, minutes = 60) => ({
  startsAt: new Date(Date.UTC(2026, 3, day, hour)).toISOString(),
  endsAt: new Date(Date.UTC(2026, 3, day, hour) + minutes * 60_000).toISOString(),
});
const created = async (res: Response) => ((await json(res, 201)) as { items: { id: string }[] }).items;
const countAt = async (venueId: string) => (await h.db.select().from(sessions).where(eq(sessions.venueId, venueId))).filter((s) => s.status === "scheduled").length;

describe("overlaps", () => {
  it("is true for sessions sharing any minute, false for back-to-back ones", () => {
    expect(overlaps({ startsAt: 0, endsAt: 10 }, { startsAt: 9, endsAt: 20 })).toBe(true);
    expect(overlaps({ startsAt: 0, endsAt: 10 }, { startsAt: 2, endsAt: 3 })).toBe(true);
    expect(overlaps({ startsAt: 0, endsAt: 10 }, { startsAt: 10, endsAt: 20 })).toBe(false);
    expect(overlaps({ startsAt: 10, endsAt: 20 }, { startsAt: 0, endsAt: 10 })).toBe(false);
  });
});

describe("creating a session (API)", () => {
  it("refuses a second session overlapping the first by one minute, naming the first", async () => {
    const venueId = await newVenue();
    const [first] = await created(await post({ ...at(6, 10), venueId, capacity: 10 }));
    const res = await post({ startsAt: at(6, 10, 59).endsAt, endsAt: at(6, 12).startsAt, venueId, capacity: 10 });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.detail).toContain('"Storytelling" is already at this venue at');
    expect(p.detail).toContain("Monday 6 April at 11:00");
    expect(p.sessionId).toBe(first!.id);
    expect(p.errors).toEqual([{ path: "startsAt", message: expect.stringContaining('taken by "Storytelling"') }]);
    expect(await countAt(venueId)).toBe(1);
  });

  it("accepts back-to-back sessions, and the same time at another venue or online", async () => {
    const venueId = await newVenue();
    await created(await post({ ...at(7, 10), venueId, capacity: 10 }));
    await created(await post({ ...at(7, 11), venueId, capacity: 10 }));
    await created(await post({ ...at(7, 10), venueId: await newVenue(), capacity: 10 }));
    await created(await post({ ...at(7, 10), onlineUrl: "https://meet.example/a", capacity: 10 }));
    await created(await post({ ...at(7, 10), onlineUrl: "https://meet.example/b", capacity: 10 }));
    expect(await countAt(venueId)).toBe(2);
  });

  it("accepts overlapping sessions at a venue marked as holding several", async () => {
    const venueId = await newVenue({ holdsSeveralSessions: true });
    await created(await post({ ...at(8, 10), venueId, capacity: 10 }));
    await created(await post({ ...at(8, 10), venueId, capacity: 10 }));
    expect(await countAt(venueId)).toBe(2);
    const shown = await json(await h.request("GET", `/api/v1/venues/${venueId}`, { token: w.coordinator }), 200);
    expect(shown.holdsSeveralSessions).toBe(true);
  });

  it("frees the slot when the session there is cancelled", async () => {
    const venueId = await newVenue();
    const [first] = await created(await post({ ...at(9, 10), venueId, capacity: 10 }));
    expect((await post({ ...at(9, 10), venueId, capacity: 10 })).status).toBe(409);
    expect((await h.request("POST", `/api/v1/sessions/${first!.id}/cancel`, { token: w.coordinator, body: {} })).status).toBe(200);
    await created(await post({ ...at(9, 10), venueId, capacity: 10 }));
  });

  it("writes none of a series when one occurrence would overlap", async () => {
    const venueId = await newVenue();
    // The third Tuesday of a weekly series is taken: 14, 21, 28 April at 11:00 London (10:00Z).
    await created(await post({ ...at(28, 10, 30), venueId, capacity: 10 }));
    const res = await post({ start: "2026-04-14T11:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;COUNT=4", venueId, capacity: 10 });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.errors?.[0]?.path).toBe("start");
    expect(await countAt(venueId)).toBe(1);
    await created(await post({ start: "2026-04-14T12:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;COUNT=4", venueId, capacity: 10 }));
    expect(await countAt(venueId)).toBe(5);
  });

  it("writes a series of 100 in a few statements (within D1's bound parameters)", async () => {
    const venueId = await newVenue();
    const items = await created(await post({ start: "2026-04-01T08:00", durationMinutes: 30, rrule: "FREQ=DAILY;COUNT=100", venueId, capacity: 10 }));
    expect(items).toHaveLength(100);
    expect((await post({ start: "2026-04-02T08:15", durationMinutes: 30, rrule: "FREQ=DAILY;COUNT=1", venueId, capacity: 10 })).status).toBe(409);
  });
});

describe("moving a session (API)", () => {
  it("refuses a move in time onto a taken slot, naming the session there", async () => {
    const venueId = await newVenue();
    const [first] = await created(await post({ ...at(13, 10), venueId, capacity: 10 }));
    const [second] = await created(await post({ ...at(13, 12), venueId, capacity: 10 }));
    const res = await h.request("PATCH", `/api/v1/sessions/${second!.id}`, { token: w.coordinator, body: at(13, 10, 30) });
    expect(res.status).toBe(409);
    const p = await problem(res);
    expect(p.sessionId).toBe(first!.id);
    expect(p.errors?.[0]?.path).toBe("startsAt");
    const [row] = await h.db.select().from(sessions).where(eq(sessions.id, second!.id));
    expect(row!.startsAt).toBe(Date.parse(at(13, 12).startsAt));
  });

  it("refuses a move to another venue taken then, but lets a session change its own time or capacity", async () => {
    const taken = await newVenue();
    const free = await newVenue();
    await created(await post({ ...at(14, 10), venueId: taken, capacity: 10 }));
    const [mine] = await created(await post({ ...at(14, 10), venueId: free, capacity: 10 }));
    const moved = await h.request("PATCH", `/api/v1/sessions/${mine!.id}`, { token: w.coordinator, body: { venueId: taken } });
    expect(moved.status).toBe(409);
    expect((await problem(moved)).errors?.[0]?.path).toBe("venueId");
    // Overlapping only itself: a longer session in its own slot is fine.
    expect((await h.request("PATCH", `/api/v1/sessions/${mine!.id}`, { token: w.coordinator, body: at(14, 10, 90) })).status).toBe(200);
    expect((await h.request("PATCH", `/api/v1/sessions/${mine!.id}`, { token: w.coordinator, body: { capacity: 12 } })).status).toBe(200);
  });
});

describe("racing for one slot", () => {
  it("lets exactly one of ten simultaneous creates for the same slot land", async () => {
    const venueId = await newVenue();
    const results = await Promise.all(Array.from({ length: 10 }, () => post({ ...at(20, 10), venueId, capacity: 10 })));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(await countAt(venueId)).toBe(1);
  });

  it("lets exactly one of a create and a move for the same slot land", async () => {
    const venueId = await newVenue();
    const [other] = await created(await post({ ...at(21, 14), venueId, capacity: 10 }));
    const [a, b] = await Promise.all([
      post({ ...at(21, 10), venueId, capacity: 10 }),
      h.request("PATCH", `/api/v1/sessions/${other!.id}`, { token: w.coordinator, body: at(21, 10) }),
    ]);
    expect([a.status, b.status].filter((s) => s < 300)).toHaveLength(1);
    expect([a.status, b.status].filter((s) => s === 409)).toHaveLength(1);
    const rows = (await h.db.select().from(sessions).where(eq(sessions.venueId, venueId))).filter((s) => overlaps(s, { startsAt: Date.parse(at(21, 10).startsAt), endsAt: Date.parse(at(21, 10).endsAt) }));
    expect(rows).toHaveLength(1);
  });

  it("CONTROL: check-then-write without the guard in the write lets both land", async () => {
    const venueId = await newVenue();
    const when = { startsAt: Date.parse(at(22, 10).startsAt), endsAt: Date.parse(at(22, 10).endsAt) };
    const unguarded = async () => {
      if (await findVenueTaker(h.deps, venueId, [when])) return false;
      await h.db.insert(sessions).values({ id: newId("ses"), eventId, venueId, capacity: 5, ...when });
      return true;
    };
    const wrote = await Promise.all(Array.from({ length: 10 }, unguarded));
    expect(wrote.filter(Boolean).length).toBeGreaterThan(1);
    expect(await countAt(venueId)).toBeGreaterThan(1);
  });

  it("the guard reads the venue's flag when the write runs", async () => {
    const venueId = await newVenue();
    await created(await post({ ...at(23, 10), venueId, capacity: 10 }));
    const [row] = await h.db.all<{ taken: number }>(
      // The same SQL the writes use, asked directly.
      sql`select ${venueTakenExists(venueId, Date.parse(at(23, 10).startsAt), Date.parse(at(23, 10).endsAt))} as taken`,
    );
    expect(Number(row!.taken)).toBe(1);
    await h.db.update(venues).set({ holdsSeveralSessions: true }).where(eq(venues.id, venueId));
    await created(await post({ ...at(23, 10), venueId, capacity: 10 }));
  });
});

describe("the website", () => {
  it("refuses the coordinator's form for a taken slot, naming the session, in the page's language", async () => {
    const venueId = await newVenue();
    await created(await post({ ...at(27, 9), venueId, capacity: 10 }));
    const cookie = await cookieFor(h, COORDINATOR);
    const path = `/coordinator/events/${eventId}/sessions`;
    const res = await submit(h, path, cookie, { start: "2026-04-27T10:30", durationMinutes: "60", weeks: "1", venueId, onlineUrl: "", capacity: "10" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("Storytelling");
    expect(html).toContain("is already at this venue at");
    const pl = await submit(h, `${path}?lang=pl`, cookie, { start: "2026-04-27T10:30", durationMinutes: "60", weeks: "1", venueId, onlineUrl: "", capacity: "10" });
    expect(pl.status).toBe(409);
    expect(await pl.text()).toContain("odbywa się już w tym miejscu");
    expect(await countAt(venueId)).toBe(1);
  });

  it("refuses the coordinator's change form moving a session onto a taken slot", async () => {
    const venueId = await newVenue();
    await created(await post({ ...at(28, 9), venueId, capacity: 10 }));
    const [mine] = await created(await post({ ...at(28, 12), venueId, capacity: 10 }));
    const cookie = await cookieFor(h, COORDINATOR);
    const res = await submit(h, `/coordinator/sessions/${mine!.id}/change`, cookie, { date: "2026-04-28", startTime: "10:30", endTime: "11:30", venueId, onlineUrl: "", capacity: "10" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("is already at this venue at");
  });
});
