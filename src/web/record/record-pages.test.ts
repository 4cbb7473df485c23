// My record on the website: the same record and links as the API, for the young person, and
// through a link for whoever they give it to; in every language; printable (no script, print CSS).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { SESSION_COOKIE } from "../../lib/auth";
import { LOCALES } from "../../i18n";
import { createHarness, type Harness } from "../../../test/support/harness";

const ORIGIN = "https://opendoor.test";
let h: Harness;
let jordan: string;
let staff: string;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  await seedDemoData(h.db, h.clock.now());
  jordan = `${SESSION_COOKIE}=${await h.tokenFor("jordan@example.com")}`;
  staff = `${SESSION_COOKIE}=${await h.tokenFor("careers@northbuild.example")}`;
});
afterAll(() => h.close());

const get = async (path: string, cookie?: string) => {
  const res = await h.request("GET", path, { headers: cookie ? { cookie } : {} });
  return { res, html: await res.text() };
};
const post = (path: string, cookie: string, origin = ORIGIN) => h.request("POST", path, { body: "", headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin } });

describe("my record page", () => {
  it.each(LOCALES)("shows the record, the hours and the organisations in %s", async (lang) => {
    const { res, html } = await get(`/my/record?lang=${lang}`, jordan);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain("Northbuild Construction");
    // Both Oak House sessions (storytelling, and gardening given as help), titled in the page's language.
    expect(html.match(/<th scope="row"[^>]*>[^<]*Oak House[^<]*<\/th>/g)?.length).toBe(2);
    expect(html.match(/<tr>/g)?.length).toBe(8); // a header row and seven activities
  });

  it("sends someone signed out to sign in, and is not there for staff", async () => {
    expect((await get("/my/record")).res.status).toBe(303);
    expect((await get("/my/record", staff)).res.status).toBe(404);
  });

  it("makes a link that shows the record without sign-in, and turns it off; another site's post is refused", async () => {
    expect((await post("/my/record/links", jordan, "https://evil.example")).status).toBe(403);
    const made = await post("/my/record/links", jordan);
    expect(made.status).toBe(200);
    expect(made.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await made.text();
    const url = /https:\/\/opendoor\.test\/record\/([A-Za-z0-9_-]+)/.exec(html)!;
    const shared = await get(`/record/${url[1]}`);
    expect(shared.res.status).toBe(200);
    expect(shared.html).toContain("Jordan");
    const id = /\/my\/record\/links\/(rsh_[a-z0-9]+)\/off/.exec(html)![1]!;
    expect((await post(`/my/record/links/${id}/off`, staff)).status).toBe(404);
    const off = await post(`/my/record/links/${id}/off`, jordan);
    expect(off.status).toBe(303);
    expect((await get(`/record/${url[1]}`)).res.status).toBe(404);
  });
});
