import type { Api } from "../../lib/env";
import { registerEventRoutes } from "./api-events";
import { registerVenueRoutes } from "./api-venues";

/** Venues and events: the public directory and how organisations fill it (sessions: features/sessions). */
export function registerCatalogue(api: Api) {
  registerVenueRoutes(api);
  registerEventRoutes(api);
}
