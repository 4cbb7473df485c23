// Stands in for zod's `locales/index.js` in the Worker bundle only (wrangler.toml [alias]):
// error messages in 64 languages, 261 KiB of the gzip bundle (issue #19). zod itself still
// imports its English messages directly (classic/schemas.js → locales/en.js), and our
// refusals are worded by src/i18n, never by zod's locales, so nothing reads `z.locales`.
export {};
