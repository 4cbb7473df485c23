// Polish: the "Get involved" page. Needs a native speaker's review.
import type { InvolveCatalogue } from "../en/involve";

export const involve_pl: InvolveCatalogue = {
  giTitle: "Włącz się",
  giFooterLink: "Włącz się",
  giLead: "Pomóż zdecydować, co robi Open Door. Młodzi ludzie i rodziny planują, sprawdzają i oceniają go razem z nami, jako równi partnerzy.",
  giWhatHeading: "Co znaczy współtworzenie",
  giWhatBody:
    "Współtworzenie to praca razem jako równi partnerzy. To, co wiesz z własnego życia, liczy się tak samo jak to, co pracownicy wiedzą ze swojej pracy. Nikt nie zna wszystkich odpowiedzi, ale razem możemy zrobić coś lepszego.",
  giWaysHeading: "Jak możesz się włączyć",
  giBoardTitle: "Młodzieżowa rada doradcza",
  giBoardBody: "Spotkaj innych młodych ludzi, zdecydujcie, co program zaoferuje dalej, i sprawdźcie, czy zrobiliśmy to, co obiecaliśmy.",
  giInspectorsTitle: "Młodzi inspektorzy",
  giInspectorsBody: "Odwiedź miejsca, z których korzystamy, i powiedz nam, jak są przyjazne: oznaczenia, informacje, ciche miejsca, dojazd autobusem lub samochodem.",
  giCodesignTitle: "Warsztaty współprojektowania",
  giCodesignBody: "Twórz nowe strony, ulotki i zajęcia razem z osobami, które je przygotowują.",
  giGainHeading: "Co z tego masz",
  giGainBody: "Nowe umiejętności i nowe znajomości, coś prawdziwego do CV i usługi, które lepiej działają dla wszystkich.",
  giComingHeading: "Wkrótce",
  giNone: "Na razie nic nie jest zaplanowane. Zajrzyj tu wkrótce albo powiedz nam, co chciałbyś robić.",
  giOtherHeading: "Inne sposoby, by zabrać głos",
  giParents: "Rodzice i opiekunowie: zapytajcie w szkole dziecka, czy działa tam forum rodziców i opiekunów, i przyjdźcie na nasze wydarzenia rodzinne.",
};
