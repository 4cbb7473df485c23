// Polish: the host partners' area (English in en/host.ts). Needs a native speaker's review.
import type { HostCatalogue } from "../en/host";

export const host_pl: HostCatalogue = {
  hostAreaTitle: "{name}: zajęcia, które prowadzisz",
  hostAreaLink: "Partner prowadzący: {name}",
  hostIntro: "Zajęcia, które prowadzisz, kto przyjdzie i czego potrzebuje. Otwórz listę obecności zajęć, aby odnotować przybyłych.",
  hostNoEvents: "Nie prowadzisz jeszcze żadnych zajęć. Koordynatorzy Open Door dodają je razem z Tobą.",
  hostNoSessions: "Brak zajęć w ostatnim tygodniu ani w najbliższym czasie.",
  hostRegisterLink: "Lista obecności",
  hostRegisterTitle: "Lista obecności",
  hostCheckInName: "Odnotuj wejście",
  hostUndo: "Cofnij",
  hostInAt: "Wejście o {time}",
  hostCodeLink: "Odnotuj wejście kodem z biletu lub kamerą",
  hostCloseHeading: "Zamknij listę obecności",
  hostCloseIntro: "Gdy wszyscy, którzy mieli przyjść, już są: osoby bez odnotowanego wejścia zostaną zapisane jako nieobecne, a wszyscy obecni dostaną teraz formularz opinii.",
  hostCloseButton: "Zamknij listę obecności teraz",
  hostClosed: "Lista zamknięta: nieobecni {noShows}, zaproszeni do wyrażenia opinii {invited}.",
  hostUndone: "Cofnięto wejście: {name}.",
  hostYourAreas: "Twoje obszary",
  hostSwitchArea: "Zmień obszar",
  hostMyGroups: "{name}: grupy Twojej szkoły",
  hostMyGroupsLink: "Zarządzaj grupami: {name}",
  hostCancelReason: "Dlaczego sesja jest odwołana?",
  hostCancelReasonHint: "Nieobowiązkowe, najwyżej 500 znaków. Trafi do e-maila razem z innymi terminami tego zajęcia, na które są jeszcze miejsca.",
  hostCancelReasonErr: "Powód może mieć najwyżej 500 znaków.",
};
