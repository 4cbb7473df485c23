// Stands in for rrule's `nlp/index` in the Worker bundle only (wrangler.toml [alias]): the English
// sentences for rules (RRule#toText, RRule.fromText, RRule.parseText), about 3.4 KiB of the gzip
// bundle (issue #19). src/lib/recurrence.ts, the app's only use of rrule, parses RRULE strings and
// lists their dates; nothing words a rule in English or reads one from English.
const absent = (name: string) => () => {
  throw new Error(`rrule's ${name} is not in the Worker's bundle (src/worker-stubs/rrule-nlp.ts): nothing in the app words rules in English.`);
};

export const fromText = absent("fromText");
export const parseText = absent("parseText");
export const toText = absent("toText");
export const isFullyConvertible = absent("isFullyConvertibleToText");
