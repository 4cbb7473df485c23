// The boxes for text in the four languages after English, a fieldset per language so a
// translator fills in one language at a time. Each box carries the language it is written in
// (lang, dir), so the browser's spellcheck, keyboard hints and screen readers use that language.
import { dirOf, LOCALE_NAMES, type StringKey } from "../../../i18n";
import type { View } from "../../view";
import { TRANSLATED, type Texts } from "../translations";
import { Field, type FormErrors } from "../ui";

export interface TextField {
  name: string;
  label: StringKey;
  maxlength: number;
  /** Rows of a textarea; a one-line input when absent. */
  rows?: number;
}

export function TranslationFieldsets({ view, fields, values, errors }: { view: View; fields: TextField[]; values: Record<string, Texts>; errors: FormErrors }) {
  const s = view.t;
  // Folded away until used, so a form stays short for someone writing English only; open
  // whenever a translation is written or refused, so nothing typed or wrong is hidden.
  const open = fields.some((f) => TRANSLATED.some((l) => values[f.name]?.[l] || errors.fields[`${f.name}_${l}`]));
  return (
    <details class="translations" open={open}>
      <summary>{s.t("trSummary")}</summary>
      <p class="hint">{s.t("trHint")}</p>
      {TRANSLATED.map((l) => (
        <fieldset>
          <legend>
            <span lang={l} dir={dirOf(l)}>
              {LOCALE_NAMES[l]}
            </span>{" "}
            {s.t("trOptional")}
          </legend>
          {fields.map((f) => {
            const id = `${f.name}_${l}`;
            const value = values[f.name]?.[l] ?? "";
            return (
              <Field id={id} label={s.t(f.label)} errors={errors}>
                {(aria) =>
                  f.rows ? (
                    <textarea id={id} name={id} lang={l} dir={dirOf(l)} rows={f.rows} maxlength={f.maxlength} {...aria}>
                      {value}
                    </textarea>
                  ) : (
                    <input type="text" id={id} name={id} lang={l} dir={dirOf(l)} maxlength={f.maxlength} value={value} {...aria} />
                  )
                }
              </Field>
            );
          })}
        </fieldset>
      ))}
    </details>
  );
}
