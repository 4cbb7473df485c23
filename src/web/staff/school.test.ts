import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, outbox, sessions } from "../../db/schema";
import type { Harness } from "../../../test/support/harness";
import { bytes, cookieFor, page, seededHarness, submit } from "./test-support";

const RIVERSIDE = "j.khan@riverside.example";
const HILLVIEW = "t.evans@hillview.example";

let h: Harness;
let riverside: string;
let hillview: string;
beforeAll(async () => {
  h = await seededHarness();
  riverside = await cookieFor(h, RIVERSIDE);
  hillview = await cookieFor(h, HILLVIEW);
});
afterAll(() => h.close());

const seatsTaken = async (id: string) => (await h.db.select().from(sessions).where(eq(sessions.id, id)))[0]!.seatsTaken;
const groupsOf = (org: string) => h.db.select().from(bookings).where(eq(bookings.organisationId, org));

async function book(fields: Record<string, string>, cookie = riverside) {
  return submit(h, "/schools/org_riverside/groups", cookie, fields);
}

describe("the school area", () => {
  it("sends someone who is not signed in to sign in", async () => {
    const res = await page(h, "/schools/org_riverside");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
  });

  it("shows a school's staff their area, listing only sessions that take groups", async () => {
    const res = await page(h, "/schools/org_riverside", riverside);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    expect(html).toContain("Riverside Academy: school groups");
    expect(html).toContain('value="ses_nhs_1"');
    expect(html).not.toContain('value="ses_cv_1"');
    expect(bytes(html)).toBeLessThan(60 * 1024);
  });

  it("does not open one school's area to another school's staff, nor to a young person", async () => {
    expect((await page(h, "/schools/org_riverside", hillview)).status).toBe(404);
    const young = await cookieFor(h, "aisha@example.com");
    expect((await page(h, "/schools/org_riverside", young)).status).toBe(404);
    expect((await page(h, "/schools/org_northbuild", await cookieFor(h, "careers@northbuild.example"))).status).toBe(404);
  });

  it("books a group with a roster, takes pupils + staff seats, and emails the booker", async () => {
    const before = await seatsTaken("ses_nhs_1");
    const res = await book({ sessionId: "ses_nhs_1", pupils: "12", staff: "2", accessNeeds: "One wheelchair user", roster: "Amira K\r\nBen T." });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/schools/org_riverside?done=booked");
    expect(await seatsTaken("ses_nhs_1")).toBe(before + 14);
    const [group] = (await groupsOf("org_riverside")).filter((b) => b.sessionId === "ses_nhs_1");
    expect(group).toMatchObject({ pupils: 12, staff: 2, roster: ["Amira K", "Ben T."], accessNeeds: "One wheelchair user", status: "confirmed" });
    expect((await h.db.select().from(outbox).where(eq(outbox.template, "group_confirmed"))).length).toBe(1);
    const html = await (await page(h, "/schools/org_riverside?done=booked", riverside)).text();
    expect(html).toContain("Your group is booked.");
    expect(html).toContain("12 pupils and 2 staff");
  });

  it("explains the staff ratio next to the staff field, keeping what was typed", async () => {
    const res = await book({ sessionId: "ses_budget_1", pupils: "25", staff: "1" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("A group of 25 pupils needs at least 3 staff.");
    expect(html).toMatch(/id="staff"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<a href="#staff">/);
    expect(html).toMatch(/id="pupils"[^>]*value="25"/);
    expect((await groupsOf("org_riverside")).some((b) => b.sessionId === "ses_budget_1")).toBe(false);
  });

  it("says how many places are left when the group does not fit, and takes nothing", async () => {
    const res = await book({ sessionId: "ses_trades_1", pupils: "15", staff: "2" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Only 16 places are left and your group needs 17.");
    expect(await seatsTaken("ses_trades_1")).toBe(0);
  });

  it("names the fields that are wrong: numbers, a session and the roster's format", async () => {
    const res = await book({ sessionId: "", pupils: "lots", staff: "0", roster: "amira" });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ["sessionId", "pupils", "staff", "roster"]) expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    expect(html).toContain("Write each name as a first name and one letter");
  });

  it("reduces a group, freeing seats, and refuses to grow it past the staff ratio", async () => {
    const [group] = (await groupsOf("org_riverside")).filter((b) => b.sessionId === "ses_nhs_1");
    const path = `/schools/org_riverside/groups/${group!.id}`;
    const form = await page(h, path, riverside);
    expect(form.status).toBe(200);
    expect(await form.text()).toMatch(/id="pupils"[^>]*value="12"/);
    const before = await seatsTaken("ses_nhs_1");
    const tooFewStaff = await submit(h, path, riverside, { pupils: "30", staff: "2", roster: "" });
    expect(tooFewStaff.status).toBe(422);
    expect(await tooFewStaff.text()).toContain("needs at least 3 staff");
    const res = await submit(h, path, riverside, { pupils: "8", staff: "1", accessNeeds: "", roster: "Amira K" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/schools/org_riverside?done=changed");
    expect(await seatsTaken("ses_nhs_1")).toBe(before - 5);
    const [after] = await h.db.select().from(bookings).where(eq(bookings.id, group!.id));
    expect(after).toMatchObject({ pupils: 8, staff: 1, seats: 9, roster: ["Amira K"] });
  });

  it("does not let another school's staff open, change or cancel the group", async () => {
    const [group] = (await groupsOf("org_riverside")).filter((b) => b.sessionId === "ses_nhs_1");
    const theirs = `/schools/org_riverside/groups/${group!.id}`;
    const viaOwn = `/schools/org_hillview/groups/${group!.id}`;
    for (const path of [theirs, viaOwn, `${theirs}/cancel`, `${viaOwn}/cancel`]) expect((await page(h, path, hillview)).status).toBe(404);
    expect((await submit(h, viaOwn, hillview, { pupils: "1", staff: "1" })).status).toBe(404);
    expect((await submit(h, `${viaOwn}/cancel`, hillview, {})).status).toBe(404);
    const [still] = await h.db.select().from(bookings).where(eq(bookings.id, group!.id));
    expect(still).toMatchObject({ pupils: 8, status: "confirmed" });
  });

  it("refuses forms posted from another website (CSRF), changing nothing", async () => {
    const [group] = (await groupsOf("org_riverside")).filter((b) => b.sessionId === "ses_nhs_1");
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const res = await submit(h, "/schools/org_riverside/groups", riverside, { sessionId: "ses_garden_1", pupils: "5", staff: "1" }, headers);
      expect(res.status).toBe(403);
      expect((await submit(h, `/schools/org_riverside/groups/${group!.id}/cancel`, riverside, {}, headers)).status).toBe(403);
    }
    expect((await groupsOf("org_riverside")).some((b) => b.sessionId === "ses_garden_1")).toBe(false);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, group!.id)))[0]!.status).toBe("confirmed");
  });

  it("asks before cancelling, then cancels and frees the seats", async () => {
    const [group] = (await groupsOf("org_riverside")).filter((b) => b.sessionId === "ses_nhs_1");
    const confirm = await page(h, `/schools/org_riverside/groups/${group!.id}/cancel`, riverside);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain("Cancel this group booking?");
    expect(html).toContain("8 pupils and 1 staff will lose their places");
    const before = await seatsTaken("ses_nhs_1");
    const res = await submit(h, `/schools/org_riverside/groups/${group!.id}/cancel`, riverside, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/schools/org_riverside?done=cancelled");
    expect(await seatsTaken("ses_nhs_1")).toBe(before - 9);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, group!.id)))[0]!.status).toBe("cancelled");
  });
});
