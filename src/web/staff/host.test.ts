// The host partner area on the demo data: Oak House runs its door (check in by name, undo,
// close the register), Northbuild its own taster; nothing of another host's sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, bookings, outbox } from "../../db/schema";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
let oak: string;
let northbuild: string;
beforeAll(async () => {
  h = await seededHarness();
  oak = await cookieFor(h, "activities@oakhouse.example");
  northbuild = await cookieFor(h, "careers@northbuild.example");
});
afterAll(() => h.close());

const REGISTER = "/host/org_oakhouse/sessions/ses_music_today";
const status = async (id: string) => (await h.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.status;

describe("Oak House's partner area", () => {
  it("is linked from the staff page and lists its own sessions only", async () => {
    const staff = await (await page(h, "/staff", oak)).text();
    expect(staff).toContain('href="/host/org_oakhouse"');
    expect(staff).not.toContain("not linked");
    const res = await page(h, "/host/org_oakhouse", oak);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Music afternoon");
    expect(html).toContain("Storytelling at Oak House");
    expect(html).toContain(`href="${REGISTER}"`);
    expect(html).not.toContain("Try a trade");
    expect(html).not.toContain("Board games night");
  });

  it("shows the register with first names and access needs, checks Sami in by name and undoes it", async () => {
    const html = await (await page(h, REGISTER, oak)).text();
    expect(html).toContain("Sami");
    expect(html).toContain("Uses a wheelchair");
    expect(html).not.toContain("sami@example.com");
    const checked = await submit(h, `${REGISTER}/check-in`, oak, { bookingId: "bkg_demo_sami_music", from: "register" });
    expect(checked.status).toBe(200);
    expect(await checked.text()).toContain("Sami is checked in.");
    expect(await status("bkg_demo_sami_music")).toBe("attended");
    const undone = await submit(h, `${REGISTER}/undo`, oak, { bookingId: "bkg_demo_sami_music" });
    expect(await undone.text()).toContain("Check-in of Sami undone.");
    expect(await status("bkg_demo_sami_music")).toBe("confirmed");
  });

  it("checks in by ticket code on the check-in page, in Arabic too", async () => {
    const res = await submit(h, `${REGISTER}/check-in?lang=ar`, oak, { ticketCode: "noorm 26002" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="ar"');
    expect(html).toContain("Noor");
    expect(await status("bkg_demo_noor_music")).toBe("attended");
  });

  it("closes the register: Sami (not in) is recorded as not coming, Noor (in) is invited to give feedback", async () => {
    await submit(h, `${REGISTER}/check-in`, oak, { bookingId: "bkg_demo_noor_music", from: "register" });
    const res = await submit(h, `${REGISTER}/close`, oak, {});
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Register closed: 1 did not come, 1 invited to give feedback.");
    expect(await status("bkg_demo_sami_music")).toBe("no_show");
    const invitation = (await h.db.select().from(outbox)).filter((m) => m.template === "feedback_invitation" && (m.payload as { bookingId: string }).bookingId === "bkg_demo_noor_music");
    expect(invitation).toHaveLength(1);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.action, "register.closed"), eq(auditLog.subjectId, "ses_music_today")))).toHaveLength(1);
    // Closed: an undo now is refused with the reason, on the page.
    const late = await submit(h, `${REGISTER}/undo`, oak, { bookingId: "bkg_demo_noor_music" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("register for this session is closed");
  });
});

describe("nothing of another host's", () => {
  it("answers 404 for another host's session, area or forms, and refuses a cross-site post", async () => {
    // Northbuild staff: their own area works, Oak House's does not.
    expect((await page(h, "/host/org_northbuild", northbuild)).status).toBe(200);
    for (const path of ["/host/org_oakhouse", REGISTER, `${REGISTER}/check-in`, "/host/org_northbuild/sessions/ses_music_today"]) {
      expect((await page(h, path, northbuild)).status, path).toBe(404);
    }
    for (const [path, fields] of [
      [`${REGISTER}/check-in`, { bookingId: "bkg_demo_sami_music", from: "register" }],
      [`${REGISTER}/undo`, { bookingId: "bkg_demo_sami_music" }],
      [`${REGISTER}/close`, {}],
      ["/host/org_northbuild/sessions/ses_music_today/check-in", { ticketCode: "SAMIM-26001" }],
    ] as const) {
      expect((await submit(h, path, northbuild, fields)).status, path).toBe(404);
    }
    // Oak House cannot reach Northbuild's taster either.
    expect((await page(h, "/host/org_northbuild/sessions/ses_trades_1", oak)).status).toBe(404);
    expect((await page(h, "/host/org_oakhouse/sessions/ses_trades_1", oak)).status).toBe(404);
    const crossSite = await submit(h, `${REGISTER}/close`, oak, {}, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await page(h, "/host/org_oakhouse")).status).toBe(303);
  });

  it("lets an employer open the register of its own taster and a coordinator any host's", async () => {
    const own = await page(h, "/host/org_northbuild/sessions/ses_trades_1", northbuild);
    expect(own.status).toBe(200);
    const coordinator = await cookieFor(h, COORDINATOR);
    expect((await page(h, REGISTER, coordinator)).status).toBe(200);
  });
});
