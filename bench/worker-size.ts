// The Worker as Cloudflare would receive it: `wrangler deploy --dry-run` builds the bundle and
// prints its size ("Total Upload: … / gzip: … KiB"), and workerd (through Miniflare) times how
// long the isolate takes from loading that bundle to answering /healthz, minus the same for a
// one-line Worker, so the figure is our module's parse and top-level work, not workerd's own
// start.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

const run = promisify(execFile);
const root = new URL("..", import.meta.url).pathname;

export async function workerSize(): Promise<{ gzipKib: number; rawKib: number; startupMs: number }> {
  const out = mkdtempSync(join(tmpdir(), "open-door-worker-"));
  try {
    const size = await buildWorker(out);
    const startupMs = Math.max(0, (await timeToFirstResponse(out, "worker.js")) - (await timeToFirstResponse(null, "")));
    return { ...size, startupMs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Builds the Worker as a deploy would (worker.js and its text modules in `out`), checks that
 * wrangler.toml's aliases replaced only their own packages' imports, and returns its size.
 * test/worker-bundle.test.ts runs the same build in workerd.
 */
export async function buildWorker(out: string): Promise<{ gzipKib: number; rawKib: number }> {
  const meta = join(out, "..", `${out.split("/").pop()}-meta.json`);
  try {
    const { stdout } = await run("npx", ["wrangler", "deploy", "--dry-run", "--alias", "./db/seed:./src/worker-stubs/no-demo-seed.ts", "--outdir", out, "--metafile", meta], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      timeout: 180_000,
    });
    const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(stdout);
    if (!m) throw new Error(`no size in wrangler's output:\n${stdout}`);
    aliasesReachOnlyTheirPackages(JSON.parse(readFileSync(meta, "utf8")));
    return { rawKib: Number(m[1]), gzipKib: Number(m[2]) };
  } finally {
    rmSync(meta, { force: true });
  }
}

/**
 * The Miniflare options for a Worker `buildWorker` wrote to `dir`: worker.js and the text
 * modules wrangler wrote beside it (the QR decoder's files), D1, and the static assets that
 * wrangler.toml's [build] step wrote (the message catalogues, the stylesheet).
 */
export function builtWorker(dir: string, main: string, bindings: Record<string, string>) {
  return {
    name: "open-door",
    modules: readdirSync(dir)
      .filter((f) => f !== "README.md" && !f.endsWith(".map"))
      .sort((a, b) => Number(b === main) - Number(a === main))
      .map((f) => ({ type: f === main ? ("ESModule" as const) : ("Text" as const), path: join(dir, f) })),
    modulesRoot: dir,
    compatibilityDate: "2026-04-01",
    compatibilityFlags: ["nodejs_compat"],
    d1Databases: ["DB"],
    bindings,
    assets: { directory: join(root, "dist/worker-assets"), binding: "ASSETS", routerConfig: { has_user_worker: true } },
  };
}

/** Median of 5 cold starts: new workerd, load the modules, first /healthz answered. */
async function timeToFirstResponse(dir: string | null, main: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const mf = new Miniflare(convertV4MiniflareOptions({
      workers: [
        // The first request loads the message catalogues from the assets, so they are part of
        // the time to the first answer.
        dir
          ? builtWorker(dir, main, { PUBLIC_URL: "http://localhost" })
          : {
              name: "empty",
              modules: true,
              script: "export default { async fetch(req, env) { await env.DB.prepare('select 1').all(); return new Response('ok') } }",
              compatibilityDate: "2026-04-01",
              d1Databases: ["DB"],
              // The same asset services as above, so the difference is our module's work alone.
              assets: { directory: join(root, "dist/worker-assets"), binding: "ASSETS", routerConfig: { has_user_worker: true } },
            },
      ],
    }));
    const started = performance.now();
    await mf.ready;
    const ready = performance.now();
    const res = await mf.dispatchFetch("http://localhost/healthz");
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (process.env.BENCH_DEBUG) console.error(main || "empty", Math.round(ready - started), Math.round(performance.now() - ready));
    await mf.dispose();
  }
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * wrangler.toml's [alias] replaces modules by their import path (zod's "../locales/index.js",
 * "./compile.js", …), and wrangler cannot say "only from this package": any other file importing
 * that same path would get the stub too. The bundle's metafile names every importer; each must be
 * inside the package the stub stands in for.
 */
const ALIAS_OWNERS: Record<string, RegExp> = {
  "../locales/index.js": /node_modules\/zod\//,
  "./compile.js": /node_modules\/zod\/v4\/core\//,
  "./from-json-schema.js": /node_modules\/zod\/v4\/classic\//,
  "./nlp/index": /node_modules\/rrule\/dist\/esm\//,
  "../pg-core/columns/enum.js": /node_modules\/drizzle-orm\/sql\//,
  "./pg-core/primary-keys.js": /node_modules\/drizzle-orm\/[^/]+$/,
};

function aliasesReachOnlyTheirPackages(meta: { inputs: Record<string, { imports?: { path: string; original?: string }[] }> }) {
  const aliases = [...readFileSync(join(root, "wrangler.toml"), "utf8").matchAll(/^"([^"]+)" = "\.\/src\/worker-stubs\//gm)].map((m) => m[1]!);
  const unowned = aliases.filter((path) => !ALIAS_OWNERS[path]);
  if (unowned.length) throw new Error(`wrangler.toml aliases ${unowned.join(", ")}: say in bench/worker-size.ts (ALIAS_OWNERS) which package may import it`);
  const strangers = Object.entries(meta.inputs).flatMap(([file, input]) =>
    (input.imports ?? []).filter((i) => i.original && ALIAS_OWNERS[i.original]?.test(file) === false).map((i) => `${file} (${i.original})`),
  );
  if (strangers.length) throw new Error(`a wrangler.toml alias also replaces an import of: ${strangers.join(", ")}`);
}
