import type { StaffCatalogue } from "./index";

export const pl: StaffCatalogue = {};
