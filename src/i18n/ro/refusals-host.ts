// Romanian: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_ro: HostRefusalWords = {
  venue_taken: "„{event}” are deja loc în acest spațiu la {at}, iar spațiul găzduiește o singură sesiune odată. Alegeți altă oră sau alt loc.",
  venue_taken_by: "spațiul este ocupat de „{event}” la {at}",
};
