import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import type { Db } from "../src/db/client";
import { MAX_BODY_BYTES } from "../src/lib/request-body";
import { COORDINATOR, createHarness, problem, type Harness } from "./support/harness";

let h: Harness;
let coordinator: string;
beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.tokenFor(COORDINATOR);
});
afterAll(() => h.close());

const PROBLEM_KEYS = ["type", "title", "status", "detail"];

describe("every error is application/problem+json", () => {
  it("answers an unknown route under /api/v1 and outside it with a 404 problem", async () => {
    for (const path of ["/api/v1/no-such-thing", "/no-such-page"]) {
      const res = await h.request("GET", path);
      expect(res.status).toBe(404);
      const body = await problem(res);
      expect(Object.keys(body)).toEqual(expect.arrayContaining(PROBLEM_KEYS));
      expect(body).toMatchObject({ status: 404, type: "https://opendoor.example/problems/not-found", instance: path });
    }
  });

  it("answers malformed JSON with 400 malformed-json, not a parser error", async () => {
    const res = await h.request("POST", "/api/v1/organisations", { token: coordinator, body: '{"type": "school", "name": ' });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.type).toMatch(/malformed-json$/);
    expect(body.detail).not.toMatch(/SyntaxError|Unexpected/);
  });

  it("answers a body that is not JSON with 415", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const res = await h.request("POST", "/api/v1/organisations", {
        token: coordinator,
        body: "type=school&name=Riverside",
        headers: { "content-type": contentType },
      });
      expect(res.status).toBe(415);
      expect((await problem(res)).type).toMatch(/unsupported-media-type$/);
    }
  });

  it("accepts a JSON content type with a charset parameter", async () => {
    const res = await h.request("POST", "/api/v1/organisations", {
      token: coordinator,
      body: { type: "school", name: "Charset School" },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(res.status).toBe(201);
  });

  it("answers a body over the limit with 413, whether or not Content-Length says so up front", async () => {
    const big = { type: "school", name: "x".repeat(MAX_BODY_BYTES) };
    const sent = await h.request("POST", "/api/v1/organisations", { token: coordinator, body: big });
    expect(sent.status).toBe(413);
    const declared = await h.request("POST", "/api/v1/organisations", {
      token: coordinator,
      body: "{}",
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expect(declared.status).toBe(413);
    expect((await problem(declared)).type).toMatch(/payload-too-large$/);
  });

  it("lists every invalid field by name in one validation problem", async () => {
    const res = await h.request("POST", "/api/v1/organisations", {
      token: coordinator,
      body: { type: "castle", name: "", contactEmail: "not-an-email" },
    });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.type).toMatch(/validation$/);
    expect(body.errors!.map((e) => e.path).sort()).toEqual(["contactEmail", "name", "type"]);
    for (const e of body.errors!) expect(e.message.length).toBeGreaterThan(0);
  });

  it("names missing fields when the body is absent, and the whole body when it is not an object", async () => {
    const empty = await problem(await h.request("POST", "/api/v1/organisations", { token: coordinator }));
    expect(empty.errors!.map((e) => e.path).sort()).toEqual(["name", "type"]);
    const array = await problem(await h.request("POST", "/api/v1/organisations", { token: coordinator, body: [] }));
    expect(array.status).toBe(400);
    expect(array.errors).toEqual([expect.objectContaining({ path: "(body)" })]);
  });

  it("says how to authenticate on every 401", async () => {
    for (const res of [await h.request("GET", "/api/v1/me"), await h.request("GET", "/api/v1/me", { token: "od_s_wrong" })]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="open-door"');
    }
    expect((await h.request("GET", "/api/v1/nowhere")).headers.get("www-authenticate")).toBeNull();
  });

  it("refuses a malformed Authorization header with 401 rather than treating it as anonymous", async () => {
    const res = await h.request("GET", "/api/v1/me", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(401);
    expect((await problem(res)).type).toMatch(/unauthenticated$/);
  });
});

describe("a fault on our side", () => {
  it("becomes a 500 problem without the error message or a stack trace", async () => {
    const secret = "SQLITE_CORRUPT: database disk image is malformed at /srv/open-door/data.db";
    const failingDb = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === "run") return () => Promise.reject(new Error(secret));
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const app = createApp({ ...h.deps, db: failingDb });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await app.request("/healthz");
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 500, type: "https://opendoor.example/problems/internal" });
      expect(text).not.toContain("SQLITE");
      expect(text).not.toContain("/srv/");
      expect(text).not.toMatch(/\bat .*:\d+:\d+/);
      expect(body).not.toHaveProperty("stack");
      // Operators still see it in the logs.
      expect(logged).toHaveBeenCalled();
      expect(logged.mock.calls[0]!.join(" ")).toContain("SQLITE_CORRUPT");
    } finally {
      logged.mockRestore();
    }
  });

  it("keeps tokens in the URL out of the log line", async () => {
    const failingDb = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === "select") return () => { throw new Error("boom"); };
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const app = createApp({ ...h.deps, db: failingDb });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const token = "abcdefghijklmnopqrstuvwxyz0123456789";
      // The actor is resolved (and the db fails) before routing, on any path.
      const res = await app.request(`/api/v1/calendar-feeds/${token}.ics`, { headers: { authorization: "Bearer od_s_whatever" } });
      expect(res.status).toBe(500);
      const line = logged.mock.calls.map((args) => String(args[0])).join("\n");
      expect(line).toContain("/api/v1/calendar-feeds/");
      expect(line).not.toContain(token);
    } finally {
      logged.mockRestore();
    }
  });
});
