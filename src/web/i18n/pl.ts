import type { Catalogue } from "./index";

export const pl: Catalogue = {};
