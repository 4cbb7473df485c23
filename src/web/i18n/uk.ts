import type { Catalogue } from "./index";

export const uk: Catalogue = {};
