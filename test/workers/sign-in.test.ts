import { describe, expect, it } from "vitest";
import { call, COORDINATOR, mailCount, signIn, signInLink } from "./flow";

describe("signing in on the Worker with D1", () => {
  it("magic link → dev mailbox → session → /me, and the link works only once", async () => {
    const before = await mailCount(COORDINATOR);
    expect((await call("POST", "/api/v1/auth/magic-links", { body: { email: COORDINATOR } })).status).toBe(202);
    const token = await signInLink(COORDINATOR, before);

    const session = await call("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(session.status).toBe(201);
    expect(session.headers.get("cache-control")).toBe("no-store");
    const { accessToken } = (await session.json()) as { accessToken: string };

    const me = await call("GET", "/api/v1/me", { token: accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: COORDINATOR, roles: ["coordinator"] });

    const again = await call("POST", "/api/v1/auth/sessions", { body: { token } });
    expect(again.status).toBe(401);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });

  it("signs a young person up and in, and signs them out", async () => {
    const email = "worker.young@example.com";
    const res = await call("POST", "/api/v1/young-people", { body: { email, displayName: "Rae", dateOfBirth: "2009-02-03" } });
    expect(res.status).toBe(202);
    const accessToken = await signIn(email);
    expect(await (await call("GET", "/api/v1/me", { token: accessToken })).json()).toMatchObject({ email, roles: ["young_person"] });
    expect((await call("DELETE", "/api/v1/auth/sessions/current", { token: accessToken })).status).toBe(204);
    expect((await call("GET", "/api/v1/me", { token: accessToken })).status).toBe(401);
  });

  it("answers problem+json for bad input on the Worker too", async () => {
    const res = await call("POST", "/api/v1/auth/magic-links", { body: { email: "nope" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("email");
    expect((await call("GET", "/api/v1/nowhere")).status).toBe(404);
  });
});
