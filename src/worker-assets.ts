// Writes the Worker's static assets: files it serves or reads that are not in its bundle, which
// has a size budget (issue #19; wrangler inlines dynamic imports, so leaving code out of the
// bundle means shipping it beside it):
// - the message catalogues, one JSON file, which src/worker.ts loads through the ASSETS binding
//   (src/i18n/catalogues-worker.ts says how);
// - the check-in camera's QR decoder, two files the browser fetches and Cloudflare serves before
//   the Worker runs (src/web/staff/qr-decoder.ts), with the headers Node's routes give them.
// wrangler runs this before every build (wrangler.toml's [build]: deploy, --dry-run, dev) and
// vitest.config.mts before the workers tests, so the assets always match the code. By hand:
// `npx tsx src/worker-assets.ts`.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { QR_DECODER_SOURCES } from "./web/staff/qr-decoder-source/node";
import { mergedCatalogues } from "./i18n/catalogues";
import { CATALOGUES_ASSET } from "./i18n/catalogues-worker";
import { IMMUTABLE } from "./web/assets";
import { QR_DECODER_DIR, qrDecoderFiles } from "./web/staff/qr-decoder";

/** wrangler.toml's [assets] directory (generated, not committed: dist/ is in .gitignore). */
export const WORKER_ASSETS_DIR = fileURLToPath(new URL("../dist/worker-assets", import.meta.url));

export function writeWorkerAssets(dir = WORKER_ASSETS_DIR): void {
  // Start empty: a file left from an older build (a previous decoder folder) would be served.
  rmSync(dir, { recursive: true, force: true });
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write(CATALOGUES_ASSET, JSON.stringify(mergedCatalogues()));
  for (const [name, text] of Object.entries(qrDecoderFiles(QR_DECODER_SOURCES))) write(`${QR_DECODER_DIR}/${name}`, text);
  // Cloudflare's headers file for its asset responses: what Node's routes send (qr-decoder.ts).
  write("_headers", `${QR_DECODER_DIR}/*\n  Content-Type: text/javascript; charset=utf-8\n  Cache-Control: ${IMMUTABLE}\n  X-Content-Type-Options: nosniff\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeWorkerAssets();
