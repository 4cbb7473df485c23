// The HTML reference at /api/docs: every operation with its parameters, request body and
// responses, schemas shown with their $refs resolved (a bare "$ref" tells a reader nothing),
// in plain HTML with <details>, so it needs no JavaScript.

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}

export interface ReferenceDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Json> };
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The schema with every `#/components/schemas/X` reference replaced by X itself. A schema that
 * contains itself (none today) stays a reference the second time, so this always ends.
 */
export function resolveRefs(schema: unknown, components: Record<string, Json>, seen: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, components, seen));
  if (!schema || typeof schema !== "object") return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    const name = ref.slice("#/components/schemas/".length);
    const target = components[name];
    if (!target || seen.includes(name)) return schema;
    return { title: name, ...(resolveRefs(target, components, [...seen, name]) as Json) };
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolveRefs(v, components, seen)]));
}

const typeOf = (schema: Json | undefined): string => {
  if (!schema) return "";
  const t = schema.type;
  const base = Array.isArray(t) ? t.join(" | ") : typeof t === "string" ? t : schema.enum ? "enum" : "";
  const extra = [schema.format, schema.enum ? (schema.enum as unknown[]).join(", ") : undefined, schema.pattern ? `pattern ${schema.pattern}` : undefined].filter(Boolean);
  return extra.length ? `${base} (${extra.join("; ")})` : base;
};

/** `summary` is HTML. */
function schemaBlock(summary: string, schema: Json | undefined, components: Record<string, Json>): string {
  if (!schema) return "";
  return `<details><summary>${summary}</summary><pre>${escapeHtml(JSON.stringify(resolveRefs(schema, components), null, 2))}</pre></details>`;
}

function parametersTable(parameters: Parameter[]): string {
  if (!parameters.length) return "";
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${escapeHtml(p.description ?? (p.schema?.description as string | undefined) ?? "")}</td></tr>`,
    )
    .join("");
  return `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationHtml(path: string, method: string, op: Operation, components: Record<string, Json>): string {
  const requestSchema = op.requestBody?.content?.["application/json"]?.schema;
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
      const head = `<code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? "")}${type ? ` <small>(${escapeHtml(type)})</small>` : ""}`;
      return `<li>${media?.schema ? schemaBlock(head, media.schema, components) : head}</li>`;
    })
    .join("");
  return `<div class="op" id="${escapeHtml(op.operationId ?? `${method}-${path}`)}"><h3><span class="m">${method}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? "")}</p>${op.description ? `<p>${escapeHtml(op.description)}</p>` : ""}
<p>${op.security?.length ? "Requires sign-in (bearer token or API key)." : "Open to anyone."}${op.operationId ? ` Operation id <code>${escapeHtml(op.operationId)}</code>.` : ""}</p>
${parametersTable(op.parameters ?? [])}${schemaBlock("Request body schema", requestSchema, components)}
<h4>Responses</h4><ul class="responses">${responses}</ul></div>`;
}

/** The body of the reference: a table of contents and one section per tag. */
export function referenceSections(doc: ReferenceDocument): { nav: string; sections: string } {
  const components = doc.components?.schemas ?? {};
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? "other"))];
  const nav = tags.map((t) => `<li><a href="#${escapeHtml(t)}">${escapeHtml(t)}</a></li>`).join("");
  const sections = tags
    .map(
      (t) =>
        `<section id="${escapeHtml(t)}"><h2>${escapeHtml(t)}</h2>${ops
          .filter((o) => (o.op.tags?.[0] ?? "other") === t)
          .map(({ path, method, op }) => operationHtml(path, method, op, components))
          .join("")}</section>`,
    )
    .join("");
  return { nav, sections };
}
