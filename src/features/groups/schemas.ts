// The group booking API's request shapes, shared with the school staff's pages.
import { z } from "@hono/zod-openapi";
import { Text } from "../../lib/openapi";

/**
 * Letters of the scripts names arrive in, spelt as ranges because the published `pattern` must
 * work as an ECMAScript regular expression without flags (JSON Schema has none): `\p{L}` needs
 * the `u` flag, and leaked it into the document as a trailing "/u" that refused every name.
 * Latin with its extensions, Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts,
 * Thai, Georgian, Hangul, kana and CJK ideographs.
 */
const LETTER =
  "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u0400-\\u052F\\u0531-\\u0587\\u05D0-\\u05EA\\u0620-\\u06D3\\u0900-\\u0DFF\\u0E00-\\u0E7F\\u10A0-\\u10FF\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7A3";

/** First name and an initial only ("Amira K"): the least a school needs to share (rule 14). */
export const ROSTER_NAME = new RegExp(`^[${LETTER}][${LETTER}'\u2019-]{0,29} [${LETTER}]\\.?$`);

export const RosterName = z
  .string()
  .max(40)
  .trim()
  .regex(ROSTER_NAME, { message: "Use a first name and the first letter of the surname, like 'Amira K'" })
  .openapi({ example: "Amira K" });

export const Roster = z.array(RosterName).max(500);

export const GroupRequest = z
  .object({
    schoolId: z.string().min(1).max(64),
    pupils: z.number().int().min(1).max(500),
    staff: z.number().int().min(1).max(100),
    accessNeeds: Text(1000).optional(),
    roster: Roster.optional(),
  })
  .openapi("GroupBookingRequest");

export const GroupChange = z
  .object({
    pupils: z.number().int().min(1).max(500).optional(),
    staff: z.number().int().min(1).max(100).optional(),
    accessNeeds: Text(1000).optional(),
    roster: Roster.nullable().optional(),
  })
  .openapi("GroupBookingChange");
