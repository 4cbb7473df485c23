import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { events, sessions } from "../../db/schema";
import { createApp } from "../../app";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { catalogueWorld, eventBody, json, venueBody, type World } from "./test-fixtures";

// The harness clock starts at 2026-03-02T09:00:00Z.
let h: Harness;
let w: World;
let venueId: string;
beforeAll(async () => {
  h = await createHarness();
  w = await catalogueWorld(h);
  venueId = (await json(await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody() }), 201)).id as string;
});
afterAll(() => h.close());

type EventJson = { id: string; nextSession: { id: string; startsAt: string; seatsLeft: number } | null } & Record<string, unknown>;
type Page = { items: EventJson[]; nextCursor: string | null };

async function newEvent(extra: Record<string, unknown> = {}, host = w.employer.id, token = w.coordinator): Promise<string> {
  return (await json(await h.request("POST", "/api/v1/events", { token, body: eventBody(host, extra) }), 201)).id as string;
}
async function addSession(eventId: string, startsAt: string, capacity = 10): Promise<string> {
  const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  const created = await json<{ items: { id: string }[] }>(await h.request("POST", `/api/v1/events/${eventId}/sessions`, { token: w.coordinator, body: { startsAt, endsAt, venueId, capacity } }), 201);
  return created.items[0]!.id;
}
/** Ids of every event the query returns, across all pages. */
async function idsFor(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await json(await h.request("GET", `/api/v1/events?limit=100&${query}${cursor ? `&cursor=${cursor}` : ""}`), 200);
    ids.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("POST /events", () => {
  it("lets a coordinator create an event for any host, with sensible defaults", async () => {
    const res = await h.request("POST", "/api/v1/events", { token: w.coordinator, body: eventBody(w.otherEmployer.id) });
    const event = await json(res, 201);
    expect(event).toMatchObject({ hostOrganisationId: w.otherEmployer.id, minAge: 11, maxAge: 25, consentAge: 16, tags: [], accessFeatures: [], groupsAllowed: false, pupilsPerStaff: 10, waitlistEnabled: true, whatToBring: null });
    expect(res.headers.get("location")).toBe(`/api/v1/events/${event.id}`);
  });

  it("lets the host's staff and the host's API key create events for their own organisation", async () => {
    await newEvent({}, w.employer.id, w.employerStaff);
    await newEvent({}, w.employer.id, w.employerKey);
  });

  it("keeps searchText up to date with every locale, lower-cased", async () => {
    const id = await newEvent({ title: { en: "Gardening", pl: "OGRODNICTWO" }, description: { en: "Plant things", uk: "САДІВНИЦТВО" } });
    const [row] = await h.db.select().from(events).where(eq(events.id, id));
    expect(row!.searchText).toContain("ogrodnictwo");
    expect(row!.searchText).toContain("садівництво");
  });

  it("refuses school staff creating an event for an employer", async () => {
    const res = await h.request("POST", "/api/v1/events", { token: w.schoolStaff, body: eventBody(w.employer.id) });
    expect(res.status).toBe(403);
    expect((await problem(res)).errors?.[0]?.path).toBe("hostOrganisationId");
  });

  it("refuses another organisation's API key, a young person, and no token", async () => {
    expect((await h.request("POST", "/api/v1/events", { token: w.otherEmployerKey, body: eventBody(w.employer.id) })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/events", { token: w.youngPerson, body: eventBody(w.employer.id) })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/events", { body: eventBody(w.employer.id) })).status).toBe(401);
  });

  it("refuses a title without English, an unknown type and an unknown locale, naming each field", async () => {
    const res = await h.request("POST", "/api/v1/events", { token: w.coordinator, body: eventBody(w.employer.id, { type: "party", title: { pl: "Tylko po polsku" }, description: { en: "x", fr: "non" } }) });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path).sort()).toEqual(["description", "title.en", "type"]);
  });

  it("refuses minAge above maxAge with 422 naming minAge", async () => {
    const res = await h.request("POST", "/api/v1/events", { token: w.coordinator, body: eventBody(w.employer.id, { minAge: 18, maxAge: 14 }) });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("minAge");
  });

  it("refuses an unknown host organisation with 422 naming hostOrganisationId", async () => {
    const res = await h.request("POST", "/api/v1/events", { token: w.coordinator, body: eventBody("org_nope") });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("hostOrganisationId");
  });
});

describe("GET /events filters", () => {
  it("filters by type", async () => {
    const taster = await newEvent({ type: "career_taster" });
    const budget = await newEvent({ type: "budgeting" });
    const ids = await idsFor("type=budgeting");
    expect(ids).toContain(budget);
    expect(ids).not.toContain(taster);
    expect((await h.request("GET", "/api/v1/events?type=party")).status).toBe(400);
  });

  it("filters by age within minAge..maxAge, inclusive at both ends", async () => {
    const teens = await newEvent({ minAge: 14, maxAge: 19 });
    const all = await newEvent({ minAge: 11, maxAge: 25 });
    expect(await idsFor("age=14")).toEqual(expect.arrayContaining([teens, all]));
    expect(await idsFor("age=19")).toEqual(expect.arrayContaining([teens, all]));
    const twelve = await idsFor("age=12");
    expect(twelve).toContain(all);
    expect(twelve).not.toContain(teens);
    expect(await idsFor("age=20")).not.toContain(teens);
  });

  it("filters by tag, matching any of a comma list or repeated parameters", async () => {
    const trades = await newEvent({ tags: ["women_in_trades"] });
    const parents = await newEvent({ tags: ["young_parents", "send_friendly"] });
    const untagged = await newEvent();
    const comma = await idsFor("tag=women_in_trades,young_parents");
    expect(comma).toEqual(expect.arrayContaining([trades, parents]));
    expect(comma).not.toContain(untagged);
    const repeated = await idsFor("tag=young_parents&tag=nothing_like_this");
    expect(repeated).toContain(parents);
    expect(repeated).not.toContain(trades);
  });

  it("filters by access feature, requiring every one asked for", async () => {
    const both = await newEvent({ accessFeatures: ["bsl", "easy_read"] });
    const bslOnly = await newEvent({ accessFeatures: ["bsl"] });
    const none = await newEvent();
    const bsl = await idsFor("accessFeature=bsl");
    expect(bsl).toEqual(expect.arrayContaining([both, bslOnly]));
    expect(bsl).not.toContain(none);
    const bslAndEasy = await idsFor("accessFeature=bsl&accessFeature=easy_read");
    expect(bslAndEasy).toContain(both);
    expect(bslAndEasy).not.toContain(bslOnly);
  });

  it("searches titles and descriptions in every language, ignoring case", async () => {
    const polish = await newEvent({ title: { en: "Cooking club", pl: "Klub KULINARNY Żak" } });
    const english = await newEvent({ title: { en: "Bricklaying Basics" }, description: { en: "Mortar, LEVELS and lines." } });
    expect(await idsFor(`q=${encodeURIComponent("kulinarny żak")}`)).toEqual([polish]);
    expect(await idsFor(`q=${encodeURIComponent("ŻAK")}`)).toEqual([polish]);
    expect(await idsFor("q=bricklaying")).toEqual([english]);
    expect(await idsFor("q=levels")).toEqual([english]);
    expect(await idsFor(`q=${encodeURIComponent("100%")}`)).toEqual([]);
  });

  it("filters by date: a date means the whole London day; an event matches when one scheduled session starts in range", async () => {
    const early = await newEvent({ title: { en: "Early" } });
    const late = await newEvent({ title: { en: "Late" } });
    const cancelled = await newEvent({ title: { en: "Called off" } });
    const noSessions = await newEvent({ title: { en: "Nothing yet" } });
    await addSession(early, "2026-03-10T22:30:00Z"); // 22:30 on the 10th in London (GMT)
    await addSession(late, "2026-03-20T10:00:00Z");
    const off = await addSession(cancelled, "2026-03-10T12:00:00Z");
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, off));

    const day = await idsFor("from=2026-03-10&to=2026-03-10");
    expect(day).toContain(early);
    expect(day).not.toContain(late);
    expect(day).not.toContain(cancelled);
    expect(day).not.toContain(noSessions);

    const fromInstant = await idsFor("from=2026-03-15T00:00:00Z");
    expect(fromInstant).toContain(late);
    expect(fromInstant).not.toContain(early);

    // Without an offset a date-time is London wall time (GMT in March, so the same instant).
    expect(await idsFor("from=2026-03-10T22:30&to=2026-03-10T23:00")).toContain(early);
    expect(await idsFor("from=2026-03-10T22:31")).not.toContain(early);

    const toInstant = await idsFor("to=2026-03-10T22:29:59Z");
    expect(toInstant).not.toContain(early);
    expect(await idsFor("to=2026-03-10T22:30:00Z")).toContain(early);

    // A date in summer is a BST day: 23:30 UTC on 30 June is already 1 July in London.
    const summer = await newEvent({ title: { en: "Summer" } });
    await addSession(summer, "2026-06-30T23:30:00Z");
    expect(await idsFor("from=2026-07-01&to=2026-07-01")).toContain(summer);
    expect(await idsFor("from=2026-06-30&to=2026-06-30")).not.toContain(summer);
    expect(await idsFor("from=2026-07-01T00:30&to=2026-07-01T00:30")).toContain(summer); // 00:30 BST = 23:30Z
  });

  it("refuses a malformed date, or to before from, naming the field", async () => {
    for (const [query, path] of [["from=yesterday", "from"], ["to=2026-13-01", "to"], ["from=2026-03-10&to=2026-03-09", "to"]] as const) {
      const res = await h.request("GET", `/api/v1/events?${query}`);
      expect(res.status, query).toBe(400);
      expect((await problem(res)).errors?.[0]?.path).toBe(path);
    }
  });

  it("combines filters with AND", async () => {
    const match = await newEvent({ type: "budgeting", tags: ["young_parents"], minAge: 16, maxAge: 25, title: { en: "Rent and bills" } });
    const wrongType = await newEvent({ type: "cv_workshop", tags: ["young_parents"], title: { en: "Rent and bills CV" } });
    const ids = await idsFor("type=budgeting&tag=young_parents&age=17&q=rent");
    expect(ids).toEqual([match]);
    expect(ids).not.toContain(wrongType);
  });
});

describe("GET /events listing and pagination", () => {
  it("covers every matching event exactly once across pages, in a stable order", async () => {
    const made = new Set<string>();
    for (let i = 0; i < 23; i++) made.add(await newEvent({ title: { en: `Paging test ${i}` } }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await json(await h.request("GET", `/api/v1/events?q=paging%20test&limit=5${cursor ? `&cursor=${cursor}` : ""}`), 200);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(made);
  });

  it("defaults to 20 per page and refuses more than 100", async () => {
    const page: Page = await json(await h.request("GET", "/api/v1/events"), 200);
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
    expect((await h.request("GET", "/api/v1/events?limit=101")).status).toBe(400);
    expect((await h.request("GET", "/api/v1/events?cursor=garbage")).status).toBe(400);
  });

  it("shows each event's next upcoming scheduled session with its seats left", async () => {
    const id = await newEvent({ title: { en: "Next session test" } });
    const later = await addSession(id, "2026-04-20T10:00:00Z");
    const sooner = await addSession(id, "2026-04-10T10:00:00Z", 12);
    const cancelledSooner = await addSession(id, "2026-04-05T10:00:00Z");
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, cancelledSooner));
    await h.db.update(sessions).set({ seatsTaken: 5 }).where(eq(sessions.id, sooner));

    const list = async () => ((await json<Page>(await h.request("GET", "/api/v1/events?q=next%20session%20test"), 200)).items[0]!.nextSession);
    expect(await list()).toMatchObject({ id: sooner, startsAt: "2026-04-10T10:00:00.000Z", seatsLeft: 7 });

    h.clock.set("2026-04-15T00:00:00Z");
    try {
      expect((await list())?.id).toBe(later);
      h.clock.set("2026-05-01T00:00:00Z");
      expect(await list()).toBeNull();
    } finally {
      h.clock.set("2026-03-02T09:00:00Z");
    }
  });

  it("adds titleText/descriptionText in the requested language, falling back to English", async () => {
    await newEvent({ title: { en: "Lang test", pl: "Test języka" }, description: { en: "English only" } });
    const pl = (await json<Page>(await h.request("GET", "/api/v1/events?q=lang%20test&lang=pl"), 200)).items[0]!;
    expect(pl).toMatchObject({ titleText: "Test języka", descriptionText: "English only" });
    const plain = (await json<Page>(await h.request("GET", "/api/v1/events?q=lang%20test"), 200)).items[0]!;
    expect(plain).not.toHaveProperty("titleText");
    expect((await h.request("GET", "/api/v1/events?lang=fr")).status).toBe(400);
  });
});

describe("GET /events/{id}", () => {
  it("shows the event with its upcoming scheduled sessions in time order, each with seats left", async () => {
    const id = await newEvent({ title: { en: "Detail", ro: "Detaliu" } });
    const b = await addSession(id, "2026-05-02T10:00:00Z", 4);
    const a = await addSession(id, "2026-05-01T10:00:00Z", 4);
    const off = await addSession(id, "2026-05-03T10:00:00Z");
    await h.db.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, off));
    await h.db.update(sessions).set({ seatsTaken: 4 }).where(eq(sessions.id, a));
    const got = await json<{ sessions: { id: string; seatsLeft: number }[]; titleText: string }>(await h.request("GET", `/api/v1/events/${id}?lang=ro`), 200);
    expect(got.titleText).toBe("Detaliu");
    expect(got.sessions.map((s) => [s.id, s.seatsLeft])).toEqual([[a, 0], [b, 4]]);

    h.clock.set("2026-05-01T12:00:00Z");
    try {
      const later = await json<{ sessions: { id: string }[] }>(await h.request("GET", `/api/v1/events/${id}`), 200);
      expect(later.sessions.map((s) => s.id)).toEqual([b]);
    } finally {
      h.clock.set("2026-03-02T09:00:00Z");
    }
  });

  it("answers 404 for an unknown event", async () => {
    const res = await h.request("GET", "/api/v1/events/evt_nope");
    expect(res.status).toBe(404);
    await problem(res);
  });
});

describe("PATCH /events/{id}", () => {
  it("lets the host's staff change only the fields sent, and keeps search in step with the new title", async () => {
    const id = await newEvent({ title: { en: "Old zebra title" }, tags: ["send_friendly"], minAge: 14, maxAge: 19 });
    const res = await h.request("PATCH", `/api/v1/events/${id}`, { token: w.employerStaff, body: { title: { en: "New giraffe title" }, waitlistEnabled: false, accessFeatures: ["bsl"] } });
    const updated = await json(res, 200);
    expect(updated).toMatchObject({ title: { en: "New giraffe title" }, waitlistEnabled: false, accessFeatures: ["bsl"], tags: ["send_friendly"], minAge: 14, maxAge: 19 });
    expect(await idsFor("q=giraffe")).toEqual([id]);
    expect(await idsFor("q=zebra")).toEqual([]);
  });

  it("lets a coordinator and the host's API key change an event", async () => {
    const id = await newEvent();
    expect((await h.request("PATCH", `/api/v1/events/${id}`, { token: w.coordinator, body: { consentAge: 13 } })).status).toBe(200);
    expect(await json(await h.request("PATCH", `/api/v1/events/${id}`, { token: w.employerKey, body: { groupsAllowed: true, pupilsPerStaff: 8 } }), 200)).toMatchObject({ consentAge: 13, groupsAllowed: true, pupilsPerStaff: 8 });
  });

  it("refuses an age range that would end up upside down, checking against the stored values", async () => {
    const id = await newEvent({ minAge: 14, maxAge: 19 });
    const res = await h.request("PATCH", `/api/v1/events/${id}`, { token: w.employerStaff, body: { minAge: 20 } });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("minAge");
    expect((await json(await h.request("GET", `/api/v1/events/${id}`), 200)).minAge).toBe(14);
  });

  it("refuses fields that cannot change (host) and invalid values, naming them", async () => {
    const id = await newEvent();
    const host = await h.request("PATCH", `/api/v1/events/${id}`, { token: w.coordinator, body: { hostOrganisationId: w.otherEmployer.id } });
    expect(host.status).toBe(400);
    const bad = await h.request("PATCH", `/api/v1/events/${id}`, { token: w.coordinator, body: { title: { pl: "bez angielskiego" }, maxAge: 40 } });
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.map((e) => e.path).sort()).toEqual(["maxAge", "title.en"]);
  });

  it("refuses another employer's key, school staff and a young person (403), no token (401), unknown event (404)", async () => {
    const id = await newEvent();
    expect((await h.request("PATCH", `/api/v1/events/${id}`, { token: w.otherEmployerKey, body: { minAge: 12 } })).status).toBe(403);
    expect((await h.request("PATCH", `/api/v1/events/${id}`, { token: w.schoolStaff, body: { minAge: 12 } })).status).toBe(403);
    expect((await h.request("PATCH", `/api/v1/events/${id}`, { token: w.youngPerson, body: { minAge: 12 } })).status).toBe(403);
    expect((await h.request("PATCH", `/api/v1/events/${id}`, { body: { minAge: 12 } })).status).toBe(401);
    expect((await h.request("PATCH", "/api/v1/events/evt_nope", { token: w.coordinator, body: { minAge: 12 } })).status).toBe(404);
    expect((await json(await h.request("GET", `/api/v1/events/${id}`), 200)).minAge).toBe(11);
  });
});

describe("PATCH /events/{id} under concurrency", () => {
  /** Wraps a query builder so awaiting it first waits `ms`: both racers then read before either writes. */
  function slowed<T extends object>(target: T, ms: number): T {
    return new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== "function") return value;
        if (prop === "then") return (ok: unknown, fail: unknown) => new Promise((r) => setTimeout(r, ms)).then(() => value.call(t, ok, fail));
        return (...args: unknown[]) => {
          const out = value.apply(t, args);
          return out && typeof out === "object" ? slowed(out, ms) : out;
        };
      },
    });
  }

  it("never lets two simultaneous edits that are each valid combine into minAge > maxAge", async () => {
    const db = new Proxy(h.db, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (prop === "update") return (...args: Parameters<typeof t.update>) => slowed(t.update(...args), 50);
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
    const app = createApp({ ...h.deps, db });
    const patch = (id: string, token: string, body: unknown) =>
      app.request(`/api/v1/events/${id}`, { method: "PATCH", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

    const id = await newEvent({ minAge: 14, maxAge: 19 });
    const results = await Promise.all([patch(id, w.coordinator, { minAge: 18 }), patch(id, w.employerStaff, { maxAge: 15 })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await json<{ minAge: number; maxAge: number }>(await h.request("GET", `/api/v1/events/${id}`), 200);
    expect(final.minAge).toBeLessThanOrEqual(final.maxAge);
  });

  it("control: the same interleaving without the updated_at guard does end upside down", async () => {
    const id = await newEvent({ minAge: 14, maxAge: 19 });
    const [first] = await h.db.select().from(events).where(eq(events.id, id));
    const [second] = await h.db.select().from(events).where(eq(events.id, id));
    // Each writer checked its own merged values (18 <= 19, 14 <= 15) against what it read.
    expect({ ...first!, minAge: 18 }.minAge).toBeLessThanOrEqual(first!.maxAge);
    expect(second!.minAge).toBeLessThanOrEqual(15);
    await h.db.update(events).set({ minAge: 18 }).where(eq(events.id, id));
    await h.db.update(events).set({ maxAge: 15 }).where(eq(events.id, id));
    const [final] = await h.db.select().from(events).where(eq(events.id, id));
    expect(final!.minAge).toBeGreaterThan(final!.maxAge);
  });
});
