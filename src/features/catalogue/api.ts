import type { Api } from "../../lib/env";
import { registerEventRoutes } from "./api-events";
import { registerSessionRoutes } from "./routes-sessions";
import { registerVenueRoutes } from "./api-venues";

/** Venues, events and sessions: the public directory and how organisations fill it. */
export function registerCatalogue(api: Api) {
  registerVenueRoutes(api);
  registerEventRoutes(api);
  registerSessionRoutes(api);
}
