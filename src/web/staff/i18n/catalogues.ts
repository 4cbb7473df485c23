// A leaf module (no runtime imports of the site's i18n) so the site's catalogue can merge it
// without an import cycle.
import type { Locale } from "../../../db/schema";
import type { Catalogue } from "../../i18n";
import { ar } from "./ar";
import { staffEn } from "./en";
import { pl } from "./pl";
import { ro } from "./ro";
import { uk } from "./uk";
import type { StaffCatalogue } from "./index";

export const staffCatalogues: Record<Locale, StaffCatalogue> = { en: staffEn, pl, ro, uk, ar };

/** The same strings typed as the site's catalogue, for the merge in src/web/i18n/index.ts. */
export const staffForSite = staffCatalogues as unknown as Record<Locale, Catalogue>;
