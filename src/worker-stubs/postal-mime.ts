// Stands in for `postal-mime` in the Worker bundle only (wrangler.toml [alias]). The Resend SDK
// imports it for one method, forwarding *inbound* mail, which Open Door never calls: we only
// send. It was 71 KiB of the gzip bundle the isolate parses on every cold start (issue #19).
// Node keeps the real package (npm start never bundles).
export default {
  parse(): never {
    throw new Error("Parsing inbound mail is not part of the Open Door Worker (see src/worker-stubs/postal-mime.ts).");
  },
};
