import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mentors } from "../../db/schema";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { makeMentor, makeOrg, staffOf, youngPerson } from "../../../test/support/mentoring-fixtures";

let h: Harness;
let employer: string;
let staff: { token: string };
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  employer = await makeOrg(h, "employer");
  staff = await staffOf(h, employer);
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

const newMentor = (extra: Record<string, unknown> = {}) => ({
  displayName: "Asha Patel",
  email: "asha@employer.test",
  sector: "engineering",
  bio: { en: "Civil engineer, 10 years on bridges." },
  languages: ["en", "gu"],
  ...extra,
});

describe("POST /mentors", () => {
  it("lets employer staff add a mentor to their own organisation, unverified at first", async () => {
    const res = await h.request("POST", "/api/v1/mentors", { token: staff.token, body: newMentor({ organisationId: employer }) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; organisationId: string; languages: string[]; dbs: { status: string } };
    expect(body).toMatchObject({ organisationId: employer, languages: ["en", "gu"], dbs: { status: "dbs_missing" } });
  });

  it("lets the employer's API key add a mentor without naming the organisation", async () => {
    const keyRes = await h.request("POST", `/api/v1/organisations/${employer}/api-keys`, { token: staff.token, body: { name: "hr system" } });
    const { key } = (await keyRes.json()) as { key: string };
    const res = await h.request("POST", "/api/v1/mentors", { token: key, body: newMentor({ email: "key@employer.test" }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ organisationId: employer });
  });

  it("lets a coordinator add a mentor to any employer", async () => {
    const res = await h.request("POST", "/api/v1/mentors", { token: coordinator, body: newMentor({ organisationId: employer, email: "c@employer.test" }) });
    expect(res.status).toBe(201);
  });

  it("refuses a bio over 500 characters and a language that is not an ISO code, naming both fields", async () => {
    const res = await h.request("POST", "/api/v1/mentors", { token: staff.token, body: newMentor({ organisationId: employer, bio: { en: "Bridges.", ar: "x".repeat(501) }, languages: ["English"] }) });
    expect(res.status).toBe(400);
    const paths = (await problem(res)).errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["bio.ar", "languages.0"]));
  });

  it("refuses staff adding a mentor to another employer (403)", async () => {
    const other = await makeOrg(h, "employer");
    const res = await h.request("POST", "/api/v1/mentors", { token: staff.token, body: newMentor({ organisationId: other }) });
    expect(res.status).toBe(403);
  });

  it("refuses school staff adding mentors, even to their own school (403)", async () => {
    const school = await makeOrg(h, "school");
    const teacher = await staffOf(h, school);
    const own = await h.request("POST", "/api/v1/mentors", { token: teacher.token, body: newMentor({ organisationId: school }) });
    const employers = await h.request("POST", "/api/v1/mentors", { token: teacher.token, body: newMentor({ organisationId: employer }) });
    expect(own.status).toBe(403);
    expect(employers.status).toBe(403);
  });

  it("refuses a young person (403) and no token (401)", async () => {
    const yp = await youngPerson(h);
    expect((await h.request("POST", "/api/v1/mentors", { token: yp.token, body: newMentor({ organisationId: employer }) })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/mentors", { body: newMentor({ organisationId: employer }) })).status).toBe(401);
  });
});

describe("GET /mentors/{id}", () => {
  it("shows DBS status and email to the mentor's organisation and coordinators only", async () => {
    const id = await makeMentor(h, employer);
    const own = (await (await h.request("GET", `/api/v1/mentors/${id}`, { token: staff.token })).json()) as Record<string, unknown>;
    const coord = (await (await h.request("GET", `/api/v1/mentors/${id}`, { token: coordinator })).json()) as Record<string, unknown>;
    expect(own.dbs).toMatchObject({ status: "verified", certificateLast4: "1234" });
    expect(coord.dbs).toBeDefined();

    const yp = await youngPerson(h);
    const otherStaff = await staffOf(h, await makeOrg(h, "employer"));
    for (const token of [yp.token, otherStaff.token, undefined]) {
      const res = await h.request("GET", `/api/v1/mentors/${id}`, { token });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(["bio", "displayName", "id", "languages", "organisationId", "sector"]);
    }
  });

  it("answers 404 for an unknown mentor", async () => {
    expect((await h.request("GET", "/api/v1/mentors/mnt_nope")).status).toBe(404);
  });
});

describe("POST /mentors/{id}/verification", () => {
  it("records a DBS check keeping only the last 4 characters of the certificate", async () => {
    const id = await makeMentor(h, employer, { dbs: null });
    const res = await h.request("POST", `/api/v1/mentors/${id}/verification`, {
      token: coordinator,
      body: { checkedOn: "2026-01-15", expiresOn: "2029-01-15", certificateLast4: "9A7Z" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dbs: { status: "verified", checkedOn: "2026-01-15", expiresOn: "2029-01-15", certificateLast4: "9A7Z" } });
  });

  it("refuses a whole certificate number: exactly 4 characters only", async () => {
    const id = await makeMentor(h, employer, { dbs: null });
    const res = await h.request("POST", `/api/v1/mentors/${id}/verification`, {
      token: coordinator,
      body: { checkedOn: "2026-01-15", expiresOn: "2029-01-15", certificateLast4: "001234567890" },
    });
    expect(res.status).toBe(400);
    const [row] = await h.db.select().from(mentors).where(eq(mentors.id, id));
    expect(row!.dbsCertificateLast4).toBeNull();
    expect(JSON.stringify(row)).not.toContain("001234567890");
  });

  it("refuses a check dated in the future", async () => {
    const id = await makeMentor(h, employer, { dbs: null });
    const res = await h.request("POST", `/api/v1/mentors/${id}/verification`, { token: coordinator, body: { checkedOn: "2026-04-01", expiresOn: "2029-04-01", certificateLast4: "1111" } });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors![0]!.path).toBe("checkedOn");
  });

  it("refuses an expiry before the check date", async () => {
    const id = await makeMentor(h, employer, { dbs: null });
    const res = await h.request("POST", `/api/v1/mentors/${id}/verification`, { token: coordinator, body: { checkedOn: "2026-01-15", expiresOn: "2025-01-15", certificateLast4: "1111" } });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors![0]!.path).toBe("expiresOn");
  });

  it("revokes a check at once", async () => {
    const id = await makeMentor(h, employer);
    const res = await h.request("POST", `/api/v1/mentors/${id}/verification`, { token: coordinator, body: { revoked: true } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dbs: { status: "dbs_revoked" } });
  });

  it("refuses the mentor's own employer (403) and no token (401)", async () => {
    const id = await makeMentor(h, employer, { dbs: null });
    const body = { checkedOn: "2026-01-15", expiresOn: "2029-01-15", certificateLast4: "1234" };
    expect((await h.request("POST", `/api/v1/mentors/${id}/verification`, { token: staff.token, body })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/mentors/${id}/verification`, { body })).status).toBe(401);
  });

  it("answers 404 for an unknown mentor", async () => {
    const res = await h.request("POST", `/api/v1/mentors/mnt_nope/verification`, { token: coordinator, body: { revoked: true } });
    expect(res.status).toBe(404);
  });
});
