// The staff areas' catalogues, merged into the site's (src/web/i18n/index.ts), and a typed way
// for staff pages to read them that falls back to English string by string.
import { fill } from "../../i18n";
import type { Plural } from "../../i18n/en";
import type { View } from "../../view";
import { staffCatalogues } from "./catalogues";
import { staffEn, type StaffMessages } from "./en";

export type StaffCatalogue = Partial<StaffMessages>;

type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
export type StaffKey = KeysOfType<StaffMessages, string>;
export type StaffPluralKey = KeysOfType<StaffMessages, Plural>;

export interface StaffText {
  t(key: StaffKey, vars?: Record<string, string | number>): string;
  plural(key: StaffPluralKey, n: number, vars?: Record<string, string | number>): string;
}

export function staffText(view: View): StaffText {
  const own = staffCatalogues[view.t.locale];
  const rules = new Intl.PluralRules(view.t.locale);
  return {
    t: (key, vars) => fill((own[key] ?? staffEn[key]) as string, vars),
    plural(key, n, vars = {}) {
      const forms = (own[key] ?? staffEn[key]) as Plural;
      return fill(forms[rules.select(n)] ?? forms.other, { n: n.toLocaleString(view.t.locale), ...vars });
    },
  };
}
