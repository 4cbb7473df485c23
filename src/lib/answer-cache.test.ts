// The public list kept while the data is unchanged: reused when nothing changed, and never
// once anything did (a write here, a write by another process on the same file, time passing
// an event's next session), including writes racing the reads. Each guard has a control: the
// same cache with a version that never changes serves the stale answer.
import { join } from "node:path";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { seedDemoData } from "../db/seed";
import { createHarness, type Harness } from "../../test/support/harness";
import { answerCache, LONGEST_KEPT_MS, type AnswerCache } from "./answer-cache";

type Page = {
  items: { id: string; minAge: number; maxAge: number; title: { en?: string }; nextSession: { id: string; startsAt: string; seatsLeft: number } | null }[];
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
});
afterAll(() => h.close());

const LIST = "/api/v1/events?limit=100";
const list = async (app = h.app, headers: Record<string, string> = {}) => {
  const res = await app.request(LIST, { headers });
  return { res, page: res.status === 200 ? ((await res.json()) as Page) : undefined };
};
const cache = () => h.deps.answers!;
/** An app whose cache believes the data never changes: the control for every guard. */
const blindApp = () => createApp({ ...h.deps, answers: answerCache(() => "never changes") });
const stat = (c: AnswerCache) => ({ hits: c.hits, misses: c.misses });

describe("the public list kept while the data is unchanged", () => {
  it("reuses the answer, with its ETag, and a matching If-None-Match gets a 304", async () => {
    const first = await list();
    const before = stat(cache());
    const second = await list();
    expect(cache().hits).toBe(before.hits + 1);
    expect(second.page).toEqual(first.page);
    const tag = second.res.headers.get("etag")!;
    expect(tag).toBe(first.res.headers.get("etag"));
    expect(second.res.headers.get("cache-control")).toBe("no-cache");
    expect(second.res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const revalidated = await h.app.request(LIST, { headers: { "if-none-match": tag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
  });

  it("is never used for someone signed in", async () => {
    const token = await h.tokenFor("kept@example.com");
    await list();
    const before = stat(cache());
    await list(h.app, { authorization: `Bearer ${token}` });
    expect(stat(cache())).toEqual(before);
  });

  it("lets go when the programme changes here (a booking changes seats left)", async () => {
    const blind = blindApp();
    const { page } = await list();
    await list(blind);
    const target = page!.items.find((e) => e.minAge <= 18 && e.maxAge >= 18 && e.nextSession && e.nextSession.seatsLeft > 1)!;
    const token = await h.tokenFor("seat@example.com", { dateOfBirth: "2008-01-01" });
    const booked = await h.request("POST", `/api/v1/sessions/${target.nextSession!.id}/bookings`, { token, body: {} });
    expect(booked.status).toBe(201);
    const seats = (p: Page | undefined) => p!.items.find((e) => e.id === target.id)!.nextSession!.seatsLeft;
    expect(seats((await list()).page)).toBe(target.nextSession!.seatsLeft - 1);
    // Control: without the data version the old count is served.
    expect(seats((await list(blind)).page)).toBe(target.nextSession!.seatsLeft);
  });

  it("lets go when another process writes to the same file", async () => {
    const blind = blindApp();
    const { page } = await list();
    await list(blind);
    const id = page!.items[0]!.id;
    const other = new Database(join(h.dir, "test.db"));
    try {
      other.prepare("update events set title = json_set(title, '$.en', 'Renamed by another process') where id = ?").run(id);
    } finally {
      other.close();
    }
    const title = (p: Page | undefined) => p!.items.find((e) => e.id === id)!.title.en;
    expect(title((await list()).page)).toBe("Renamed by another process");
    expect(title((await list(blind)).page)).not.toBe("Renamed by another process");
  });

  it("lets go when an event's next session starts, though nothing was written", async () => {
    const { page } = await list();
    const soonest = page!.items.filter((e) => e.nextSession).sort((a, b) => a.nextSession!.startsAt.localeCompare(b.nextSession!.startsAt))[0]!;
    const at = Date.parse(soonest.nextSession!.startsAt);
    const saved = h.clock.now();
    const version = cache().version();
    try {
      // A moment before it starts the kept answer is reused (control: the data version alone
      // would go on reusing it)…
      h.clock.set(at - 30_000);
      await list();
      h.clock.set(at - 1);
      const hits = cache().hits;
      expect((await list()).page!.items.find((e) => e.id === soonest.id)!.nextSession!.id).toBe(soonest.nextSession!.id);
      expect(cache().hits).toBe(hits + 1);
      // …and once it has started, with the data version unchanged, it is not.
      h.clock.set(at);
      expect((await list()).page!.items.find((e) => e.id === soonest.id)!.nextSession?.id).not.toBe(soonest.nextSession!.id);
      expect(cache().version()).toBe(version);
      expect(cache().hits).toBe(hits + 1);
    } finally {
      h.clock.set(saved);
    }
  });

  it("rebuilds an answer a minute old, however unchanged", async () => {
    const saved = h.clock.now();
    try {
      await list();
      h.clock.advance(LONGEST_KEPT_MS - 1);
      const hits = cache().hits;
      await list();
      expect(cache().hits).toBe(hits + 1);
      h.clock.advance(1);
      await list();
      expect(cache().hits).toBe(hits + 1);
    } finally {
      h.clock.set(saved);
    }
  });

  it("shows the last seat count after bookings race the reads", async () => {
    const blind = blindApp();
    const { page } = await list();
    const target = page!.items.find((e) => e.minAge <= 18 && e.maxAge >= 18 && e.nextSession && e.nextSession.seatsLeft >= 12)!;
    await list(blind);
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++) tokens.push(await h.tokenFor(`race${i}@example.com`, { dateOfBirth: "2008-01-01" }));
    const outcomes = await Promise.all([
      ...tokens.map((token) => h.request("POST", `/api/v1/sessions/${target.nextSession!.id}/bookings`, { token, body: {} })),
      ...Array.from({ length: 20 }, () => list()),
      ...Array.from({ length: 5 }, () => list(blind)),
    ]);
    expect(outcomes.slice(0, 10).map((r) => (r as Response).status)).toEqual(Array(10).fill(201));
    const seats = (p: Page | undefined) => p!.items.find((e) => e.id === target.id)!.nextSession!.seatsLeft;
    expect(seats((await list()).page)).toBe(target.nextSession!.seatsLeft - 10);
    expect(seats((await list(blind)).page)).not.toBe(target.nextSession!.seatsLeft - 10);
  });
});
