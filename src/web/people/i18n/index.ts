// The people pages' strings, merged into the site's catalogues in src/web/i18n/index.ts.
import { peopleEn } from "./en";
import { people_ar } from "./ar";
import { people_pl } from "./pl";
import { people_ro } from "./ro";
import { people_uk } from "./uk";

export type PeopleCatalogue = Partial<typeof peopleEn>;

export const people = { en: peopleEn, pl: people_pl, ro: people_ro, uk: people_uk, ar: people_ar };
