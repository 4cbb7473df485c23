import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, directoryServices, venues } from "../../db/schema";
import { createOrganisation } from "../organisations/create";
import { createApiKey } from "../organisations/keys";
import { addMember } from "../organisations/members";
import { COORDINATOR, createHarness, type Harness } from "../../../test/support/harness";
import { venue } from "../../../test/support/fixtures";

// Tuesday 3 March 2026, 11:00 London (GMT).
let h: Harness;
let coordinator: string;
let partner: string;
let otherPartner: string;
let partnerKey: string;
let org: string;
let stepFreeVenue: string;

const foodBank = (overrides: Record<string, unknown> = {}) => ({
  organisationId: org,
  categoryId: "food",
  name: { en: "Riverside Food Bank", pl: "Bank żywności Riverside" },
  description: { en: "Free food parcels, no questions asked." },
  hours: [
    { day: 2, opens: "10:00", closes: "14:00" },
    { day: 4, opens: "10:00", closes: "14:00" },
  ],
  languages: ["en", "pl"],
  free: true,
  venueId: stepFreeVenue,
  accessMethods: ["drop_in"],
  ...overrides,
});

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-03T11:00:00Z" });
  const pantry = await createOrganisation(h.deps, { type: "community", name: "Riverside Pantry" });
  const other = await createOrganisation(h.deps, { type: "community", name: "Hillview Hub" });
  org = pantry.id;
  await addMember(h.deps, pantry.id, { email: "staff@pantry.test", displayName: "Staff" });
  await addMember(h.deps, other.id, { email: "staff@hillview.test", displayName: "Staff" });
  coordinator = await h.tokenFor(COORDINATOR);
  partner = await h.tokenFor("staff@pantry.test");
  otherPartner = await h.tokenFor("staff@hillview.test");
  partnerKey = (await createApiKey(h.deps, pantry.id, "feed", null)).key;
  stepFreeVenue = (await venue(h.db)).id;
  await h.db.update(venues).set({ stepFree: true }).where(eq(venues.id, stepFreeVenue));
});
afterAll(() => h.close());

const publicList = async (query = "") => ((await (await h.request("GET", `/api/v1/directory/services${query}`)).json()) as { items: { id: string; name: { en: string }; openNow: boolean }[] }).items;

describe("directory: run by the community (rule 20)", () => {
  it("keeps a partner's new service out of the public directory until a coordinator approves it", async () => {
    const res = await h.request("POST", "/api/v1/directory/services", { token: partner, body: foodBank() });
    expect(res.status).toBe(202);
    const change = (await res.json()) as { id: string; serviceId: string; status: string };
    expect(change.status).toBe("pending");
    expect(await publicList()).toEqual([]);
    expect((await h.request("GET", `/api/v1/directory/services/${change.serviceId}`)).status).toBe(404);

    // Another partner can neither see nor approve it; the proposer cannot approve their own.
    expect((await h.request("GET", `/api/v1/directory/changes/${change.id}`, { token: otherPartner })).status).toBe(404);
    expect((await h.request("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: otherPartner })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: partner })).status).toBe(403);
    expect((await h.request("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: partnerKey })).status).toBe(403);
    expect(await publicList()).toEqual([]);

    const approved = await h.request("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: coordinator });
    expect(approved.status).toBe(200);
    const [shown] = await publicList();
    expect(shown).toMatchObject({ id: change.serviceId, name: { en: "Riverside Food Bank" }, openNow: true });
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["directory.service.proposed", "directory.change.approved"]));
  });

  it("shows the published text while a partner's edit waits, and the edit once approved; another partner cannot edit", async () => {
    const [service] = await publicList();
    const proposed = await h.request("PATCH", `/api/v1/directory/services/${service!.id}`, { token: partnerKey, body: { name: { en: "Riverside Community Pantry" } } });
    expect(proposed.status).toBe(202);
    const change = (await proposed.json()) as { id: string };
    expect((await publicList())[0]!.name.en).toBe("Riverside Food Bank");
    expect((await h.request("GET", `/api/v1/directory/services/${service!.id}`).then((r) => r.json())) as { name: { en: string } }).toMatchObject({ name: { en: "Riverside Food Bank" } });

    const refused = await h.request("PATCH", `/api/v1/directory/services/${service!.id}`, { token: otherPartner, body: { name: { en: "Hijacked" } } });
    expect(refused.status).toBe(403);
    const moved = await h.request("PATCH", `/api/v1/directory/services/${service!.id}`, { token: partner, body: { organisationId: "org_somewhere_else" } });
    expect(moved.status).toBe(403);

    expect((await h.request("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: coordinator })).status).toBe(200);
    expect((await publicList())[0]!.name.en).toBe("Riverside Community Pantry");
    // Search reads the new name in every language it was given.
    expect(await publicList("?q=community%20pantry")).toHaveLength(1);
    expect(await publicList("?q=riverside%20food")).toHaveLength(0);
  });

  it("decides a proposal once when ten coordinators approve it at the same moment", async () => {
    const [service] = await publicList();
    const change = (await (await h.request("PATCH", `/api/v1/directory/services/${service!.id}`, { token: partner, body: { languages: ["en", "pl", "uk"] } })).json()) as { id: string };
    const results = await Promise.all(Array.from({ length: 10 }, () => h.request("POST", `/api/v1/directory/changes/${change.id}/approve`, { token: coordinator })));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, change.id), eq(auditLog.action, "directory.change.approved")));
    expect(audits).toHaveLength(1);
    // Rejecting an approved change is refused too.
    expect((await h.request("POST", `/api/v1/directory/changes/${change.id}/reject`, { token: coordinator })).status).toBe(409);
  });

  it("publishes a coordinator's own service at once, audited", async () => {
    const res = await h.request("POST", "/api/v1/directory/services", {
      token: coordinator,
      body: foodBank({ categoryId: "wellbeing", name: { en: "Calm minds group" }, description: { en: "Talk and tea" }, venueId: null, onlineUrl: "https://meet.example.test/calm", free: false, languages: ["en", "ar"], hours: [{ day: 3, opens: "18:00", closes: "19:30" }] }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; nextOpens: { day: number; opens: string } };
    expect(body.nextOpens).toMatchObject({ day: 3, opens: "18:00" });
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, body.id));
    expect(audit!.action).toBe("directory.service.created");
  });

  it("refuses a partner adding a service for an organisation they do not belong to", async () => {
    const res = await h.request("POST", "/api/v1/directory/services", { token: otherPartner, body: foodBank() });
    expect(res.status).toBe(403);
  });
});

describe("directory: finding support", () => {
  it("filters by category, language spoken, open now, step-free and free", async () => {
    expect((await publicList("?category=food")).map((s) => s.name.en)).toEqual(["Riverside Community Pantry"]);
    expect((await publicList("?language=ar")).map((s) => s.name.en)).toEqual(["Calm minds group"]);
    expect((await publicList("?language=uk")).map((s) => s.name.en)).toEqual(["Riverside Community Pantry"]);
    expect((await publicList("?openNow=true")).map((s) => s.name.en)).toEqual(["Riverside Community Pantry"]);
    expect((await publicList("?stepFree=true")).map((s) => s.name.en)).toEqual(["Riverside Community Pantry"]);
    expect((await publicList("?free=true")).map((s) => s.name.en)).toEqual(["Riverside Community Pantry"]);
    h.clock.set("2026-03-03T15:00:00Z");
    expect(await publicList("?openNow=true")).toEqual([]);
  });

  it("flags services unchecked for over six months to coordinators only, and a check clears the flag", async () => {
    const [service] = await publicList("?category=food");
    await h.db.update(directoryServices).set({ lastCheckedOn: "2025-09-02" }).where(eq(directoryServices.id, service!.id));
    expect((await h.request("GET", "/api/v1/directory/stale", { token: partner })).status).toBe(403);
    const stale = (await (await h.request("GET", "/api/v1/directory/stale", { token: coordinator })).json()) as { items: { id: string }[] };
    expect(stale.items.map((s) => s.id)).toEqual([service!.id]);
    // 3 September 2025 is exactly six months before 3 March 2026: not yet stale.
    await h.db.update(directoryServices).set({ lastCheckedOn: "2025-09-03" }).where(eq(directoryServices.id, service!.id));
    expect(((await (await h.request("GET", "/api/v1/directory/stale", { token: coordinator })).json()) as { items: unknown[] }).items).toEqual([]);
    await h.db.update(directoryServices).set({ lastCheckedOn: "2025-01-01" }).where(eq(directoryServices.id, service!.id));
    expect((await h.request("POST", `/api/v1/directory/services/${service!.id}/checked`, { token: coordinator })).status).toBe(200);
    expect(((await (await h.request("GET", "/api/v1/directory/stale", { token: coordinator })).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("lets coordinators add a category that services can then use", async () => {
    expect((await h.request("POST", "/api/v1/directory/categories", { token: partner, body: { id: "legal", name: { en: "Legal advice" } } })).status).toBe(403);
    expect((await h.request("POST", "/api/v1/directory/categories", { token: coordinator, body: { id: "legal", name: { en: "Legal advice" }, pictogram: "money" } })).status).toBe(201);
    const cats = (await (await h.request("GET", "/api/v1/directory/categories")).json()) as { items: { id: string }[] };
    expect(cats.items.map((c) => c.id)).toEqual(["food", "childcare", "family", "wellbeing", "health", "housing", "money", "send", "youth", "jobs", "legal"]);
    const bad = await h.request("POST", "/api/v1/directory/services", { token: coordinator, body: foodBank({ categoryId: "nonsense" }) });
    expect(bad.status).toBe(422);
  });

  it("words its refusals from the catalogue in the caller's language", async () => {
    const res = await h.request("GET", "/api/v1/directory/services/dsv_nothing", { headers: { "accept-language": "pl" } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toBe("Nie ma usługi o tym identyfikatorze.");
  });
});
