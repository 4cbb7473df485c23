// Text staff write in five languages (event text, venue directions, mentor bios): one box per
// language in a form, read back from a post, and turned into the API's LocalisedText.
// English is the one every reader can fall back to; the other four are optional.
import type { Locale, LocalisedText } from "../../db/schema";
import { str, type FieldMessages } from "./ui";
import type { StringKey } from "../../i18n";

export const TRANSLATED = ["pl", "ro", "uk", "ar"] as const satisfies readonly Locale[];
export type Texts = Record<Locale, string>;
export const emptyTexts = (): Texts => ({ en: "", pl: "", ro: "", uk: "", ar: "" });

/** A post's boxes for one field: `name` is the English box, `name_pl` … the translations. */
export const readTexts = (body: Record<string, unknown>, name: string): Texts => ({
  en: str(body[name]),
  pl: str(body[`${name}_pl`]),
  ro: str(body[`${name}_ro`]),
  uk: str(body[`${name}_uk`]),
  ar: str(body[`${name}_ar`]),
});

export const textsOf = (text: Partial<Record<Locale, string>> | null | undefined): Texts => ({ ...emptyTexts(), ...text });

/** The API's shape: English always (the schema refuses it empty), translations only when written. */
export function localised(texts: Texts): LocalisedText {
  const out: LocalisedText = { en: texts.en };
  for (const l of TRANSLATED) if (texts[l].trim()) out[l] = texts[l];
  return out;
}

/** An optional text: null when every box is empty; translations without English go to the schema, which refuses them. */
export const optionalLocalised = (texts: Texts): LocalisedText | null => (Object.values(texts).some((v) => v.trim()) ? localised(texts) : null);

/**
 * Field messages for the translation boxes: an error at path `name.pl` lands on `name_pl`, one at
 * `name.en` (or `name`) on the English box with `english` (e.g. "write it in English too").
 */
export function translationMessages(name: string, english: StringKey, englishBox: StringKey = english, tooLong: StringKey = "trErrTooLong"): FieldMessages {
  return Object.fromEntries([[name, english], [`${name}_en`, { field: name, key: englishBox }], ...TRANSLATED.map((l) => [`${name}_${l}`, tooLong])]);
}
