// Rule 20 under real interleaving: a partner's proposal is decided once, however many
// coordinators press "approve" (or one approves while another rejects) at the same moment.
// Over the slow twin (a network round trip per statement, as on D1 and Turso) the requests'
// reads and writes interleave; the CONTROL, the same decision as read-then-write without the
// guard, applies it more than once.
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, directoryChanges } from "../../src/db/schema";
import { newId } from "../../src/lib/crypto";
import { createOrganisation } from "../../src/features/organisations/create";
import { addMember } from "../../src/features/organisations/members";
import { COORDINATOR } from "../support/harness";
import { raceHarness } from "./slow-app";

const race = raceHarness();

async function pendingProposal(n: number) {
  const { h } = race;
  const org = await createOrganisation(h.deps, { type: "community", name: `Pantry ${n}` });
  const email = `staff-${n}@pantry.test`;
  await addMember(h.deps, org.id, { email, displayName: "Staff" });
  const partner = await h.tokenFor(email);
  const res = await h.request("POST", "/api/v1/directory/services", {
    token: partner,
    body: { organisationId: org.id, categoryId: "food", name: { en: `Food bank ${n}` }, description: { en: "Free food parcels." }, accessMethods: ["drop_in"] },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

const decisions = async (changeId: string) =>
  (await race.h.db.select().from(auditLog).where(and(eq(auditLog.subjectId, changeId), like(auditLog.action, "directory.change.%")))).length;

describe("rule 20: a proposal is decided once", () => {
  it("ten approvals and ten rejections racing: one wins, one audit row, the others are told it was decided", async () => {
    const changeId = await pendingProposal(1);
    const coordinator = await race.h.tokenFor(COORDINATOR);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => race.slow.request("POST", `/api/v1/directory/changes/${changeId}/${i % 2 ? "reject" : "approve"}`, { token: coordinator })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await decisions(changeId)).toBe(1);
  });

  it("CONTROL: the same race as read-then-write without the status guard decides it many times", async () => {
    const changeId = await pendingProposal(2);
    const db = race.slow.db;
    const unguardedApprove = async () => {
      const [change] = await db.select().from(directoryChanges).where(eq(directoryChanges.id, changeId));
      if (change?.status !== "pending") return;
      const now = Date.now();
      await db.batch([
        db.update(directoryChanges).set({ status: "approved", decidedAt: now }).where(eq(directoryChanges.id, changeId)),
        db.insert(auditLog).values({ id: newId("aud", now), actorId: null, action: "directory.change.approved", subjectType: "directory_change", subjectId: changeId, detail: {}, at: now }),
      ]);
    };
    await Promise.all(Array.from({ length: 20 }, unguardedApprove));
    expect(await decisions(changeId)).toBeGreaterThan(1);
  });
});
