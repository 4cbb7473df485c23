// Every string a client can send has a maximum length and every array a maximum size, so no
// request can make us store or process unbounded input (OWASP API4: unrestricted resource
// consumption). Walks the OpenAPI document, so new routes are checked without editing this.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./support/harness";

type Schema = {
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  maxProperties?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
};

let h: Harness;
let doc: { paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };
beforeAll(async () => {
  h = await createHarness();
  doc = await (await h.request("GET", "/api/v1/openapi.json")).json();
});
afterAll(() => h.close());

const types = (s: Schema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Paths inside `schema` where a string or array has no upper bound. */
function unbounded(schema: Schema | undefined, at: string, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop()!;
    if (seen.has(name)) return [];
    return unbounded(doc.components?.schemas?.[name], at, new Set([...seen, name]));
  }
  const found: string[] = [];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) schema[key]?.forEach((s) => found.push(...unbounded(s, at, seen)));
  const t = types(schema);
  if (t.includes("string") && schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined) found.push(`${at} (string)`);
  if (t.includes("array")) {
    if (schema.maxItems === undefined) found.push(`${at} (array)`);
    found.push(...unbounded(schema.items, `${at}[]`, seen));
  }
  for (const [k, v] of Object.entries(schema.properties ?? {})) found.push(...unbounded(v, `${at}.${k}`, seen));
  if (typeof schema.additionalProperties === "object") {
    if (schema.maxProperties === undefined) found.push(`${at}.* (object without maxProperties)`);
    found.push(...unbounded(schema.additionalProperties, `${at}.*`, seen));
  }
  return found;
}

describe("request limits", () => {
  it("bounds every string and array in every request body and parameter", () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? []) problems.push(...unbounded(p.schema, `${where} ${p.in}:${p.name}`));
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) problems.push(...unbounded(media.schema, `${where} body(${type})`));
      }
    }
    expect(problems).toEqual([]);
  });

  it("notices an unbounded string (the check itself can fail)", () => {
    expect(unbounded({ type: "object", properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string", maxLength: 3 } } } }, "x")).toEqual(["x.name (string)", "x.tags (array)"]);
  });
});
