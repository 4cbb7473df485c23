// The published contract, as a client's tooling reads it: Redocly's recommended rules give no
// error and no warning, and every `pattern` works as JSON Schema means it (an ECMAScript regular
// expression, no flags) and accepts the document's own examples. Both walk the served document,
// so a route added later is checked without editing this file.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./support/harness";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "open-door-contract-"));
let h: Harness;
let doc: Record<string, unknown>;
beforeAll(async () => {
  h = await createHarness();
  doc = (await (await h.request("GET", "/api/v1/openapi.json")).json()) as Record<string, unknown>;
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Problem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer: string }[];
}

describe("the served OpenAPI document", () => {
  it("passes Redocly's recommended rules with 0 errors and 0 warnings", async () => {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const cli = join(root, "node_modules/@redocly/cli/bin/cli.js");
    const run = await promisify(execFile)(process.execPath, [cli, "lint", file, "--config", join(root, "redocly.yaml"), "--format=json"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      maxBuffer: 20 * 1024 * 1024,
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? "" }));
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as { totals: { errors: number; warnings: number }; problems: Problem[] };
    const found = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(found).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it("gives every operation a unique operationId and an explicit security requirement", () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z0-9]+$/);
        expect(ids.has(op.operationId!), `${op.operationId} twice`).toBe(false);
        ids.add(op.operationId!);
        expect(Array.isArray(op.security), `${method} ${path} security`).toBe(true);
      }
    }
  });

  it("documents the 401 it adds to open operations truthfully: a bad Authorization header is refused even there", async () => {
    for (const path of ["/api/v1/healthz", "/api/v1/events", "/api/v1/directory/categories"]) {
      expect((await h.request("GET", path, { headers: { authorization: "Bearer not-a-token" } })).status, path).toBe(401);
      expect((await h.request("GET", path, { headers: { authorization: "Basic eDp5" } })).status, path).toBe(401);
    }
  });

  it("publishes only patterns that compile without flags and accept the examples given with them", () => {
    const found: { where: string; pattern: string; examples: unknown[] }[] = [];
    const examplesOf = (schema: { example?: unknown; examples?: unknown[] }) => [...(schema.example !== undefined ? [schema.example] : []), ...(schema.examples ?? [])];
    // An array's example lists examples of its items.
    const walk = (node: unknown, where: string, inherited: unknown[] = []) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (!node || typeof node !== "object") return;
      const schema = node as { pattern?: unknown; example?: unknown; examples?: unknown[]; items?: unknown };
      if (typeof schema.pattern === "string") found.push({ where, pattern: schema.pattern, examples: [...examplesOf(schema), ...inherited] });
      for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`, k === "items" ? examplesOf(schema).flat() : []);
    };
    walk(doc, "#");
    expect(found.length).toBeGreaterThan(5);
    for (const { where, pattern, examples } of found) {
      // JSON Schema's pattern is a bare ECMAScript source: a "/u" copied from a literal is not.
      expect(pattern, where).not.toMatch(/\/[dgimsuvy]*$/);
      const re = new RegExp(pattern);
      expect(examples.length, `${where} has a pattern and no example`).toBeGreaterThan(0);
      for (const example of examples) expect(re.test(String(example)), `${where}: ${pattern} refuses its example ${String(example)}`).toBe(true);
    }
  });

  it("lets a client validating with the roster pattern accept real names in the programme's languages", () => {
    const pattern = (doc as { components: { schemas: Record<string, { properties: { roster: { items: { pattern: string } } } }> } }).components.schemas.GroupBookingRequest!.properties.roster.items.pattern;
    const re = new RegExp(pattern);
    for (const name of ["Amira K", "Tom B.", "Zoë Ł", "Ștefan P", "Олена К", "ليلى ع", "O’Neil D"]) expect(re.test(name), name).toBe(true);
    for (const name of ["Amira Khan", "A", "Amira K\u202e"]) expect(re.test(name), name).toBe(false);
  });
});
