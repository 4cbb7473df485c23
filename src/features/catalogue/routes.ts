import type { Api } from "../../lib/env";
import { registerEventRoutes } from "./routes-events";
import { registerSessionRoutes } from "./routes-sessions";
import { registerVenueRoutes } from "./routes-venues";

/** Venues, events and sessions: the public directory and how organisations fill it. */
export function registerCatalogue(api: Api) {
  registerVenueRoutes(api);
  registerEventRoutes(api);
  registerSessionRoutes(api);
}
