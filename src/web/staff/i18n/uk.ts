import type { StaffCatalogue } from "./index";

export const uk: StaffCatalogue = {};
