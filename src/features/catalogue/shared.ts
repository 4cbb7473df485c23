// Small pieces every catalogue route shares: locale text, search text, cursors, time strings.
import { LOCALES, type Locale, type LocalisedText } from "../../db/schema";
import { field, refuse } from "../../lib/refusal";

/**
 * All locales' titles and descriptions, lower-cased in JS (SQLite's lower() only folds
 * ASCII, and Polish, Ukrainian and Romanian titles need real case folding).
 */
export function searchTextFor(title: LocalisedText, description: LocalisedText): string {
  const parts: string[] = [];
  for (const locale of LOCALES) {
    if (title[locale]) parts.push(title[locale]!);
    if (description[locale]) parts.push(description[locale]!);
  }
  return parts.join("\n").toLowerCase();
}

/** The text in `lang`, falling back to English, which is always present. */
export function resolveText(text: LocalisedText, lang: Locale): string {
  return text[lang] || text.en;
}

/** Opaque cursors: the sort key of the last row seen, base64url so clients don't depend on it. */
export function encodeCursor(lastId: string): string {
  return btoa(JSON.stringify({ after: lastId })).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/"))) as { after?: unknown };
    if (typeof parsed.after === "string" && parsed.after.length <= 64) return parsed.after;
  } catch {
    // fall through to the refusal below
  }
  throw refuse("cursor_invalid", {}, { fields: [field("cursor", "not_our_cursor")] });
}

/** Rule 1's free seats, for the pages and the API. */
export { seatsLeft } from "../../rules/capacity";
