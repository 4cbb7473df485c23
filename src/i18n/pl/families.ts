// Household booking in this language (English in en/families.ts). Needs a native speaker's review.
import type { FamiliesCatalogue } from "../en/families";

export const families_pl: FamiliesCatalogue = {
  hhTitle: "Zarezerwuj dla swojej rodziny",
  hhIntro: "To wydarzenie rodzinne: mogą przyjść dorośli i dzieci w każdym wieku. Zarezerwuj jedno miejsce dla każdej osoby. Konto potrzebne jest tylko tobie i nie pytamy o imiona dzieci.",
  hhForFamilies: "Dla rodzin: rodzic lub opiekun rezerwuje miejsca dla całej rodziny, dorosłych i dzieci w każdym wieku.",
  hhAdults: "Dorośli, łącznie z tobą",
  hhChildren: "Dzieci",
  hhCountHint: "Najwyżej {max} miejsc w jednej rezerwacji.",
  hhAccess: "Co pomogłoby twojej rodzinie wziąć udział (nieobowiązkowo)",
  hhSubmit: "Zarezerwuj te miejsca",
  hhCountError: "Wpisz liczby całkowite: co najmniej 1 dorosły i nie więcej niż {max} miejsc razem.",
  hhLink: "Zarezerwuj dla swojej rodziny",
};
