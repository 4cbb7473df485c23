// Workers (wrangler's esbuild, vitest's workers pool): the decoder's files as text modules (node.ts says why).
// `?raw` is Vite's text import; wrangler.toml has a Text rule for the same suffix.
import decode from "qr/decode.js?raw";
import index from "qr?raw";

export const QR_DECODER_SOURCES = { "decode.js": decode, "index.js": index };
