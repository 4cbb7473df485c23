// Polish: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_pl: HostRefusalWords = {
  check_in_undo_closed: "Lista obecności tych zajęć jest zamknięta, więc nie można cofnąć tego wejścia. Poproś koordynatora o poprawkę.",
  check_in_undo_not_in: "Ta osoba nie jest zapisana jako obecna, więc nie ma czego cofać.",
  register_not_started: "Zajęcia zaczynają się {when}: listę obecności można zamknąć, gdy się rozpoczną.",
  venue_taken: "„{event}” odbywa się już w tym miejscu o {at}, a to miejsce mieści tylko jedne zajęcia naraz. Wybierz inny czas lub miejsce.",
  venue_taken_by: "miejsce jest zajęte przez „{event}” o {at}",
};
