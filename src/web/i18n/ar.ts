import type { Catalogue } from "./index";

export const ar: Catalogue = {};
