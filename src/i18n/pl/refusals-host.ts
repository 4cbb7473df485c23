// Polish: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_pl: HostRefusalWords = {
  venue_taken: "„{event}” odbywa się już w tym miejscu o {at}, a to miejsce mieści tylko jedne zajęcia naraz. Wybierz inny czas lub miejsce.",
  venue_taken_by: "miejsce jest zajęte przez „{event}” o {at}",
};
