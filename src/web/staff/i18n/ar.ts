import type { StaffCatalogue } from "./index";

export const ar: StaffCatalogue = {};
