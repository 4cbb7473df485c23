// A leaf module (no runtime imports of the site's i18n) so the site's catalogue can merge it
// without an import cycle.
import type { Locale } from "../../../db/schema";
import { ar } from "./ar";
import { staffEn } from "./en";
import { pl } from "./pl";
import { ro } from "./ro";
import { uk } from "./uk";
import type { StaffCatalogue } from "./index";

export const staffCatalogues = { en: staffEn, pl, ro, uk, ar } satisfies Record<Locale, StaffCatalogue>;
