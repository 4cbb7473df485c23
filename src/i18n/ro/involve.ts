// Romanian: the "Get involved" page. Needs a native speaker's review.
import type { InvolveCatalogue } from "../en/involve";

export const involve_ro: InvolveCatalogue = {
  giTitle: "Implică-te",
  giFooterLink: "Implică-te",
  giLead: "Ajută-ne să decidem ce face Open Door. Tinerii și familiile îl plănuiesc, îl încearcă și îl evaluează împreună cu noi, ca parteneri egali.",
  giWhatHeading: "Ce înseamnă co-producția",
  giWhatBody:
    "Co-producția înseamnă să lucrăm împreună ca parteneri egali. Ce știi din propria viață contează la fel de mult ca ce știe personalul din meseria lui. Nimeni nu are toate răspunsurile, dar împreună putem face ceva mai bun.",
  giWaysHeading: "Cum poți lua parte",
  giBoardTitle: "Consiliul consultativ al tinerilor",
  giBoardBody: "Întâlnește alți tineri ca să decideți ce oferă programul în continuare și verificați dacă am făcut ce am spus.",
  giInspectorsTitle: "Tineri inspectori",
  giInspectorsBody: "Vizitează locurile pe care le folosim și spune-ne cât de primitoare sunt: indicatoare, informații, spații liniștite, cum ajungi cu autobuzul sau cu mașina.",
  giCodesignTitle: "Ateliere de creație împreună",
  giCodesignBody: "Dă formă paginilor, pliantelor și activităților noi împreună cu oamenii care le fac.",
  giGainHeading: "Ce câștigi",
  giGainBody: "Abilități noi și oameni noi, ceva adevărat pentru CV-ul tău și servicii care funcționează mai bine pentru toată lumea.",
  giComingHeading: "Urmează",
  giNone: "Deocamdată nu este nimic planificat. Revino curând sau spune-ne ce ți-ar plăcea să faci.",
  giOtherHeading: "Alte moduri de a-ți spune părerea",
  giParents: "Părinți și îngrijitori: întrebați la școala copilului dacă are un forum al părinților și îngrijitorilor și veniți la evenimentele noastre pentru familii.",
};
