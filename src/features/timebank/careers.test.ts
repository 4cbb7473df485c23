// Careers evidence on the demo term: a school's careers lead sees and downloads its own pupils'
// employer encounters and workplace experiences; another school gets 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedDemoData } from "../../db/seed";
import { auditLog } from "../../db/schema";
import { createHarness, type Harness } from "../../../test/support/harness";
import { benchmarksFor } from "./careers";

let h: Harness;
let riverside: string;
let hillview: string;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  riverside = await h.tokenFor("j.khan@riverside.example");
  hillview = await h.tokenFor("t.evans@hillview.example");
  coordinator = await h.tokenFor("coordinator@opendoor.test");
});
afterAll(() => h.close());

const get = (path: string, token?: string) => h.request("GET", `/api/v1${path}`, { token });

describe("which sessions count", () => {
  const rules = [
    { benchmark: "gatsby6" as const, eventType: "career_taster" as const, hostOrganisationId: null },
    { benchmark: "gatsby5" as const, eventType: null, hostOrganisationId: "org_bank" },
    { benchmark: "gatsby5" as const, eventType: "interview_skills" as const, hostOrganisationId: null },
  ];
  it("every matching rule adds its benchmark once; null matches any type or host", () => {
    expect(benchmarksFor(rules, { eventType: "career_taster", hostOrganisationId: "org_bank" })).toEqual(["gatsby5", "gatsby6"]);
    expect(benchmarksFor(rules, { eventType: "interview_skills", hostOrganisationId: "org_bank" })).toEqual(["gatsby5"]);
    expect(benchmarksFor(rules, { eventType: "budgeting", hostOrganisationId: "org_other" })).toEqual([]);
  });
});

describe("a school's careers evidence", () => {
  it("the careers lead downloads the CSV for their pupils after a term, with each pupil's employer encounters", async () => {
    const res = await get("/schools/org_riverside/careers-evidence.csv", riverside);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("pupil,date,activity,activity_type,host_organisation,gatsby_benchmark,group_booking_id");
    const amara = lines.filter((l) => l.startsWith("Amara K,"));
    expect(amara).toHaveLength(2);
    expect(amara.every((l) => l.includes(",career_taster,") && l.includes(",6,"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Grace O,"))).toBe(false);
  });

  it("counts per pupil, and a session that is both kinds of evidence counts as both", async () => {
    const e = (await (await get("/schools/org_hillview/careers-evidence", hillview)).json()) as { pupils: { name: string; gatsby5: number; gatsby6: number }[]; encounters: { eventType: string; benchmarks: string[] }[] };
    expect(e.pupils.find((p) => p.name === "Grace O")).toEqual({ name: "Grace O", gatsby5: 1, gatsby6: 1 });
    expect(e.encounters.map((x) => [x.eventType, x.benchmarks])).toEqual([
      ["career_taster", ["gatsby6"]],
      ["interview_skills", ["gatsby5"]],
    ]);
  });

  it("another school's careers lead gets 403; a coordinator may look, and the look is logged", async () => {
    expect((await get("/schools/org_riverside/careers-evidence.csv", hillview)).status).toBe(403);
    expect((await get("/schools/org_riverside/careers-evidence", hillview)).status).toBe(403);
    expect((await get("/schools/org_riverside/careers-evidence.csv")).status).toBe(401);
    expect((await get("/schools/org_northbuild/careers-evidence", coordinator)).status).toBe(422);
    expect((await get("/schools/org_riverside/careers-evidence", coordinator)).status).toBe(200);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, "careers.evidence.read"))).toHaveLength(1);
  });

  it("coordinators decide what counts: a new rule adds budgeting at Brightbank's sessions; others may not", async () => {
    const body = { benchmark: "gatsby5", eventType: "budgeting" };
    expect((await h.request("POST", "/api/v1/careers-rules", { body, token: riverside })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/careers-rules", { body: { benchmark: "gatsby5" }, token: coordinator })).status).toBe(400);
    expect((await h.request("POST", "/api/v1/careers-rules", { body: { benchmark: "gatsby5", hostOrganisationId: "org_nowhere" }, token: coordinator })).status).toBe(400);
    const made = await h.request("POST", "/api/v1/careers-rules", { body, token: coordinator });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    expect(((await (await get("/careers-rules", riverside)).json()) as { items: { id: string }[] }).items.map((r) => r.id)).toContain(id);
    expect((await h.request("DELETE", `/api/v1/careers-rules/${id}`, { token: riverside })).status).toBe(403);
    expect((await h.request("DELETE", `/api/v1/careers-rules/${id}`, { token: coordinator })).status).toBe(204);
    expect((await h.request("DELETE", `/api/v1/careers-rules/${id}`, { token: coordinator })).status).toBe(404);
  });
});
