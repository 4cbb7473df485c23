import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { catalogueWorld, json, venueBody, type World } from "./test-fixtures";

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await createHarness();
  w = await catalogueWorld(h);
});
afterAll(() => h.close());

describe("POST /venues", () => {
  it("lets a coordinator add a venue owned by nobody, with its access facts, normalising the postcode", async () => {
    const res = await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ postcode: "rv1  2lb", hearingLoop: true }) });
    const venue = await json(res, 201);
    expect(venue).toMatchObject({ postcode: "RV1 2LB", organisationId: null, stepFree: true, hearingLoop: true, quietRoom: false, accessibleToilet: false, disabledParking: false, publicTransport: { en: "Bus 5 to Library Square" } });
    expect(res.headers.get("location")).toBe(`/api/v1/venues/${venue.id}`);
  });

  it("lets an organisation's staff and its API key add venues owned by that organisation", async () => {
    await json(await h.request("POST", "/api/v1/venues", { token: w.employerStaff, body: venueBody({ organisationId: w.employer.id }) }), 201);
    const byKey = await json(await h.request("POST", "/api/v1/venues", { token: w.employerKey, body: venueBody({ organisationId: w.employer.id }) }), 201);
    expect(byKey.organisationId).toBe(w.employer.id);
  });

  it("refuses a postcode that is not UK-shaped, naming postcode", async () => {
    for (const postcode of ["12345", "SW1A", "ABCDEFG", "SW1A 1AAA"]) {
      const res = await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ postcode }) });
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.map((e) => e.path)).toEqual(["postcode"]);
    }
    for (const postcode of ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A1BB"]) {
      expect((await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ postcode }) })).status).toBe(201);
    }
  });

  it("refuses missing name and address, naming each", async () => {
    const res = await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: { postcode: "RV1 2LB" } });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path).sort()).toEqual(["address", "name"]);
  });

  it("refuses an unknown owning organisation with 422 naming organisationId", async () => {
    const res = await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ organisationId: "org_nope" }) });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe("organisationId");
  });

  it("refuses an API key of one organisation creating a venue for another", async () => {
    const res = await h.request("POST", "/api/v1/venues", { token: w.otherEmployerKey, body: venueBody({ organisationId: w.employer.id }) });
    expect(res.status).toBe(403);
    expect((await problem(res)).errors?.[0]?.path).toBe("organisationId");
  });

  it("refuses staff creating a venue for another organisation, or owned by nobody", async () => {
    expect((await h.request("POST", "/api/v1/venues", { token: w.schoolStaff, body: venueBody({ organisationId: w.employer.id }) })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/venues", { token: w.employerStaff, body: venueBody() })).status).toBe(403);
  });

  it("creates one venue for a repeated Idempotency-Key", async () => {
    const headers = { "idempotency-key": "venue-once" };
    const a = await json(await h.request("POST", "/api/v1/venues", { token: w.coordinator, headers, body: venueBody({ name: "Once only" }) }), 201);
    const b = await json(await h.request("POST", "/api/v1/venues", { token: w.coordinator, headers, body: venueBody({ name: "Once only" }) }), 201);
    expect(b.id).toBe(a.id);
    const all = await json<{ items: { name: string }[] }>(await h.request("GET", "/api/v1/venues?limit=100"), 200);
    expect(all.items.filter((v) => v.name === "Once only")).toHaveLength(1);
  });

  it("refuses a young person", async () => {
    expect((await h.request("POST", "/api/v1/venues", { token: w.youngPerson, body: venueBody() })).status).toBe(403);
  });

  it("refuses without a token (401) and with a revoked-looking token (401)", async () => {
    expect((await h.request("POST", "/api/v1/venues", { body: venueBody() })).status).toBe(401);
    expect((await h.request("POST", "/api/v1/venues", { token: "od_k_made_up", body: venueBody() })).status).toBe(401);
  });
});

describe("GET /venues and /venues/{id}", () => {
  it("shows a venue to anyone, without signing in", async () => {
    const created = await json(await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ name: "Oak House", quietRoom: true }) }), 201);
    const got = await json(await h.request("GET", `/api/v1/venues/${created.id}`), 200);
    expect(got).toEqual(created);
  });

  it("answers 404 for an unknown venue", async () => {
    const res = await h.request("GET", "/api/v1/venues/ven_nope");
    expect(res.status).toBe(404);
    await problem(res);
  });

  it("pages through every venue exactly once", async () => {
    for (let i = 0; i < 7; i++) await h.request("POST", "/api/v1/venues", { token: w.coordinator, body: venueBody({ name: `Hall ${i}` }) });
    const all = await json<{ items: { id: string }[] }>(await h.request("GET", "/api/v1/venues?limit=100"), 200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await json(await h.request("GET", `/api/v1/venues?limit=3${cursor ? `&cursor=${cursor}` : ""}`), 200);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.items.length).toBeGreaterThanOrEqual(7);
    expect(seen).toEqual(all.items.map((v) => v.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses a forged cursor and a limit over 100, naming the parameter", async () => {
    const forged = await h.request("GET", "/api/v1/venues?cursor=not-a-cursor");
    expect(forged.status).toBe(400);
    expect((await problem(forged)).errors?.[0]?.path).toBe("cursor");
    const big = await h.request("GET", "/api/v1/venues?limit=101");
    expect(big.status).toBe(400);
    expect((await problem(big)).errors?.[0]?.path).toBe("limit");
  });
});
