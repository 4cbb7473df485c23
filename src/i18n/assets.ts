// Writes the catalogues the Worker reads from its static assets (catalogues-worker.ts says why)
// into wrangler.toml's [assets] directory. wrangler runs it before every build (`[build]`: deploy,
// `--dry-run`, `wrangler dev`), and vitest.config.mts before the workers tests, so the assets
// always match the parts in src/i18n. Run it by hand with `npx tsx src/i18n/assets.ts`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mergedCatalogues } from "./catalogues";
import { CATALOGUES_ASSET } from "./catalogues-worker";

/** wrangler.toml's [assets] directory (generated, not committed: dist/ is in .gitignore). */
export const WORKER_ASSETS_DIR = fileURLToPath(new URL("../../dist/worker-assets", import.meta.url));

export function writeCatalogueAssets(dir = WORKER_ASSETS_DIR): string {
  const file = join(dir, CATALOGUES_ASSET);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(mergedCatalogues()));
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeCatalogueAssets();
