import type { translationsEn } from "../en/translations";

export const translationsPl: Partial<Record<keyof typeof translationsEn, string>> = {
  trOptional: "(opcjonalnie)",
  trSummary: "Po polsku, rumuńsku, ukraińsku i arabsku (opcjonalnie)",
  trHint: "Jeśli zostawisz pole puste, osoby czytające w tym języku zobaczą tekst angielski, oznaczony jako angielski dla czytników ekranu.",
  trTitle: "Tytuł",
  trDescription: "Opis",
  trWhatToBring: "Co zabrać",
  trWhatToBringEn: "Co zabrać (po angielsku, opcjonalnie)",
  trErrWhatToBring: "Napisz też po angielsku, co zabrać, albo zostaw puste we wszystkich językach",
  trErrTooLong: "Ten tekst jest za długi: skróć go",
  trTransportEn: "Dojazd autobusem, pociągiem lub pieszo (po angielsku)",
  trDirections: "Jak wejść (które drzwi, które piętro, kogo zapytać)",
  trDirectionsEn: "Jak wejść (po angielsku, opcjonalnie)",
  trFindingWayIn: "Jak wejść",
  trBioEn: "O mentorze (po angielsku, opcjonalnie)",
  trBio: "O mentorze",
  trErrEnglishToo: "Napisz to też po angielsku albo zostaw puste we wszystkich językach",
};
