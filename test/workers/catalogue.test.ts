import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const KEY = "od_k_catalogue_workers_test_key_0123456789";

async function sha256Hex(value: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const call = (method: string, path: string, body?: unknown) =>
  SELF.fetch(`https://opendoor.test/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

describe("the catalogue on D1", () => {
  // D1 binds at most 100 parameters per statement: a 100-session series must still go in,
  // as one batch, and the directory's next-session lookup must not bind one parameter per event.
  it("stores a 100-session series and lists it", async () => {
    await env.DB.prepare("insert into organisations (id, type, name) values ('org_w', 'employer', 'Workers Ltd')").run();
    await env.DB.prepare("insert into api_keys (id, organisation_id, name, prefix, key_hash) values ('key_w', 'org_w', 't', 'od_k_cat', ?)").bind(await sha256Hex(KEY)).run();

    const venue = await call("POST", "/venues", { name: "Hall", address: "1 Road", postcode: "RV1 2LB", organisationId: "org_w" });
    expect(venue.status).toBe(201);
    const event = await call("POST", "/events", { type: "budgeting", title: { en: "Workers money club" }, description: { en: "x" }, hostOrganisationId: "org_w" });
    expect(event.status).toBe(201);
    const { id } = (await event.json()) as { id: string };
    const venueId = ((await venue.json()) as { id: string }).id;
    const series = await call("POST", `/events/${id}/sessions`, { start: "2030-01-07T10:00", durationMinutes: 60, rrule: "FREQ=DAILY;COUNT=100", venueId, capacity: 10 });
    expect(series.status).toBe(201);
    const { items } = (await series.json()) as { items: unknown[] };
    expect(items).toHaveLength(100);
    // Rule 16 on D1: the venue holds one session at a time, so a series over the same days is
    // refused whole (the guarded INSERT … SELECT and its clean-up in one batch).
    const overlapping = await call("POST", `/events/${id}/sessions`, { start: "2030-03-01T10:30", durationMinutes: 60, rrule: "FREQ=DAILY;COUNT=60", venueId, capacity: 10 });
    expect(overlapping.status).toBe(409);
    const count = await env.DB.prepare("select count(*) as n from sessions where venue_id = ?").bind(venueId).first<{ n: number }>();
    expect(count!.n).toBe(100);

    const list = await call("GET", "/events?q=workers%20money&limit=100");
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string; nextSession: { startsAt: string } | null }[] };
    expect(page.items).toEqual([expect.objectContaining({ id, nextSession: expect.objectContaining({ startsAt: "2030-01-07T10:00:00.000Z" }) })]);
  });
});
