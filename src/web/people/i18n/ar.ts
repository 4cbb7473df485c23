import type { PeopleCatalogue } from "./index";

export const people_ar: PeopleCatalogue = {};
