import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, problem, type Harness } from "../../../test/support/harness";
import { holdOtherBooking, makeMentor, makeOrg, makeSlot, makeVenue, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";

let h: Harness;
let employer: string;
let verified: string;
let unverified: string;
let expiring: string;
const slots: Record<string, string> = {};
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  employer = await makeOrg(h, "employer");
  verified = await makeMentor(h, employer, { sector: "Engineering", languages: ["en", "pl"] });
  unverified = await makeMentor(h, employer, { dbs: null, sector: "Law" });
  expiring = await makeMentor(h, employer, { dbs: { checkedOn: "2023-03-15", expiresOn: "2026-03-15" }, sector: "Health" });
  const venueId = await makeVenue(h);
  slots.verifiedOnline = await makeSlot(h, verified, "2026-03-10T17:00:00Z");
  slots.verifiedInPerson = await makeSlot(h, verified, "2026-03-12T17:00:00Z", { mode: "in_person", venueId });
  slots.unverified = await makeSlot(h, unverified, "2026-03-11T17:00:00Z");
  slots.beforeExpiry = await makeSlot(h, expiring, "2026-03-14T10:00:00Z");
  slots.afterExpiry = await makeSlot(h, expiring, "2026-03-16T10:00:00Z");
  slots.past = await makeSlot(h, verified, "2026-03-01T10:00:00Z");
});
afterAll(() => h.close());

type Listing = { id: string; mode: string; mentor: { sector: string; organisationName: string }; venue: { name: string } | null };
const list = async (token: string, query = "") => {
  const res = await h.request("GET", `/api/v1/mentoring-slots${query}`, { token });
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(text).not.toContain("meet.example.test");
  expect(text).not.toContain("meetingUrl");
  return (JSON.parse(text) as { items: Listing[] }).items;
};
const ids = (items: Listing[]) => items.map((i) => i.id);

describe("GET /mentoring-slots", () => {
  it("shows an adult every open future slot, without meeting links", async () => {
    const adult = await youngPerson(h, "2000-01-01");
    expect(ids(await list(adult.token))).toEqual([slots.verifiedOnline, slots.unverified, slots.verifiedInPerson, slots.beforeExpiry, slots.afterExpiry]);
  });

  it("shows an under-18 only slots whose mentor's DBS is valid on the day", async () => {
    const teen = await youngPerson(h, "2009-01-01");
    expect(ids(await list(teen.token))).toEqual([slots.verifiedOnline, slots.verifiedInPerson, slots.beforeExpiry]);
  });

  it("leaves out slots that clash with the young person's other bookings", async () => {
    const adult = await youngPerson(h, "2000-01-01");
    await holdOtherBooking(h, adult.personId, "2026-03-10T17:30:00Z");
    expect(ids(await list(adult.token))).not.toContain(slots.verifiedOnline);
  });

  it("lists nothing once the young person holds the maximum of future mentoring bookings", async () => {
    const adult = await youngPerson(h, "2000-01-01");
    const m = await makeMentor(h, await makeOrg(h, "employer"));
    for (const t of ["2026-03-20T10:00:00Z", "2026-03-21T10:00:00Z"]) {
      expect((await h.request("POST", `/api/v1/mentoring-slots/${await makeSlot(h, m, t)}/bookings`, { token: adult.token, body: {} })).status).toBe(201);
    }
    expect(await list(adult.token)).toEqual([]);
  });

  it("filters by time, sector, mode, organisation and language", async () => {
    const adult = await youngPerson(h, "2000-01-01");
    expect(ids(await list(adult.token, "?from=2026-03-11T00:00:00Z&to=2026-03-12T23:00:00Z"))).toEqual([slots.unverified, slots.verifiedInPerson]);
    expect(ids(await list(adult.token, "?sector=law"))).toEqual([slots.unverified]);
    const inPerson = await list(adult.token, "?mode=in_person");
    expect(ids(inPerson)).toEqual([slots.verifiedInPerson]);
    expect(inPerson[0]!.venue!.name).toBe("Central Library");
    expect(ids(await list(adult.token, "?language=pl"))).toEqual([slots.verifiedOnline, slots.verifiedInPerson]);
    expect(await list(adult.token, `?organisationId=${await makeOrg(h, "employer")}`)).toEqual([]);
  });

  it("refuses a malformed filter, naming it", async () => {
    const adult = await youngPerson(h, "2000-01-01");
    const res = await h.request("GET", "/api/v1/mentoring-slots?from=tomorrow&language=English", { token: adult.token });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors!.map((e) => e.path).sort()).toEqual(["from", "language"]);
  });

  it("is for signed-in young people: staff get 403, no token 401", async () => {
    const staff = await staffOf(h, employer);
    expect((await h.request("GET", "/api/v1/mentoring-slots", { token: staff.token })).status).toBe(403);
    expect((await h.request("GET", "/api/v1/mentoring-slots")).status).toBe(401);
  });
});
