// Stands in for zod's `core/compile.js` in the Worker bundle only (wrangler.toml [alias]): the
// ahead-of-time schema compiler, 31 KiB of minified code (issue #19). Nothing here calls
// `z.compile` or imports "zod/compile", and zod's parser only takes the compiled path for a
// schema compile() has built (core/parse.js reads a validator it leaves on the schema), so every
// parse runs exactly as before. It is in the bundle at all because @hono/zod-openapi hands the
// whole `z` namespace to extendZodWithOpenApi, which keeps every export of zod alive.
const absent = (name: string) => () => {
  throw new Error(`zod's ${name} is not in the Worker's bundle (src/worker-stubs/zod-compile.ts): nothing in the app compiles schemas.`);
};

/** The same registered symbol as zod's, so nothing comparing against it changes meaning. */
export const INVALID = Symbol.for("zod.compile.invalid");
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export const compile = absent("compile");
export const withParser = absent("withParser");
export const compileFn = absent("compileFn");
