import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { catalogueWorld, eventBody, json, venueBody, type World } from "../catalogue/test-fixtures";

// The harness clock starts at 2026-03-02T09:00:00Z (a Monday, GMT).
let h: Harness;
let w: World;
let eventId: string;
let venueId: string;
beforeAll(async () => {
  h = await createHarness();
  w = await catalogueWorld(h);
  eventId = (await json(await h.request("POST", "/api/v1/events", { token: w.coordinator, body: eventBody(w.employer.id, { title: { en: "Storytelling", pl: "Opowieści" } }) }), 201)).id as string;
  // These tests add many sessions at the same times; rule 16 (one session at a time) is tried in src/rules/shared-venues.test.ts.
  venueId = (await json(await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ hearingLoop: true, quietRoom: true, holdsSeveralSessions: true }) }), 201)).id as string;
});
afterAll(() => h.close());

type Created = { seriesId: string | null; items: { id: string; startsAt: string; endsAt: string; startsAtLocal: string; seatsLeft: number; seriesId: string | null }[] };
const post = (body: unknown, token = w.employerStaff, id = eventId) => h.request("POST", `/api/v1/events/${id}/sessions`, { token, body });
const single = (extra: Record<string, unknown> = {}) => ({ startsAt: "2026-03-10T16:00:00Z", endsAt: "2026-03-10T17:30:00Z", venueId, capacity: 12, ...extra });

describe("POST /events/{id}/sessions: a single session", () => {
  it("lets the host's staff add a session at a venue", async () => {
    const created = await json<Created>(await post(single()), 201);
    expect(created.seriesId).toBeNull();
    expect(created.items).toEqual([expect.objectContaining({ startsAt: "2026-03-10T16:00:00.000Z", endsAt: "2026-03-10T17:30:00.000Z", startsAtLocal: "2026-03-10T16:00", seatsLeft: 12, seriesId: null })]);
  });

  it("accepts instants with any offset and stores them as UTC", async () => {
    const created = await json<Created>(await post(single({ startsAt: "2026-06-10T10:00:00+01:00", endsAt: "2026-06-10T11:00:00+01:00" }), w.employerKey), 201);
    expect(created.items[0]).toMatchObject({ startsAt: "2026-06-10T09:00:00.000Z", startsAtLocal: "2026-06-10T10:00" });
  });

  it("refuses a session that ends before it starts, naming endsAt", async () => {
    const res = await post(single({ endsAt: "2026-03-10T15:00:00Z" }));
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("endsAt");
  });

  it("refuses both, or neither, of venueId and onlineUrl, naming venueId", async () => {
    for (const body of [single({ onlineUrl: "https://meet.example/x" }), single({ venueId: undefined })]) {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect((await problem(res)).errors?.[0]?.path).toBe("venueId");
    }
  });

  it("refuses a venue that does not exist, naming venueId", async () => {
    const res = await post(single({ venueId: "ven_nope" }));
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("venueId");
  });

  it("refuses a capacity outside 1..10000, naming capacity", async () => {
    for (const capacity of [0, 10_001, 2.5]) {
      const res = await post(single({ capacity }));
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.map((e) => e.path)).toEqual(["capacity"]);
    }
    expect((await post(single({ capacity: 10_000 }))).status).toBe(201);
  });

  it("refuses a start time without an offset, and a session in the past", async () => {
    const local = await post(single({ startsAt: "2026-03-10T16:00" }));
    expect(local.status).toBe(400);
    expect((await problem(local)).errors?.[0]?.path).toBe("startsAt");
    const past = await post(single({ startsAt: "2026-03-01T16:00:00Z", endsAt: "2026-03-01T17:00:00Z" }));
    expect(past.status).toBe(422);
    expect((await problem(past)).errors?.[0]?.path).toBe("startsAt");
  });

  it("refuses a plain http online link", async () => {
    const res = await post(single({ venueId: undefined, onlineUrl: "http://meet.example/x" }));
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("onlineUrl");
  });
});

describe("POST /events/{id}/sessions: who may add sessions", () => {
  it("lets a coordinator add sessions to any event", async () => {
    expect((await post(single(), w.coordinator)).status).toBe(201);
  });

  it("refuses school staff and another employer's API key (403), a young person (403), and no token (401)", async () => {
    expect((await post(single(), w.schoolStaff)).status).toBe(403);
    expect((await post(single(), w.otherEmployerKey)).status).toBe(403);
    expect((await post(single(), w.youngPerson)).status).toBe(403);
    expect((await h.request("POST", `/api/v1/events/${eventId}/sessions`, { body: single() })).status).toBe(401);
  });

  it("answers 404 for an event that does not exist", async () => {
    expect((await post(single(), w.coordinator, "evt_nope")).status).toBe(404);
  });
});

describe("POST /events/{id}/sessions: a repeating series", () => {
  it("keeps a weekly 10:00 London session at 10:00 across the March and October clock changes", async () => {
    const created = await json<Created>(await post({ start: "2026-03-02T10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;COUNT=40", venueId, capacity: 8 }), 201);
    expect(created.items).toHaveLength(40);
    expect(created.items.every((s) => s.startsAtLocal.endsWith("T10:00"))).toBe(true);
    const utcHour = (date: string) => new Date(created.items.find((s) => s.startsAtLocal.startsWith(date))!.startsAt).getUTCHours();
    expect(utcHour("2026-03-23")).toBe(10); // GMT, the Monday before the change on Sunday 29 March
    expect(utcHour("2026-03-30")).toBe(9); // BST
    expect(utcHour("2026-10-19")).toBe(9); // BST, the Monday before the change on Sunday 25 October
    expect(utcHour("2026-10-26")).toBe(10); // GMT again
    expect(created.items.every((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) === 3_600_000)).toBe(true);
  });

  it("gives every session of a series the same seriesId and stores them all", async () => {
    const created = await json<Created>(await post({ start: "2026-04-01T15:00", durationMinutes: 90, rrule: "FREQ=WEEKLY;COUNT=8", venueId, capacity: 8 }), 201);
    expect(created.seriesId).toMatch(/^ser_/);
    expect(created.items.every((s) => s.seriesId === created.seriesId)).toBe(true);
    const rows = await h.db.select().from(sessions).where(eq(sessions.seriesId, created.seriesId!));
    expect(rows).toHaveLength(8);
  });

  it("keeps the wall time on the day of the change itself (Sunday 29 March)", async () => {
    const created = await json<Created>(await post({ start: "2026-03-22T10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=SU;COUNT=2", venueId, capacity: 8 }), 201);
    expect(created.items.map((s) => s.startsAt)).toEqual(["2026-03-22T10:00:00.000Z", "2026-03-29T09:00:00.000Z"]);
  });

  it("accepts UNTIL, read in London wall time", async () => {
    const created = await json<Created>(await post({ start: "2026-05-04T18:00", durationMinutes: 60, rrule: "RRULE:FREQ=WEEKLY;UNTIL=20260525T180000Z", venueId, capacity: 8 }), 201);
    expect(created.items.map((s) => s.startsAtLocal)).toEqual(["2026-05-04T18:00", "2026-05-11T18:00", "2026-05-18T18:00", "2026-05-25T18:00"]);
  });

  it("refuses a rule that never ends, or one with more than 100 sessions, naming rrule and storing nothing", async () => {
    const before = (await h.db.select().from(sessions)).length;
    for (const rrule of ["FREQ=WEEKLY", "FREQ=DAILY;COUNT=101", "FREQ=DAILY;UNTIL=20270101T000000Z", "FREQ=SOMETIMES;COUNT=2", "not a rule"]) {
      const res = await post({ start: "2026-04-01T15:00", durationMinutes: 60, rrule, venueId, capacity: 8 });
      expect(res.status, rrule).toBe(422);
      expect((await problem(res)).errors?.[0]?.path).toBe("rrule");
    }
    expect((await h.db.select().from(sessions)).length).toBe(before);
  });

  it("accepts exactly 100 sessions", async () => {
    const created = await json<Created>(await post({ start: "2026-04-01T07:00", durationMinutes: 30, rrule: "FREQ=DAILY;COUNT=100", onlineUrl: "https://meet.example/daily", capacity: 5 }), 201);
    expect(created.items).toHaveLength(100);
    expect(new Set(created.items.map((s) => s.id)).size).toBe(100);
  });

  it("refuses a series missing its duration, or mixing in startsAt, naming the fields", async () => {
    const missing = await post({ start: "2026-04-01T15:00", rrule: "FREQ=WEEKLY;COUNT=2", venueId, capacity: 8 });
    expect(missing.status).toBe(400);
    expect((await problem(missing)).errors?.map((e) => e.path)).toEqual(["durationMinutes"]);
    const mixed = await post({ start: "2026-04-01T15:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;COUNT=2", startsAt: "2026-04-01T15:00:00Z", venueId, capacity: 8 });
    expect(mixed.status).toBe(400);
    expect((await problem(mixed)).errors?.map((e) => e.path)).toEqual(["startsAt"]);
  });

  it("refuses a series whose sessions would overlap each other, naming durationMinutes", async () => {
    const res = await post({ start: "2026-04-01T15:00", durationMinutes: 120, rrule: "FREQ=HOURLY;COUNT=3", venueId, capacity: 8 });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("durationMinutes");
    expect((await post({ start: "2026-04-01T15:00", durationMinutes: 60, rrule: "FREQ=HOURLY;COUNT=3", venueId, capacity: 8 })).status).toBe(201);
  });

  it("refuses a series whose first session is in the past, naming start", async () => {
    const res = await post({ start: "2026-03-01T10:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;COUNT=2", venueId, capacity: 8 });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("start");
  });
});

describe("GET /sessions/{id}", () => {
  it("shows anyone the session with its event, venue access facts, seats and London times", async () => {
    const created = await json<Created>(await post(single({ startsAt: "2026-07-01T13:00:00Z", endsAt: "2026-07-01T14:00:00Z", capacity: 20 })), 201);
    const id = created.items[0]!.id;
    await h.db.update(sessions).set({ seatsTaken: 5 }).where(eq(sessions.id, id));
    const got = await json(await h.request("GET", `/api/v1/sessions/${id}?lang=pl`), 200);
    expect(got).toMatchObject({
      id,
      startsAt: "2026-07-01T13:00:00.000Z",
      endsAt: "2026-07-01T14:00:00.000Z",
      startsAtLocal: "2026-07-01T14:00",
      endsAtLocal: "2026-07-01T15:00",
      capacity: 20,
      seatsTaken: 5,
      seatsLeft: 15,
      status: "scheduled",
      online: false,
      event: { id: eventId, titleText: "Opowieści", hostOrganisationId: w.employer.id },
      venue: { id: venueId, postcode: "RV1 2LB", stepFree: true, hearingLoop: true, quietRoom: true, accessibleToilet: false, publicTransport: { en: "Bus 5 to Library Square" } },
    });
    expect(got).not.toHaveProperty("onlineUrl");
  });

  it("shows the online link only to the host and coordinators", async () => {
    const created = await json<Created>(await post(single({ venueId: undefined, onlineUrl: "https://meet.example/secret" })), 201);
    const path = `/api/v1/sessions/${created.items[0]!.id}`;
    const anon = await json(await h.request("GET", path), 200);
    expect(anon).toMatchObject({ online: true, venue: null });
    expect(JSON.stringify(anon)).not.toContain("secret");
    expect(JSON.stringify(await json(await h.request("GET", path, { token: w.youngPerson }), 200))).not.toContain("secret");
    expect(JSON.stringify(await json(await h.request("GET", path, { token: w.otherEmployerKey }), 200))).not.toContain("secret");
    expect(await json(await h.request("GET", path, { token: w.employerStaff }), 200)).toMatchObject({ onlineUrl: "https://meet.example/secret" });
    expect(await json(await h.request("GET", path, { token: w.coordinator }), 200)).toMatchObject({ onlineUrl: "https://meet.example/secret" });
  });

  it("answers 404 for an unknown session and 400 for an unknown language", async () => {
    expect((await h.request("GET", "/api/v1/sessions/ses_nope")).status).toBe(404);
    const created = await json<Created>(await post(single()), 201);
    const res = await h.request("GET", `/api/v1/sessions/${created.items[0]!.id}?lang=xx`);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]?.path).toBe("lang");
  });

  it("refuses a stale token with 401 rather than answering as anonymous", async () => {
    expect((await h.request("GET", "/api/v1/sessions/ses_nope", { token: "od_s_stale" })).status).toBe(401);
  });
});
