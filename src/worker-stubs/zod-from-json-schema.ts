// Stands in for zod's `classic/from-json-schema.js` in the Worker bundle only (wrangler.toml
// [alias]): z.fromJSONSchema, which builds zod schemas from JSON Schema, 12 KiB of minified code
// (issue #19). Our schemas are all written in zod; nothing calls it. It is in the bundle only
// because @hono/zod-openapi hands the whole `z` namespace to extendZodWithOpenApi.
export function fromJSONSchema(): never {
  throw new Error("z.fromJSONSchema is not in the Worker's bundle (src/worker-stubs/zod-from-json-schema.ts): nothing in the app reads JSON Schema.");
}
