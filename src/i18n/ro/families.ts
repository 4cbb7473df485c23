// Household booking in this language (English in en/families.ts). Needs a native speaker's review.
import type { FamiliesCatalogue } from "../en/families";

export const families_ro: FamiliesCatalogue = {
  hhTitle: "Rezervați pentru familia dvs.",
  hhIntro: "Acesta este un eveniment pentru familii: pot veni adulți și copii de orice vârstă. Rezervați câte un loc pentru fiecare persoană. Doar dvs. aveți nevoie de cont și nu cerem numele copiilor.",
  hhForFamilies: "Pentru familii: un părinte sau îngrijitor rezervă locuri pentru toată familia, adulți și copii de orice vârstă.",
  hhAdults: "Adulți care vin, inclusiv dvs.",
  hhChildren: "Copii care vin",
  hhCountHint: "Cel mult {max} locuri într-o rezervare.",
  hhAccess: "Ce ar ajuta familia dvs. să participe (opțional)",
  hhSubmit: "Rezervați aceste locuri",
  hhCountError: "Introduceți numere întregi: cel puțin 1 adult și cel mult {max} locuri în total.",
  hhLink: "Rezervați pentru familia dvs.",
};
