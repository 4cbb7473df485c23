// My record and its share links, on the demo term (src/db/seed-timebank.ts): what `npm start` shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { createHarness, problem, type Harness } from "../../../test/support/harness";

let h: Harness;
let jordan: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  jordan = await h.tokenFor("jordan@example.com");
});
afterAll(() => h.close());

const get = (path: string, token?: string) => h.request("GET", `/api/v1${path}`, { token });

describe("my record", () => {
  it("lists every session taken part in, the mentoring and the role given, with the organisations met and the hours", async () => {
    const res = await get("/me/record", jordan);
    expect(res.status).toBe(200);
    const r = (await res.json()) as { name: string; hoursTakingPart: number; hoursGiven: number; balanceHours: number; organisations: string[]; items: { kind: string; eventType: string | null; role: string | null; title: string; hours: number }[] };
    expect(r.name).toBe("Jordan");
    expect(r.items.map((i) => i.kind)).toEqual(["session", "session", "session", "session", "session", "mentoring", "role"]);
    expect(r.items.filter((i) => i.kind === "session").map((i) => i.eventType)).toEqual(["career_taster", "career_taster", "cv_workshop", "interview_skills", "intergenerational"]);
    expect(r.items.at(-1)).toMatchObject({ kind: "role", role: "young_helper", title: "Gardening with Oak House residents", hours: 1.5 });
    // 3 + 6 + 1.5 + 2 + 1 hours of sessions and 45 minutes of mentoring; 1.5 given; 2 spent on the cinema.
    expect(r).toMatchObject({ hoursTakingPart: 14.25, hoursGiven: 1.5, balanceHours: 13 });
    expect(r.organisations).toEqual(["Brightbank Building Society", "City Health NHS Trust", "Northbuild Construction", "Oak House Care Home", "Open Door Youth Partnership"]);
  });

  it("is for young people: staff are refused, and nobody signed out sees one", async () => {
    expect((await get("/me/record", await h.tokenFor("careers@northbuild.example"))).status).toBe(403);
    expect((await get("/me/record")).status).toBe(401);
  });

  it("shares by a link that works without sign-in until its owner turns it off; nobody else can turn it off", async () => {
    const made = await h.request("POST", "/api/v1/me/record-links", { token: jordan });
    expect(made.status).toBe(201);
    expect(made.headers.get("cache-control")).toBe("no-store");
    const { id, url } = (await made.json()) as { id: string; url: string };
    const token = url.split("/record/")[1]!;
    const shared = await get(`/records/${token}`);
    expect(shared.status).toBe(200);
    expect(await shared.json()).toMatchObject({ name: "Jordan", hoursGiven: 1.5 });
    expect(((await (await get("/me/record-links", jordan)).json()) as { items: { id: string; url: null }[] }).items).toEqual([expect.objectContaining({ id, url: null })]);
    const someoneElse = await h.tokenFor("aisha@example.com");
    expect((await h.request("DELETE", `/api/v1/me/record-links/${id}`, { token: someoneElse })).status).toBe(404);
    expect((await get(`/records/${token}`)).status).toBe(200);
    expect((await h.request("DELETE", `/api/v1/me/record-links/${id}`, { token: jordan })).status).toBe(204);
    const gone = await get(`/records/${token}`);
    expect(gone.status).toBe(401);
    expect((await problem(gone)).detail).toMatch(/turned off/);
    expect((await get("/records/not-a-real-token")).status).toBe(401);
  });
});

describe("the demo term's balances", () => {
  it("the programme by month, and Jordan's statement with the redemption", async () => {
    const all = (await (await get("/timebank/balances", await h.tokenFor("coordinator@opendoor.test"))).json()) as { months: { earnedHours: number; spentHours: number }[] };
    expect(all.months.length).toBeGreaterThanOrEqual(2);
    expect(all.months.reduce((n, m) => n + m.spentHours, 0)).toBe(2);
    const me = (await (await get("/me/timebank", jordan)).json()) as { balanceHours: number; entries: { kind: string }[] };
    expect(me.balanceHours).toBe(13);
    expect(me.entries.filter((e) => e.kind === "redemption")).toHaveLength(1);
  });
});
