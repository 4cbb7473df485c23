// Issue #14, joining: a young person joins on the website or through the API with the same
// rules (one verb file, features/auth/join.ts). Ages are checked before anything is stored;
// an under-13's account works only once a parent or carer confirms it by an emailed link
// (rules/digital-consent.ts), and that parent is not the child nor a young person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, joinDetails, magicLinks, outbox, parentalConfirmations, people } from "../src/db/schema";
import { memoryRateLimiter, RATE_LIMITS } from "../src/lib/rate-limiter";
import { SESSION_COOKIE } from "../src/lib/auth";
import { createHarness, problem, type Harness } from "./support/harness";

const ORIGIN = "https://opendoor.test";
const HTML = "text/html";

let h: Harness;
beforeAll(async () => {
  // 2 March 2026: born 2013-03-03 is 12 (13 tomorrow); born 2011-01-01 is 15.
  h = await createHarness();
});
afterAll(() => h.close());

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  h.request("POST", path, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, accept: HTML, ...headers },
  });
const signUpApi = (body: Record<string, unknown>) => h.request("POST", "/api/v1/young-people", { body });
const peopleCount = async () => (await h.db.select({ n: count() }).from(people))[0]!.n;
const linkIn = async (to: string, path: string) => {
  const mail = await h.mailFor(to);
  const m = new RegExp(`https://opendoor\\.test(${path}/[A-Za-z0-9_-]+)`).exec(mail.at(-1)?.text ?? "");
  return m?.[1];
};

describe("joining on the website", () => {
  it("explains the ages and the parent's confirmation before anything is stored, in the page's language, linked from sign-in and home", async () => {
    const page = await h.request("GET", "/join?lang=pl");
    const html = await page.text();
    expect(html).toContain("od 11 do 25 lat");
    expect(html).toContain("mniej niż 13 lat");
    for (const path of ["/sign-in", "/"]) expect(await (await h.request("GET", path)).text()).toContain('href="/join"');
  });

  it("a 15-year-old joins: a sign-in link arrives, school and access needs are kept, a parent's address is not", async () => {
    const before = await peopleCount();
    const res = await post("/join", {
      displayName: "Jade",
      dateOfBirth: "2011-01-01",
      email: "Jade.Web@Example.com",
      locale: "ro",
      school: "Hillside Academy",
      accessNeeds: "A quiet space to take breaks",
      parentEmail: "ignored-parent@example.com",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("jade.web@example.com");
    expect(await peopleCount()).toBe(before + 1);
    const [person] = await h.db.select().from(people).where(eq(people.email, "jade.web@example.com"));
    expect(person).toMatchObject({ displayName: "Jade", dateOfBirth: "2011-01-01", locale: "ro", isYoungPerson: true });
    expect(await h.db.select().from(joinDetails).where(eq(joinDetails.personId, person!.id))).toEqual([
      expect.objectContaining({ school: "Hillside Academy", accessNeeds: "A quiet space to take breaks" }),
    ]);
    // Nothing more than the rules need: a 15-year-old's parent's address is not kept.
    expect(await h.db.select().from(parentalConfirmations).where(eq(parentalConfirmations.personId, person!.id))).toHaveLength(0);
    expect(await linkIn("jade.web@example.com", "/sign-in")).toBeDefined();
  });

  it("refuses an age outside 11–25 in plain words beside the date of birth, and stores nothing", async () => {
    const before = await peopleCount();
    const res = await post("/join", { displayName: "Tiny", dateOfBirth: "2017-01-01", email: "tiny@example.com", locale: "en" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Open Door is for young people aged 11 to 25.");
    expect(html).toContain('href="#dateOfBirth"');
    expect(await peopleCount()).toBe(before);
    expect(await h.mailFor("tiny@example.com")).toHaveLength(0);
  });

  it("names each field the page cannot read, and is refused from another site", async () => {
    const res = await post("/join", { displayName: "", dateOfBirth: "1 June", email: "nope", locale: "en" });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const f of ["displayName", "dateOfBirth", "email"]) expect(html).toContain(`href="#${f}"`);
    const cross = await post("/join", { displayName: "X", dateOfBirth: "2011-01-01", email: "x@example.com" }, { origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(await h.mailFor("x@example.com")).toHaveLength(0);
  });

  it("a 12-year-old's account waits for a parent: no sign-in until the parent confirms by the emailed link, then a link arrives", async () => {
    const child = "kai@example.com";
    const parent = "kai.parent@example.com";
    const page = await post("/join", { displayName: "Kai", dateOfBirth: "2013-03-03", email: child, locale: "en", parentEmail: parent });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ask your parent or carer to check their email");
    expect(html).toContain(parent);
    expect(await h.mailFor(child)).toHaveLength(0);

    // Signing in (website or API) sends nothing while the parent has not confirmed.
    await post("/sign-in", { email: child });
    await h.request("POST", "/api/v1/auth/magic-links", { body: { email: child } });
    expect(await h.mailFor(child)).toHaveLength(0);

    const link = await linkIn(parent, "/join/confirm");
    expect(link).toBeDefined();
    // Opening the link (a mail scanner, or the parent reading) confirms nothing.
    const shown = await h.request("GET", link!);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await shown.text()).toContain("Kai (kai@example.com)");
    expect((await h.db.select().from(parentalConfirmations).where(eq(parentalConfirmations.parentEmail, parent)))[0]!.confirmedAt).toBeNull();

    const confirmed = await post(link!, {});
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("the account is confirmed");
    const signIn = await linkIn(child, "/sign-in");
    expect(signIn).toBeDefined();
    const session = await post(signIn!, {});
    expect(session.status).toBe(303);
    expect(session.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);

    // The link works once.
    expect((await post(link!, {})).status).toBe(404);
    expect((await h.request("GET", link!)).status).toBe(404);
  });
});

describe("joining through the API: the same rules", () => {
  it("asks a 12-year-old for a parent's email, naming the field", async () => {
    const res = await signUpApi({ email: "noparent@example.com", displayName: "N", dateOfBirth: "2013-03-03" });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([expect.objectContaining({ path: "parentEmail" })]);
  });

  it("refuses the child's own address, or a young person's account, as the parent's, on both doors", async () => {
    await h.tokenFor("friend14@example.com", { dateOfBirth: "2012-01-01", isYoungPerson: true });
    for (const parentEmail of ["Self12@Example.com", "friend14@example.com"]) {
      const res = await signUpApi({ email: "self12@example.com", displayName: "S", dateOfBirth: "2013-03-03", parentEmail });
      expect(res.status).toBe(400);
      expect((await problem(res)).errors?.[0]?.path).toBe("parentEmail");
      const page = await post("/join", { displayName: "S", dateOfBirth: "2013-03-03", email: "self12@example.com", locale: "en", parentEmail });
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('href="#parentEmail"');
    }
    expect(await h.db.select().from(people).where(eq(people.email, "self12@example.com"))).toHaveLength(0);
  });

  it("tells an under-13 that a parent is asked, and sends the parent's email in the child's language", async () => {
    const res = await signUpApi({ email: "ola@example.com", displayName: "Ola", dateOfBirth: "2014-01-01", locale: "pl", parentEmail: "ola.mama@example.com" });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ awaitingParent: true });
    const mail = await h.mailFor("ola.mama@example.com");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain("Ola");
    expect(mail[0]!.html).toContain('lang="pl"');
    // Written through the outbox, in the batch that created the account.
    expect((await h.db.select().from(outbox).where(eq(outbox.toEmail, "ola.mama@example.com")))[0]!.template).toBe("parent_confirmation");
  });

  it("an address already registered gets a sign-in link and nothing about the account changes (no enumeration, no takeover)", async () => {
    await h.tokenFor("taken@example.com", { dateOfBirth: "2008-01-01", isYoungPerson: true });
    const res = await signUpApi({ email: "taken@example.com", displayName: "Other", dateOfBirth: "2013-05-05", parentEmail: "someone@example.com" });
    expect(res.status).toBe(202);
    const [person] = await h.db.select().from(people).where(eq(people.email, "taken@example.com"));
    expect(person).toMatchObject({ displayName: "taken", dateOfBirth: "2008-01-01" });
    expect(await h.db.select().from(parentalConfirmations).where(eq(parentalConfirmations.personId, person!.id))).toHaveLength(0);
    expect(await h.mailFor("someone@example.com")).toHaveLength(0);
    expect(await linkIn("taken@example.com", "/sign-in")).toBeDefined();
  });

  it("ten presses of the parent's button at once confirm once: one audit row, one sign-in link", async () => {
    await signUpApi({ email: "race12@example.com", displayName: "R", dateOfBirth: "2013-06-06", parentEmail: "race.parent@example.com" });
    const link = (await linkIn("race.parent@example.com", "/join/confirm"))!;
    const results = await Promise.all(Array.from({ length: 10 }, () => post(link, {})));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const [person] = await h.db.select().from(people).where(eq(people.email, "race12@example.com"));
    expect(await h.db.select().from(auditLog).where(eq(auditLog.subjectId, person!.id))).toHaveLength(1);
    expect(await h.db.select().from(magicLinks).where(eq(magicLinks.email, "race12@example.com"))).toHaveLength(1);
  });
});

describe("the same limits on the sign-up door", () => {
  it("20 rapid sign-up posts for one email send at most the API's limit of links", async () => {
    h.deps.rateLimiter = memoryRateLimiter(h.clock);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await post(
          "/join",
          { displayName: "Rapid", dateOfBirth: "2010-01-01", email: "rapid.join@example.com", locale: "en" },
          { "cf-connecting-ip": `198.51.100.${i}` },
        );
        statuses.push(res.status);
      }
      const limit = RATE_LIMITS.sign_in_email.limit;
      expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
      expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
      expect(await h.db.select().from(magicLinks).where(eq(magicLinks.email, "rapid.join@example.com"))).toHaveLength(limit);
    } finally {
      h.deps.rateLimiter = undefined;
    }
  });
});
