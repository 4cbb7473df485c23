import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COORDINATOR, createHarness, type Harness } from "../../../test/support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function emailedPath(email: string) {
  await h.request("POST", "/api/v1/auth/magic-links", { body: { email } });
  const mail = await h.mailFor(email);
  return new URL(/https:\/\/opendoor\.test\/sign-in\/[A-Za-z0-9_-]+/.exec(mail.at(-1)!.text)![0]).pathname;
}

describe("the emailed sign-in link", () => {
  it("opens a page with a button, and opening it (as a link scanner would) does not use the link", async () => {
    const path = await emailedPath(COORDINATOR);
    for (let i = 0; i < 2; i++) {
      const res = await h.request("GET", path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(await res.text()).toContain('<form method="post">');
    }
    const signedIn = await h.request("POST", path);
    expect(signedIn.status).toBe(200);
    const token = /<code>(od_s_[A-Za-z0-9_-]+)<\/code>/.exec(await signedIn.text())![1]!;
    expect(await (await h.request("GET", "/api/v1/me", { token })).json()).toMatchObject({ email: COORDINATOR });
  });

  it("works once: pressing the button again explains the link has been used", async () => {
    const path = await emailedPath(COORDINATOR);
    expect((await h.request("POST", path)).status).toBe(200);
    const again = await h.request("POST", path);
    expect(again.status).toBe(401);
    const body = await again.text();
    expect(body).toContain("already been used or has expired");
    expect(body).not.toContain("od_s_");
  });

  it("refuses a made-up link without echoing it into the page", async () => {
    const res = await h.request("POST", "/sign-in/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("<script>");
  });
});
