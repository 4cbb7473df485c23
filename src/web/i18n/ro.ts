import type { Catalogue } from "./index";

export const ro: Catalogue = {};
