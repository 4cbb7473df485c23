// Romanian: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_ro: HostRefusalWords = {
  check_in_undo_closed: "Registrul acestei sesiuni este închis, deci această prezență nu mai poate fi anulată. Cereți unui coordonator să o corecteze.",
  check_in_undo_not_in: "Această persoană nu este înregistrată ca prezentă, deci nu este nimic de anulat.",
  register_not_started: "Sesiunea începe {when}: registrul poate fi închis după ce a început.",
  venue_taken: "„{event}” are deja loc în acest spațiu la {at}, iar spațiul găzduiește o singură sesiune odată. Alegeți altă oră sau alt loc.",
  venue_taken_by: "spațiul este ocupat de „{event}” la {at}",
};
