// The message catalogue, shared by the emails and (later) the website.
import type { Locale } from "../../src/db/schema";
import { ar } from "./ar";
import { en, type Catalogue, type MessageKey } from "./en";
import { pl } from "./pl";
import { ro } from "./ro";
import { uk } from "./uk";

export type { MessageKey } from "./en";

export const CATALOGUES: Record<Locale, Catalogue> = { en, pl, ro, uk, ar };

/**
 * One string in the reader's language, falling back to English string by string, so a
 * translation that lags behind shows English for the missing line, never a key or a blank.
 * Values are inserted as given: callers escape for HTML afterwards (the layout does).
 */
export function message(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
