/**
 * Characters that make text read differently from what it is: C0 and C1 controls (NUL, CR/LF,
 * escape sequences) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), with which "Amira K" can display as another name on a printed register.
 * The implicit marks (U+200E/U+200F) stay allowed: Arabic and mixed text legitimately uses them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/gu;
const BIDI_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/gu;

/** True when a one-line value (a name, a title) holds a control or bidirectional override character. */
export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

/**
 * An email header value (a Subject) built from people's text: every control character becomes a
 * space, so a title ending in "\r\nBcc: …" cannot add a header, and overrides are dropped.
 */
export function headerValue(value: string): string {
  return value.replace(BIDI_OVERRIDES, "").replace(CONTROLS, " ").replace(/ {2,}/g, " ").trim();
}
