import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { bookings, events, feedback, mentoringSlots, outbox, people, sessions, youSaidWeDid } from "../../db/schema";
import { COORDINATOR, type Harness } from "../../../test/support/harness";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { QR_DECODER_PATH } from "./qr-decoder";
import { SCANNER_PATH } from "./scanner";
import { bytes, cookieFor, page, seededHarness, submit } from "./test-support";

let h: Harness;
let coordinator: string;
let cvStart: number;
beforeAll(async () => {
  h = await seededHarness();
  coordinator = await cookieFor(h, COORDINATOR);
  const [cv] = await h.db.select().from(sessions).where(eq(sessions.id, "ses_cv_1"));
  cvStart = cv!.startsAt;
  const base = { sessionId: "ses_cv_1", startsAt: cv!.startsAt, endsAt: cv!.endsAt, status: "confirmed" as const };
  await h.db.insert(bookings).values([
    { ...base, id: "bkg_aisha", kind: "individual", personId: "per_demo_aisha", ticketCode: "AAAAA-11111", accessNeeds: "Quiet seat near the door" },
    { ...base, id: "bkg_kuba", kind: "individual", personId: "per_demo_kuba", ticketCode: "KKKKK-22222" },
    { ...base, id: "bkg_group", kind: "group", organisationId: "org_riverside", personId: "per_riverside_staff", pupils: 10, staff: 1, seats: 11, ticketCode: "GGGGG-33333", roster: ["Amira K"] },
    { ...base, id: "bkg_elsewhere", kind: "individual", sessionId: "ses_cv_2", personId: "per_demo_olena", ticketCode: "OOOOO-44444" },
  ]);
});
afterAll(() => h.close());

describe("who may open the coordinator area", () => {
  it("is only for coordinators: young people and school or employer staff get a 403 page; strangers sign in", async () => {
    for (const email of ["aisha@example.com", "j.khan@riverside.example", "careers@northbuild.example"]) {
      const cookie = await cookieFor(h, email);
      for (const path of ["/coordinator", "/coordinator/events/evt_cv", "/coordinator/sessions/ses_cv_1", "/coordinator/sessions/ses_cv_1/check-in", "/coordinator/emails", "/coordinator/safeguarding"]) {
        const res = await page(h, path, cookie);
        expect(res.status, `${email} ${path}`).toBe(403);
        expect(await res.text()).toContain("You can&#39;t open this page");
      }
      const posted = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", cookie, { ticketCode: "AAAAA-11111" });
      expect(posted.status).toBe(403);
    }
    expect((await page(h, "/coordinator")).status).toBe(303);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, "bkg_aisha")))[0]!.checkedInAt).toBeNull();
  });

  it("is listed on a coordinator's staff landing page, and not on a school's", async () => {
    expect(await (await page(h, "/staff", coordinator)).text()).toContain('href="/coordinator"');
    const school = await (await page(h, "/staff", await cookieFor(h, "j.khan@riverside.example"))).text();
    expect(school).not.toContain('href="/coordinator"');
    expect(school).toContain('href="/schools/org_riverside"');
    expect(school).not.toContain("org_hillview");
  });

  it("links the staff area from the menu for staff and coordinators, and not for young people", async () => {
    expect(await (await page(h, "/events", coordinator)).text()).toContain('<a href="/staff">Staff area</a>');
    expect(await (await page(h, "/events", await cookieFor(h, "careers@northbuild.example"))).text()).toContain('href="/staff"');
    expect(await (await page(h, "/events", await cookieFor(h, "kuba@example.com"))).text()).not.toContain('href="/staff"');
  });

  it("lets a coordinator see a school's groups, with no booking form (the groups service books for members only)", async () => {
    const res = await page(h, "/schools/org_riverside", coordinator);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Only this school&#39;s own staff can book its groups.");
    expect(html).not.toContain('action="/schools/org_riverside/groups"');
    const posted = await submit(h, "/schools/org_riverside/groups", coordinator, { sessionId: "ses_garden_1", pupils: "5", staff: "1" });
    expect(posted.status).toBe(403);
    expect(await h.db.select().from(bookings).where(eq(bookings.sessionId, "ses_garden_1"))).toEqual([]);
  });
});

describe("events and sessions", () => {
  it("lists events and adds one, naming a missing title", async () => {
    const home = await page(h, "/coordinator", coordinator);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Write your first CV");
    expect(bytes(html)).toBeLessThan(60 * 1024);
    const bad = await submit(h, "/coordinator/events", coordinator, { type: "cv_workshop", title: "", description: "Bring a pen", hostOrganisationId: "org_coordinator", minAge: "11", maxAge: "25", pupilsPerStaff: "10" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="title"[^>]*aria-invalid="true"/);
    const ages = await submit(h, "/coordinator/events", coordinator, { type: "cv_workshop", title: "CV clinic", description: "Bring a pen", hostOrganisationId: "org_coordinator", minAge: "20", maxAge: "14", pupilsPerStaff: "10" });
    expect(ages.status).toBe(422);
    expect(await ages.text()).toMatch(/id="minAge"[^>]*aria-invalid="true"/);
    const res = await submit(h, "/coordinator/events", coordinator, { type: "cv_workshop", title: "CV clinic", description: "Bring a pen", hostOrganisationId: "org_library", minAge: "14", maxAge: "25", groupsAllowed: "1", pupilsPerStaff: "8", waitlistEnabled: "1" });
    expect(res.status).toBe(303);
    const created = (await h.db.select().from(events)).find((e) => e.title.en === "CV clinic")!;
    expect(created).toMatchObject({ groupsAllowed: true, pupilsPerStaff: 8, minAge: 14 });
    expect(res.headers.get("location")).toBe(`/coordinator/events/${created.id}?done=event`);
  });

  it("adds a weekly series of sessions and a single online one", async () => {
    const created = (await h.db.select().from(events)).find((e) => e.title.en === "CV clinic")!;
    const path = `/coordinator/events/${created.id}/sessions`;
    const series = await submit(h, path, coordinator, { start: "2026-03-24T10:00", durationMinutes: "60", weeks: "3", venueId: "ven_library", onlineUrl: "", capacity: "10" });
    expect(series.status).toBe(303);
    expect(series.headers.get("location")).toBe(`/coordinator/events/${created.id}?added=3`);
    const online = await submit(h, path, coordinator, { start: "2026-04-20T18:00", durationMinutes: "45", weeks: "1", venueId: "", onlineUrl: "https://meet.example/cv", capacity: "30" });
    expect(online.status).toBe(303);
    const rows = (await h.db.select().from(sessions).where(eq(sessions.eventId, created.id))).sort((a, b) => a.startsAt - b.startsAt);
    expect(rows.map((s) => new Date(s.startsAt).toISOString())).toEqual(["2026-03-24T10:00:00.000Z", "2026-03-31T09:00:00.000Z", "2026-04-07T09:00:00.000Z", "2026-04-20T17:00:00.000Z"]);
    const both = await submit(h, path, coordinator, { start: "2026-05-01T10:00", durationMinutes: "60", weeks: "1", venueId: "ven_library", onlineUrl: "https://meet.example/cv", capacity: "10" });
    expect(both.status).toBe(422);
    expect(await both.text()).toContain("Choose a venue, or give an online link");
    const html = await (await page(h, `/coordinator/events/${created.id}?added=3`, coordinator)).text();
    expect(html).toContain("3 sessions added.");
  });
});

describe("attendance and check-in", () => {
  it("lists who is coming, with access needs, the group and its roster", async () => {
    const res = await page(h, "/coordinator/sessions/ses_cv_1", coordinator);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const text of ["Aisha", "Kuba", "Riverside Academy", "10 pupils and 1 staff", "Quiet seat near the door", "Amira K", "0 of 13 places checked in"]) expect(html).toContain(text);
    expect(html).not.toContain("Olena");
    expect((await page(h, "/coordinator/sessions/ses_nothing", coordinator)).status).toBe(404);
  });

  it("serves the check-in page with its own script file allowed, and nothing inline", async () => {
    const res = await page(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("permissions-policy")).toContain("camera=(self)");
    const html = await res.text();
    expect(html).toContain(`<script src="${SCANNER_PATH}" defer=""></script>`);
    expect(html).toMatch(/<input type="text" class="code" id="ticketCode" name="ticketCode"/);
    const script = await page(h, SCANNER_PATH);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(await script.text()).toContain("BarcodeDetector");
    // Other pages keep the strict policy with no script at all.
    expect((await page(h, "/coordinator", coordinator)).headers.get("content-security-policy")).not.toContain("script-src");
  });

  it("serves the qr package's decoder files unchanged, beside each other, for browsers without BarcodeDetector", async () => {
    const installed = createRequire(import.meta.url);
    const scanner = await (await page(h, SCANNER_PATH)).text();
    expect(scanner).toContain(`import(${JSON.stringify(QR_DECODER_PATH)})`);
    expect(QR_DECODER_PATH).toMatch(/^\/assets\/qr-decoder\.[0-9a-z]+\/decode\.js$/);
    const folder = QR_DECODER_PATH.replace(/decode\.js$/, "");
    for (const [name, file] of [["decode.js", "qr/decode.js"], ["index.js", "qr"]] as const) {
      const res = await page(h, folder + name);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/javascript");
      expect(res.headers.get("cache-control")).toContain("immutable");
      const body = await res.text();
      // The licence line, then the installed file byte for byte.
      expect(body.slice(body.indexOf("\n") + 1)).toBe(readFileSync(installed.resolve(file), "utf8"));
      // Under script-src 'self' without 'unsafe-eval', nothing may build code from strings.
      expect(body).not.toMatch(/\beval\(|new Function\(|\bFunction\(|WebAssembly|importScripts|\bfetch\(/);
    }
    // decode.js reaches nothing but its sibling, so the folder is the whole decoder.
    const decoder = await (await page(h, QR_DECODER_PATH)).text();
    expect([...decoder.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1])).toEqual(["./index.js"]);
    expect(decoder).not.toMatch(/\bimport\s*\(/);
    expect((await page(h, folder + "other.js")).status).toBe(404);
  });

  it("checks in a typed code however it is typed, and says so when it is typed again", async () => {
    h.clock.set(cvStart - 30 * 60_000);
    const res = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { ticketCode: " aaaaa 11111 " });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Aisha is checked in.");
    expect(html).toContain("Quiet seat near the door");
    expect((await h.db.select().from(bookings).where(eq(bookings.id, "bkg_aisha")))[0]).toMatchObject({ status: "attended", checkedInCount: 1 });
    const again = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { ticketCode: "AAAAA-11111" });
    expect(await again.text()).toContain("Aisha was already checked in at 3:30pm.");
  });

  it("refuses an unknown code, an empty one, and another session's ticket, naming the right session", async () => {
    const unknown = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { ticketCode: "ZZZZZ-99999" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("We can&#39;t find a ticket with that code.");
    const empty = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { ticketCode: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/id="ticketCode"[^>]*aria-invalid="true"/);
    const wrong = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { ticketCode: "OOOOO-44444" });
    expect(wrong.status).toBe(409);
    expect(await wrong.text()).toContain("This ticket is for &quot;Write your first CV&quot;");
    expect((await h.db.select().from(bookings).where(eq(bookings.id, "bkg_elsewhere")))[0]!.checkedInAt).toBeNull();
  });

  it("checks a group in by head count, and refuses more than booked", async () => {
    const tooMany = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { groupBookingId: "bkg_group", count: "12" });
    expect(tooMany.status).toBe(400);
    const res = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { groupBookingId: "bkg_group", count: "9" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Riverside Academy: 9 of 11 people checked in.");
    expect(await (await page(h, "/coordinator/sessions/ses_cv_1", coordinator)).text()).toContain("10 of 13 places checked in");
  });

  it("keeps the attendance and check-in pages under 60 KB for a full 200-place session", async () => {
    const [fair] = await h.db.select().from(sessions).where(eq(sessions.id, "ses_fair_1"));
    await h.db.insert(people).values(Array.from({ length: 190 }, (_, i) => ({ id: `per_fair_${i}`, email: `fair${i}@example.com`, displayName: `Alexandria${i} Josephine-Smith`, isYoungPerson: true, dateOfBirth: "2008-01-01" })));
    const base = { sessionId: fair!.id, startsAt: fair!.startsAt, endsAt: fair!.endsAt, status: "confirmed" as const };
    await h.db.insert(bookings).values([
      ...Array.from({ length: 190 }, (_, i) => ({ ...base, id: `bkg_fair_${i}`, kind: "individual" as const, personId: `per_fair_${i}`, ticketCode: `FAIR${i}`, accessNeeds: i % 3 === 0 ? "Step-free access and a quiet space to take breaks, please" : "" })),
      ...Array.from({ length: 2 }, (_, i) => ({ ...base, id: `bkg_fair_group_${i}`, kind: "group" as const, organisationId: "org_riverside", personId: "per_riverside_staff", pupils: 4, staff: 1, seats: 5, ticketCode: `FAIRG${i}`, roster: ["Amira K", "Ben T", "Chloe R", "Dev S"] })),
    ]);
    const attendance = await (await page(h, "/coordinator/sessions/ses_fair_1", coordinator)).text();
    expect(attendance).toContain("Alexandria189");
    expect(attendance).not.toContain("Josephine-Smith");
    expect(bytes(attendance)).toBeLessThan(60 * 1024);
    const checkIn = await (await page(h, "/coordinator/sessions/ses_fair_1/check-in", coordinator)).text();
    expect(bytes(checkIn)).toBeLessThan(60 * 1024);
  });

  it("refuses a check-in posted from another website (CSRF)", async () => {
    const res = await submit(h, "/coordinator/sessions/ses_cv_1/check-in", coordinator, { ticketCode: "KKKKK-22222" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await h.db.select().from(bookings).where(eq(bookings.id, "bkg_kuba")))[0]!.checkedInAt).toBeNull();
  });
});

describe("feedback, emails and safeguarding", () => {
  it("summarises an event's feedback and publishes a \"you said, we did\" note on its public page", async () => {
    await h.db.insert(feedback).values([
      { id: "fbk_1", bookingId: "bkg_aisha", eventId: "evt_cv", rating: 4, whatWorked: "The templates", couldBeBetter: "Too short", anonymous: false, createdAt: h.clock.now() },
      { id: "fbk_2", bookingId: "bkg_kuba", eventId: "evt_cv", rating: 2, whatWorked: "", couldBeBetter: "Too noisy", anonymous: true, createdAt: h.clock.now() },
    ]);
    const html = await (await page(h, "/coordinator/events/evt_cv", coordinator)).text();
    for (const text of ["2 replies", "Average rating: 3 out of 5", "The templates", "Too noisy", "Anonymous", "Aisha"]) expect(html).toContain(text);
    const empty = await submit(h, "/coordinator/events/evt_cv/you-said-we-did", coordinator, { youSaid: "", weDid: "" });
    expect(empty.status).toBe(400);
    const res = await submit(h, "/coordinator/events/evt_cv/you-said-we-did", coordinator, { youSaid: "It was too noisy.", weDid: "We booked the quiet room." });
    expect(res.status).toBe(303);
    expect(await h.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.eventId, "evt_cv"))).toHaveLength(1);
    expect(await (await page(h, "/events/evt_cv")).text()).toContain("We booked the quiet room.");
  });

  it("asks which language a note is in, starting from the page's language, and marks it on the public page", async () => {
    const form = await (await page(h, "/coordinator/events/evt_music?lang=pl", coordinator)).text();
    expect(form).toMatch(/<select id="locale" name="locale"[^>]*>/);
    expect(form).toContain('<option value="pl" lang="pl" dir="ltr" selected="">Polski</option>');
    expect(form).toContain('<option value="ar" lang="ar" dir="rtl">العربية</option>');

    const bad = await submit(h, "/coordinator/events/evt_music/you-said-we-did", coordinator, { youSaid: "Too cold.", weDid: "Heating on.", locale: "fr" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/<p class="error" id="locale-error">\s*Choose the language of the note from the list\s*<\/p>/);
    expect(await h.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.eventId, "evt_music"))).toHaveLength(0);

    const res = await submit(h, "/coordinator/events/evt_music/you-said-we-did", coordinator, { youSaid: "Замало пісень.", weDid: "Додали ще пів години.", locale: "uk" });
    expect(res.status).toBe(303);
    expect((await h.db.select().from(youSaidWeDid).where(eq(youSaidWeDid.eventId, "evt_music")))[0]).toMatchObject({ locale: "uk" });
    expect(await (await page(h, "/events/evt_music")).text()).toContain('<bdi lang="uk" dir="ltr">Додали ще пів години.</bdi>');
  });

  it("lists failed emails without their payloads and puts one back in the queue", async () => {
    await h.db.insert(outbox).values({ id: "out_failed", template: "magic_link", toEmail: "typo@exmaple.com", payload: { url: "https://opendoor.test/sign-in/SECRET" }, status: "failed", attempts: 8, lastError: "550 mailbox unavailable" });
    const html = await (await page(h, "/coordinator/emails", coordinator)).text();
    expect(html).toContain("typo@exmaple.com");
    expect(html).toContain("550 mailbox unavailable");
    expect(html).not.toContain("SECRET");
    const res = await submit(h, "/coordinator/emails/out_failed/retry", coordinator, {});
    expect(res.status).toBe(303);
    expect((await h.db.select().from(outbox).where(eq(outbox.id, "out_failed")))[0]).toMatchObject({ status: "pending", attempts: 0 });
    const twice = await submit(h, "/coordinator/emails/out_failed/retry", coordinator, {});
    expect(twice.status).toBe(409);
    // The refusal's sentence comes from the catalogue, in the page's language, as the API's does.
    expect(await twice.text()).toContain("Only failed messages can be sent again. This one is pending.");
    const polish = await (await submit(h, "/coordinator/emails/out_failed/retry", `${coordinator}; lang=pl`, {})).text();
    expect(polish).toContain("Ponownie można wysłać tylko wiadomości, których nie udało się wysłać. Ta ma status pending.");
    expect(polish).not.toContain("Only failed messages");
  });

  it("shows a mentoring booking with an under-18 whose mentor has no DBS check", async () => {
    const [slot] = await h.db.select().from(mentoringSlots).where(eq(mentoringSlots.id, "slt_tom_2"));
    await h.db.update(mentoringSlots).set({ status: "booked" }).where(eq(mentoringSlots.id, slot!.id));
    await h.db.insert(bookings).values({ id: "bkg_mentoring", kind: "mentoring", slotId: slot!.id, personId: "per_demo_aisha", status: "confirmed", startsAt: slot!.startsAt, endsAt: slot!.endsAt, ticketCode: "MMMMM-55555" });
    const html = await (await page(h, "/coordinator/safeguarding", coordinator)).text();
    expect(html).toContain("No DBS check");
    expect(html).toContain("Tom, IT apprentice with Aisha");
    expect(html).toContain("Age on the day: 15");
  });
});
