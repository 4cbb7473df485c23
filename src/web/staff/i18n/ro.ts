import type { StaffCatalogue } from "./index";

export const ro: StaffCatalogue = {};
