// The check-in camera's fallback QR reader, for browsers without BarcodeDetector (Safari on
// iPhone, Firefox, Chrome on Windows and Linux). It is the `qr` package's own BarcodeDetector
// ponyfill (qr/decode.js, which imports qr/index.js), the same library that draws our tickets:
// plain JavaScript, no eval, no WebAssembly, nothing fetched from elsewhere. We serve its two
// files unchanged from our origin, so the page's CSP (script-src 'self') holds. scanner.ts
// imports it only when the camera button is pressed and the browser can't read QR codes itself.
import { QR_DECODER_SOURCES } from "#qr-decoder-sources";
import type { Api } from "../../lib/env";
import { fingerprint, IMMUTABLE, JAVASCRIPT } from "../assets";

/** The licence travels with the copy we hand out. */
const NOTICE = "/*! qr by Paul Miller (paulmillr.com), MIT License or Apache-2.0: https://github.com/paulmillr/qr */\n";

const FILES: Record<string, string> = {
  "decode.js": NOTICE + QR_DECODER_SOURCES["decode.js"],
  "index.js": NOTICE + QR_DECODER_SOURCES["index.js"],
};

/** Both files under one fingerprinted folder, so decode.js's `import … from './index.js'` works as is. */
const DIR = `/assets/qr-decoder.${fingerprint(FILES["decode.js"]! + FILES["index.js"]!)}`;

/** The module the scanner imports: it exports `BarcodeDetector`. */
export const QR_DECODER_PATH = `${DIR}/decode.js`;

export function registerQrDecoder(app: Api) {
  for (const [name, body] of Object.entries(FILES)) {
    app.get(`${DIR}/${name}`, (c) => c.body(body, 200, { "content-type": JAVASCRIPT, "cache-control": IMMUTABLE }));
  }
}
