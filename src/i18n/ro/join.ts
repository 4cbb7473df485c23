// Romanian: machine-assisted, needs a native speaker's review.
import type { joinEn } from "../en/join";

export const joinRo: Partial<typeof joinEn> = {
  errBadRequestTitle: "Nu am putut citi asta",
  errNotAllowedTitle: "Acest lucru nu se poate face aici",
  errTooLargeTitle: "Ai trimis prea mult",
  errTooManyTitle: "Te rugăm să aștepți puțin",
  errTooManyBody: "Ai încercat de prea multe ori într-un timp scurt. Așteaptă {seconds} secunde, apoi încearcă din nou.",
  errFaultTitle: "Ceva nu a mers bine",
  errProblemTitle: "Nu am putut face asta",
  errGoHome: "Mergi la pagina principală",
  errGoBack: "Înapoi la formular",
};
