// Polish: machine-assisted, needs a native speaker's review.
import type { joinEn } from "../en/join";

export const joinPl: Partial<typeof joinEn> = {
  errBadRequestTitle: "Nie udało się tego odczytać",
  errNotAllowedTitle: "Tego nie można tu zrobić",
  errTooLargeTitle: "Przesłano za dużo danych",
  errTooManyTitle: "Poczekaj chwilę",
  errTooManyBody: "W krótkim czasie było zbyt wiele prób. Poczekaj {seconds} s i spróbuj ponownie.",
  errFaultTitle: "Coś poszło nie tak",
  errProblemTitle: "Nie udało się tego zrobić",
  errGoHome: "Przejdź do strony głównej",
  errGoBack: "Wróć do formularza",
};
