// The feedback form on every page and the coordinators' inbox (issue #16 item 6, SPEC rule 20):
// a bot that fills the hidden box or posts within a second is held back with a page a person
// would understand; the limiter holds on the website and the API alike; only the page (without
// anything personal) and the language are recorded; replies go through the outbox; an item
// becomes a published "you said, we did" line.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, siteFeedback } from "../../db/schema";
import { newId } from "../../lib/crypto";
import { memoryRateLimiter, RATE_LIMITS } from "../../lib/rate-limiter";
import { COORDINATOR, createHarness, problem, type Harness } from "../../../test/support/harness";
import { event } from "../../../test/support/fixtures";
import { MAX_FORM_AGE_MS, MIN_FILL_MS } from "./form-token";
import { feedbackPage } from "./page-path";

let h: Harness;
let coordinator: string;
let ip = 0;
/** Each test sends from its own address, so the limiter is tested only where it is meant to be. */
const nextIp = () => `198.51.100.${++ip}`;

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-03T11:00:00Z" });
  h.deps.rateLimiter = memoryRateLimiter(h.clock);
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

const SITE = "https://opendoor.test";
const getForm = async (from: string, address: string, lang = "en") => {
  const res = await h.app.request(`/feedback?from=${encodeURIComponent(from)}&lang=${lang}`, { headers: { "cf-connecting-ip": address } });
  const html = await res.text();
  return { res, html, started: /name="started" value="([^"]+)"/.exec(html)?.[1] ?? "", page: /name="page" value="([^"]+)"/.exec(html)?.[1] ?? "" };
};
const postForm = (fields: Record<string, string>, address: string, headers: Record<string, string> = { origin: SITE }) =>
  h.app.request("/feedback", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": address, ...headers }, body: new URLSearchParams(fields).toString() });
const count = async () => (await h.db.select().from(siteFeedback)).length;

describe("the page a feedback item records", () => {
  it("keeps the path of public pages, and nothing that could say who wrote", () => {
    const eventId = newId("evt");
    expect(feedbackPage(`/events/${eventId}?lang=pl`)).toBe(`/events/${eventId}`);
    expect(feedbackPage(`/bookings/${newId("bkg")}`)).toBe("/bookings/…");
    expect(feedbackPage("/consent/Zk3_x-9QpLmN0aBcDeFgHiJkLmNoPqRsTu")).toBe("/consent/…");
    expect(feedbackPage("/sign-in/abcDEF123_-xyzXYZ987abcDEF12")).toBe("/sign-in/…");
    expect(feedbackPage("https://evil.example/directory?q=my+address")).toBe("/directory");
    expect(feedbackPage("/" + "a".repeat(500))).toBe("/…");
  });
});

describe("the feedback form on every page", () => {
  it("is linked from every page's footer, carrying the page it was on", async () => {
    const html = await (await h.app.request("/directory?lang=pl")).text();
    expect(html).toContain('href="/feedback?from=%2Fdirectory"');
    expect(html).toContain('href="/you-said-we-did"');
  });

  it("refuses a post within a second of the form loading, with a page a person understands, keeping their words", async () => {
    const address = nextIp();
    const form = await getForm("/events", address);
    expect(form.res.status).toBe(200);
    expect(form.page).toBe("/events");
    h.clock.advance(800);
    const before = await count();
    const res = await postForm({ page: form.page, started: form.started, website: "", whatWorks: "The map", toImprove: "", email: "" }, address);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Please check and send again");
    expect(html).toContain("The map");
    expect(await count()).toBe(before);
    // The person reads it and sends again: the new form's start time lets it through.
    const again = /name="started" value="([^"]+)"/.exec(html)![1]!;
    h.clock.advance(MIN_FILL_MS);
    const ok = await postForm({ page: form.page, started: again, website: "", whatWorks: "The map", toImprove: "", email: "" }, address);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Thank you");
    expect(await count()).toBe(before + 1);
  });

  it("refuses a filled honeypot, records nothing, and explains it plainly", async () => {
    const address = nextIp();
    const form = await getForm("/", address);
    h.clock.advance(10_000);
    const before = await count();
    const res = await postForm({ page: form.page, started: form.started, website: "http://spam.example", whatWorks: "Buy now", toImprove: "", email: "" }, address);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("We could not send this yet");
    expect(html).not.toContain("http://spam.example");
    expect(await count()).toBe(before);
  });

  it("refuses a made-up or altered start time, and a form left open for more than a day", async () => {
    const address = nextIp();
    const form = await getForm("/", address);
    h.clock.advance(10_000);
    const [issued, signature] = form.started.split(".") as [string, string];
    const backdated = `${(parseInt(issued, 36) - 60_000).toString(36)}.${signature}`;
    for (const started of ["", "123.abc", backdated]) {
      expect((await postForm({ page: "/", started, whatWorks: "Hi" }, address)).status).toBe(422);
    }
    h.clock.advance(MAX_FORM_AGE_MS);
    const stale = await postForm({ page: "/", started: form.started, whatWorks: "Hi" }, address);
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain("open for a long time");
  });

  it("is anonymous by default and records only the page and language with the words (rule 20)", async () => {
    const address = nextIp();
    const form = await getForm(`/bookings/${newId("bkg")}`, address, "pl");
    expect(form.page).toBe("/bookings/…");
    h.clock.advance(20_000);
    const res = await postForm({ page: form.page, started: form.started, website: "", whatWorks: "", toImprove: "Większa czcionka", email: "" }, address, { origin: SITE, cookie: "lang=pl" });
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(siteFeedback).where(eq(siteFeedback.toImprove, "Większa czcionka"));
    expect(row).toMatchObject({ page: "/bookings/…", locale: "pl", whatWorks: "", replyEmail: null, status: "new" });
    expect(Object.keys(row!).sort()).toEqual(["createdAt", "id", "locale", "page", "repliedAt", "replyEmail", "status", "toImprove", "updatedAt", "whatWorks"]);
  });

  it("keeps an email only when given for a reply, and checks it", async () => {
    const address = nextIp();
    const form = await getForm("/directory", address);
    h.clock.advance(20_000);
    const bad = await postForm({ page: form.page, started: form.started, whatWorks: "Search", email: "not-an-email" }, address);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter an email address like name@example.com");
    const empty = await postForm({ page: form.page, started: form.started, whatWorks: " ", toImprove: "" }, address);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Write what works or what could be better");
    const ok = await postForm({ page: form.page, started: form.started, whatWorks: "Search works", email: "Parent@Example.com" }, address);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("We will reply to parent@example.com");
  });

  it("refuses another site's post", async () => {
    const res = await postForm({ page: "/", started: "x", whatWorks: "Hi" }, nextIp(), { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });

  it("holds under the rate limiter on the website and the API alike, per address", async () => {
    const address = nextIp();
    const form = await getForm("/", address);
    h.clock.advance(10_000);
    const limit = RATE_LIMITS.site_feedback_ip.limit;
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) statuses.push((await postForm({ page: "/", started: form.started, whatWorks: `Post ${i}` }, address)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const web = await postForm({ page: "/", started: form.started, whatWorks: "One more" }, address);
    expect(web.status).toBe(429);
    expect(Number(web.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await web.text()).toContain("Please wait a moment");
    const api = await h.request("POST", "/api/v1/site-feedback", { body: { whatWorks: "Via the API" }, headers: { "cf-connecting-ip": address } });
    expect(api.status).toBe(429);
    // Another address is not affected.
    expect((await h.request("POST", "/api/v1/site-feedback", { body: { whatWorks: "Hello" }, headers: { "cf-connecting-ip": nextIp() } })).status).toBe(201);
  });
});

describe("the coordinators' inbox", () => {
  let withEmail: string;
  let anonymous: string;
  beforeAll(async () => {
    const send = async (body: object) => (await (await h.request("POST", "/api/v1/site-feedback", { body, headers: { "cf-connecting-ip": nextIp() } })).json()) as { id: string; anonymous: boolean };
    const a = await send({ page: "/directory/services/x?q=1", locale: "uk", toImprove: "Більше мов", email: "mum@example.com" });
    expect(a.anonymous).toBe(false);
    withEmail = a.id;
    const b = await send({ page: "/events", whatWorks: "Easy to book" });
    expect(b.anonymous).toBe(true);
    anonymous = b.id;
  });

  it("is for coordinators only", async () => {
    const young = await h.tokenFor("someone@example.com");
    for (const token of [undefined, young]) {
      expect([401, 403]).toContain((await h.request("GET", "/api/v1/site-feedback", { token })).status);
      expect([401, 403]).toContain((await h.request("POST", `/api/v1/site-feedback/${withEmail}/reply`, { token, body: { message: "x" } })).status);
    }
    expect((await h.app.request("/coordinator/feedback", { headers: { cookie: `od_session=${young}` } })).status).toBe(403);
  });

  it("lists new items, moves them along, and refuses an empty message", async () => {
    const list = (await (await h.request("GET", "/api/v1/site-feedback?status=new", { token: coordinator })).json()) as { items: { id: string; page: string; locale: string }[] };
    expect(list.items.find((i) => i.id === withEmail)).toMatchObject({ page: "/directory/services/x", locale: "uk" });
    const moved = await h.request("PATCH", `/api/v1/site-feedback/${anonymous}`, { token: coordinator, body: { status: "in_hand" } });
    expect(((await moved.json()) as { status: string }).status).toBe("in_hand");
    const empty = await h.request("POST", "/api/v1/site-feedback", { body: { whatWorks: "  " }, headers: { "cf-connecting-ip": nextIp() } });
    expect((await problem(empty)).detail).toMatch(/Write what works/);
  });

  it("replies by email through the outbox, in the sender's language, and never to an anonymous sender", async () => {
    const res = await h.request("POST", `/api/v1/site-feedback/${withEmail}/reply`, { token: coordinator, body: { message: "Thank you: we are adding Ukrainian." } });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { status: string }).status).toBe("in_hand");
    const [queued] = await h.db.select().from(outbox).where(eq(outbox.toEmail, "mum@example.com"));
    expect(queued).toMatchObject({ template: "site_feedback_reply", locale: "uk" });
    const [mail] = await h.mailFor("mum@example.com");
    expect(mail!.subject).toBe("Відповідь на ваш відгук");
    expect(mail!.text).toContain("we are adding Ukrainian");
    expect(mail!.text).toContain("Більше мов");
    const refused = await h.request("POST", `/api/v1/site-feedback/${anonymous}/reply`, { token: coordinator, body: { message: "Hello" } });
    expect(refused.status).toBe(422);
  });

  it("turns an item into a published line, shown with the events' notes on the public page", async () => {
    const ev = await event(h.db, { title: { en: "Careers taster" } });
    await h.request("POST", `/api/v1/events/${ev.id}/you-said-we-did`, { token: coordinator, body: { youSaid: "More breaks", weDid: "Added one" } });
    const res = await h.request("POST", `/api/v1/site-feedback/${withEmail}/publish`, { token: coordinator, body: { youSaid: "More languages", weDid: "Added Ukrainian", locale: "en" } });
    expect(res.status).toBe(201);
    const item = (await (await h.request("GET", `/api/v1/site-feedback/${withEmail}`, { token: coordinator })).json()) as { status: string };
    expect(item.status).toBe("done");
    const pub = (await (await h.request("GET", "/api/v1/you-said-we-did")).json()) as { items: { youSaid: string; eventId: string | null }[] };
    expect(pub.items.map((i) => i.youSaid)).toEqual(expect.arrayContaining(["More languages", "More breaks"]));
    expect(JSON.stringify(pub.items)).not.toContain("mum@example.com");
    const html = await (await h.app.request("/you-said-we-did?lang=ro")).text();
    expect(html).toContain("Added Ukrainian");
    expect(html).toContain("Careers taster");
    expect(html).toContain("Despre întregul program");
  });

  it("does the same from the inbox page: reply, move and publish", async () => {
    const id = ((await (await h.request("POST", "/api/v1/site-feedback", { body: { whatWorks: "Posters", email: "dad@example.com" }, headers: { "cf-connecting-ip": nextIp() } })).json()) as { id: string }).id;
    const cookie = `od_session=${coordinator}`;
    const page = await (await h.app.request("/coordinator/feedback?status=new", { headers: { cookie } })).text();
    expect(page).toContain("dad@example.com");
    const post = (path: string, fields: Record<string, string>) =>
      h.app.request(path, { method: "POST", headers: { cookie, origin: SITE, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
    expect((await post(`/coordinator/feedback/${id}/reply`, { message: "Thanks!" })).status).toBe(303);
    expect((await h.mailFor("dad@example.com")).length).toBe(1);
    expect((await post(`/coordinator/feedback/${id}/status`, { status: "done" })).status).toBe(303);
    expect((await post(`/coordinator/feedback/${id}/publish`, { youSaid: "Posters", weDid: "Printed more", locale: "en" })).status).toBe(303);
    expect(await (await h.app.request("/you-said-we-did")).text()).toContain("Printed more");
  });
});
