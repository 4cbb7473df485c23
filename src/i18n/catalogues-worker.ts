// workerd: the catalogues come from the Worker's static assets, not its bundle. Five languages
// are about 150 KiB of the gzip bundle (Cyrillic and Arabic escaped by esbuild as \uXXXX), and
// wrangler inlines dynamic imports, so the only way to leave them out is to ship them beside the
// code: `npm run build:worker` (wrangler.toml's [build]) and the workers tests
// (vitest.config.mts) write them with src/worker-assets.ts from the same parts Node imports.
//
// translator() is synchronous and called from everywhere (pages, emails, refusals), so the
// catalogues are loaded before the app runs: worker.ts awaits loadCatalogues once per isolate
// (like its route table: the same words for every request of a deployment) and runs each
// request and cron tick inside withCatalogues, which hands them to translator() through an
// AsyncLocalStorage, so nothing here holds state between requests.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Catalogues } from "./index";

/** Where the catalogues are in the Worker's static assets (wrangler.toml's [assets] directory). */
export const CATALOGUES_ASSET = "/i18n/catalogues.json";

const scope = new AsyncLocalStorage<Catalogues>();

export function catalogues(): Catalogues {
  const loaded = scope.getStore();
  if (!loaded) throw new Error("The catalogues are not loaded: run the work inside withCatalogues (src/worker.ts does; a workers test calling code directly: `withCatalogues(await loadCatalogues(env.ASSETS), () => …)`).");
  return loaded;
}

/** Runs `work` (and everything it starts, waitUntil work included) with these catalogues. */
export const withCatalogues = <T>(loaded: Catalogues, work: () => T): T => scope.run(loaded, work);

/** The catalogues from the ASSETS binding (one request, about 700 KB of JSON). */
export async function loadCatalogues(assets: Fetcher): Promise<Catalogues> {
  const res = await assets.fetch(new Request(new URL(CATALOGUES_ASSET, "https://assets.invalid")));
  if (!res.ok) throw new Error(`The catalogues are missing from the Worker's assets (${CATALOGUES_ASSET}: ${res.status}): build with \`npm run build:worker\`.`);
  return (await res.json()) as Catalogues;
}
