// Household booking's refusals in this language (English in en/refusals-families.ts). Needs a native speaker's review.
import type { FamilyRefusalWords } from "../en/refusals-families";

export const familyRefusals_ro: FamilyRefusalWords = {
  household_families_only: "Această activitate nu este marcată pentru familii, așa că locurile se rezervă câte unul.",
  household_session_full: "Ne pare rău, această sesiune este plină. Alegeți altă dată.",
  household_seats_short: "Au mai rămas doar {seatsLeft} locuri, iar familia dvs. are nevoie de {wanted}. Încercați mai puține locuri sau altă dată.",
};
