// Household booking's refusals in this language (English in en/refusals-families.ts). Needs a native speaker's review.
import type { FamilyRefusalWords } from "../en/refusals-families";

export const familyRefusals_pl: FamilyRefusalWords = {
  household_families_only: "Te zajęcia nie są oznaczone jako rodzinne, więc miejsca rezerwuje się pojedynczo.",
  household_session_full: "Niestety, na ten termin nie ma już miejsc. Wybierz inny termin.",
  household_seats_short: "Zostało tylko {seatsLeft} miejsc, a twoje gospodarstwo domowe potrzebuje {wanted}. Wybierz mniej miejsc albo inny termin.",
};
