// The check-in camera's fallback QR reader, for browsers without BarcodeDetector (Safari on
// iPhone, Firefox, Chrome on Windows and Linux). It is the `qr` package's own BarcodeDetector
// ponyfill (qr/decode.js, which imports qr/index.js), the same library that draws our tickets:
// plain JavaScript, no eval, no WebAssembly, nothing fetched from elsewhere. We serve its two
// files unchanged from our origin, so the page's CSP (script-src 'self') holds. scanner.ts
// imports it only when the camera button is pressed and the browser can't read QR codes itself.
//
// Node serves them with the routes below; the Worker carries no copy (its bundle has a size
// budget, issue #19): src/worker-assets.ts writes the same files at the same paths into its
// static assets, which Cloudflare serves before the Worker runs.
import { QR_DECODER_SOURCES } from "#qr-decoder-sources";
// The installed version names the folder: the Worker has no copy of the files to fingerprint, and
// package-lock.json pins one version to one content. (qr's "exports" hide its package.json.)
import { version as QR_VERSION } from "../../../node_modules/qr/package.json";
import type { Api } from "../../lib/env";
import { fingerprint, IMMUTABLE, JAVASCRIPT } from "../assets";

/** The licence travels with the copy we hand out. */
const NOTICE = "/*! qr by Paul Miller (paulmillr.com), MIT License or Apache-2.0: https://github.com/paulmillr/qr */\n";

/** The two files as we serve them, from the installed package's text. */
export const qrDecoderFiles = (sources: { "decode.js": string; "index.js": string }): Record<string, string> => ({
  "decode.js": NOTICE + sources["decode.js"],
  "index.js": NOTICE + sources["index.js"],
});

/** Both files under one fingerprinted folder, so decode.js's `import … from './index.js'` works as is. */
export const QR_DECODER_DIR = `/assets/qr-decoder.${fingerprint(NOTICE + QR_VERSION)}`;
const DIR = QR_DECODER_DIR;

/** The module the scanner imports: it exports `BarcodeDetector`. */
export const QR_DECODER_PATH = `${DIR}/decode.js`;

export function registerQrDecoder(app: Api) {
  // The Worker: its static assets answer these paths (src/worker-assets.ts).
  if (!QR_DECODER_SOURCES) return;
  for (const [name, body] of Object.entries(qrDecoderFiles(QR_DECODER_SOURCES))) {
    app.get(`${DIR}/${name}`, (c) => c.body(body, 200, { "content-type": JAVASCRIPT, "cache-control": IMMUTABLE }));
  }
}
