import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE } from "../src/app";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
let doc: { openapi: string; paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>; components?: { securitySchemes?: Record<string, unknown> } };
beforeAll(async () => {
  h = await createHarness();
  const res = await h.request("GET", "/api/v1/openapi.json");
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(() => h.close());

/** Every route the app actually answers under /api/v1, from the router itself. */
function registeredApiRoutes() {
  return h.app.routes
    .filter((r) => r.path.startsWith(`${API_BASE}/`) && r.method !== "ALL" && r.path !== `${API_BASE}/openapi.json`)
    .map((r) => ({ method: r.method.toLowerCase(), path: documentedAs(r.path.slice(API_BASE.length).replace(/:(\w+)/g, "{$1}")) }));
}

/** Routes the router cannot spell as the contract does (a parameter followed by ".ics"). */
const documentedAs = (path: string) => (path === "/calendar-feeds/{file}" ? "/calendar-feeds/{token}.ics" : path);

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with the bearer security scheme", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.components?.securitySchemes).toHaveProperty("bearerAuth");
  });

  it("documents every registered /api/v1 route, and nothing that is not routed", () => {
    const routes = registeredApiRoutes();
    expect(routes.length).toBeGreaterThan(5);
    for (const { method, path } of routes) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} missing from openapi.json`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    const routed = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const op of documented) expect(routed.has(op), `${op} documented but not routed`).toBe(true);
  });

  it("documents problem+json error responses on routes that need sign-in", () => {
    const me = doc.paths["/me"]!.get!;
    expect(Object.keys(me.responses!)).toContain("401");
    expect(JSON.stringify(me.responses!["401"])).toContain("application/problem+json");
  });
});

describe("/api/docs", () => {
  it("renders an HTML reference listing every documented operation", async () => {
    const res = await h.request("GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        expect(html, `${method} ${path}`).toMatch(new RegExp(`<span class="m">${method}</span> <code>${path.replace(/[{}]/g, "\\$&")}</code>`));
      }
    }
    expect(html).not.toMatch(/<script/i);
  });

  it("shows each operation's parameters, request body and response schemas with every $ref resolved", async () => {
    const html = await (await h.request("GET", "/api/docs")).text();
    const op = (id: string) => {
      const start = html.indexOf(`<div class="op" id="${id}">`);
      expect(start, id).toBeGreaterThan(-1);
      const end = html.indexOf('<div class="op"', start + 1);
      return html.slice(start, end === -1 ? undefined : end);
    };
    // A path parameter and a query parameter, in a table.
    expect(op("getSessionsById")).toMatch(/<caption>Parameters<\/caption>[\s\S]*<code>id<\/code><\/td><td>path<\/td><td>yes/);
    expect(op("getEvents")).toMatch(/<code>limit<\/code><\/td><td>query<\/td>/);
    // The request body of event creation, resolved: its title's per-locale fields are there.
    const create = op("postEvents");
    expect(create).toContain("Request body schema");
    expect(create).toMatch(/&quot;title&quot;: \{\s*&quot;title&quot;: &quot;LocalisedTitle&quot;/);
    // A response schema, resolved, and a problem response.
    expect(op("getMe")).toMatch(/<code>200<\/code>[\s\S]*<pre>/);
    expect(op("getMe")).toContain("&quot;detail&quot;");
    expect(html).not.toContain("$ref");
    expect(html).not.toMatch(/<script/i);
  });
});
