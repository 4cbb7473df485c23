// Workers: no copy of the decoder in the bundle (issue #19: its two files were 45 KiB of the gzip
// Worker). src/worker-assets.ts writes them into the Worker's static assets at the same path
// (qr-decoder.ts), which Cloudflare serves before the Worker runs; node.ts says what Node does.
export const QR_DECODER_SOURCES = null;
