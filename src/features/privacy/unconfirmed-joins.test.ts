// ICO Children's code (keep a child's data no longer than needed): an under-13's account that
// no parent confirms within PARENT_CONFIRMATION_DAYS is erased by the minute job, through the
// same erasure as a person's own; a confirmed one, or a younger request, stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, joinDetails, parentalConfirmations, people } from "../../db/schema";
import { runScheduledJobs } from "../../jobs";
import { PARENT_CONFIRMATION_DAYS } from "../../rules/digital-consent";
import { createHarness, type Harness } from "../../../test/support/harness";

const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

const join = (name: string, email: string, parentEmail: string) =>
  h.request("POST", "/api/v1/young-people", { body: { displayName: name, dateOfBirth: "2014-06-01", email, locale: "en", parentEmail, school: "Hillside Primary" } });
const personBy = async (email: string) => (await h.db.select().from(people).where(eq(people.email, email)))[0];
const parentLink = async (parent: string) => /https:\/\/opendoor\.test(\/join\/confirm\/[A-Za-z0-9_-]+)/.exec((await h.mailFor(parent)).at(-1)?.text ?? "")?.[1];

describe("under-13 accounts no parent confirmed", () => {
  it("are erased after the waiting time, with their parent's link; confirmed and newer ones stay", async () => {
    expect((await join("Ada", "ada.u13@example.com", "ada.parent@example.com")).status).toBe(202);
    expect((await join("Bo", "bo.u13@example.com", "bo.parent@example.com")).status).toBe(202);
    const boLink = (await parentLink("bo.parent@example.com"))!;
    expect((await h.request("POST", boLink, { headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://opendoor.test", accept: "text/html" }, body: "" })).status).toBe(200);
    const adaLink = (await parentLink("ada.parent@example.com"))!;
    const ada = (await personBy("ada.u13@example.com"))!;

    h.clock.advance((PARENT_CONFIRMATION_DAYS - 4) * DAY);
    expect((await join("Cy", "cy.u13@example.com", "cy.parent@example.com")).status).toBe(202);
    // A day short of the waiting time: nobody goes.
    h.clock.advance(3 * DAY);
    await runScheduledJobs(h.deps);
    expect((await personBy("ada.u13@example.com"))?.erasedAt).toBeNull();

    h.clock.advance(DAY + 60_000);
    const outcome = await runScheduledJobs(h.deps);
    expect(JSON.parse(outcome["unconfirmed-joins"]!)).toEqual({ erased: 1 });
    const [erased] = await h.db.select().from(people).where(eq(people.id, ada.id));
    expect(erased).toMatchObject({ displayName: "Erased", dateOfBirth: null });
    expect(erased!.erasedAt).not.toBeNull();
    expect(await h.db.select().from(joinDetails).where(eq(joinDetails.personId, ada.id))).toEqual([]);
    const [confirmation] = await h.db.select().from(parentalConfirmations).where(eq(parentalConfirmations.personId, ada.id));
    expect(confirmation!.parentEmail).not.toContain("ada.parent");
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, ada.id));
    expect(audit).toMatchObject({ action: "person.erased", detail: { bookingsCancelled: 0, reason: "parent_never_confirmed" } });
    // The parent's link, used late, confirms nothing and names no one.
    const late = await h.request("GET", adaLink, { headers: { accept: "text/html" } });
    expect(await late.text()).not.toContain("Ada");

    for (const kept of ["bo.u13@example.com", "cy.u13@example.com"]) expect((await personBy(kept))?.erasedAt).toBeNull();
    // Running again (or twice at once) erases nothing more.
    const again = await Promise.all([runScheduledJobs(h.deps), runScheduledJobs(h.deps)]);
    expect(again.map((o) => JSON.parse(o["unconfirmed-joins"]!))).toEqual([{ erased: 0 }, { erased: 0 }]);
  });
});
