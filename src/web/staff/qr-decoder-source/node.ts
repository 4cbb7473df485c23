// Node (tsx, vitest): the decoder's files read from the installed `qr` package, served by the
// app's routes. The Worker serves the same files as static assets instead (worker.ts); package.json
// "imports" picks one by the "workerd" condition.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const read = (file: string) => readFileSync(require.resolve(file), "utf8");

export const QR_DECODER_SOURCES = { "decode.js": read("qr/decode.js"), "index.js": read("qr") };
