// The public catalogue answers with an ETag and `Cache-Control: no-cache` (src/lib/http-cache.ts):
// a repeat request with If-None-Match gets a bodiless 304, and a change to the catalogue
// (a new event, a seat taken) changes the tag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./support/harness";
import { session } from "./support/fixtures";
import { sessions } from "../src/db/schema";
import { eq, sql } from "drizzle-orm";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await session(h.db, h.clock.now(), { title: "Bricklaying taster" });
});
afterAll(() => h.close());

describe.each(["/api/v1/events", "/", "/events"])("GET %s", (path) => {
  it("carries an ETag and no-cache, answers 304 without a body while nothing changed, and a new tag once the catalogue changes", async () => {
    const first = await h.request("GET", path);
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("vary")).toContain("Cookie");

    const again = await h.request("GET", path, { headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(tag);
    expect(again.headers.get("cache-control")).toBe("no-cache");

    const s = await session(h.db, h.clock.now(), { title: `Another taster for ${path}` });
    const changed = await h.request("GET", path, { headers: { "if-none-match": tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(tag);

    // A seat taken changes what the list says about places left, so the tag too (the API's
    // list shows the next session with its seats).
    const before = changed.headers.get("etag")!;
    await h.db.update(sessions).set({ seatsTaken: sql`seats_taken + 1` }).where(eq(sessions.id, s.id));
    const seatTaken = await h.request("GET", path, { headers: { "if-none-match": before } });
    if (path === "/api/v1/events") expect(seatTaken.status).toBe(200);
  });
});

it("an event's own page and API answer revalidate the same way", async () => {
  const s = await session(h.db, h.clock.now(), { title: "Welding taster" });
  for (const path of [`/api/v1/events/${s.eventId}`, `/events/${s.eventId}`]) {
    const first = await h.request("GET", path);
    expect(first.status, path).toBe(200);
    const again = await h.request("GET", path, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status, path).toBe(304);
  }
});
