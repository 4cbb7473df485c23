// Romanian: the host partners' area (English in en/host.ts). Needs a native speaker's review.
import type { HostCatalogue } from "../en/host";

export const host_ro: HostCatalogue = {
  hostAreaTitle: "{name}: sesiunile pe care le găzduiți",
  hostAreaLink: "Partener gazdă: {name}",
  hostIntro: "Activitățile pe care le găzduiți, cine vine și de ce are nevoie. Deschideți registrul unei sesiuni pentru a înregistra sosirile.",
  hostNoEvents: "Nu găzduiți încă nicio activitate. Coordonatorii Open Door le adaugă împreună cu dumneavoastră.",
  hostNoSessions: "Nicio sesiune în ultima săptămână sau în perioada următoare.",
  hostRegisterLink: "Registru și înregistrare la intrare",
  hostRegisterTitle: "Registru",
  hostCheckInName: "Înregistrează sosirea",
  hostUndo: "Anulează",
  hostInAt: "Sosit la {time}",
  hostCodeLink: "Înregistrare cu codul biletului sau cu camera",
  hostCloseHeading: "Închideți registrul",
  hostCloseIntro: "Când au sosit toți cei care vin: persoanele neînregistrate sunt trecute ca absente, iar toți cei veniți primesc acum formularul de feedback.",
  hostCloseButton: "Închideți registrul acum",
  hostClosed: "Registru închis: {noShows} nu au venit, {invited} invitați să dea feedback.",
  hostUndone: "Sosirea lui {name} a fost anulată.",
  hostYourAreas: "Zonele dumneavoastră",
  hostSwitchArea: "Schimbați zona",
  hostMyGroups: "{name}: grupurile școlii dumneavoastră",
  hostMyGroupsLink: "Gestionați grupurile: {name}",
  hostCancelReason: "De ce este anulată?",
  hostCancelReasonHint: "Opțional, cel mult 500 de caractere. Apare în e-mail, împreună cu celelalte date ale acestei activități care mai au locuri.",
  hostCancelReasonErr: "Motivul poate avea cel mult 500 de caractere.",
};
