import type { Catalogue } from "../en/emails";

export const pl: Catalogue = {
  moment: "{day}, {time}",
  span: "{start}–{end}",

  joinOnline: "Dołącz online",
  onlineLinkLater: "To spotkanie jest online. Link dostaje tylko młoda osoba.",
  access: "Dostępność",
  accessUnknown: "Napisz do nas, jeśli potrzebujesz pomocy z wejściem.",
  ticket: "Twój kod biletu",
  manage: "Zobacz lub odwołaj rezerwację",
  view: "Zobacz rezerwację",
  contact: "Pytania? Napisz na {email}.",
  calendarNote: "Otwórz załączony plik, aby dodać to do kalendarza.",
  calendarCancelNote: "Otwórz załączony plik, aby usunąć to z kalendarza.",

  confirmedSubject: "Masz miejsce: {title}",
  confirmedHeading: "Masz miejsce",
  confirmedIntro: "Masz miejsce na: {title}.",

  pendingSubject: "Trzymamy dla Ciebie miejsce: {title}",
  pendingHeading: "Trzymamy dla Ciebie miejsce",
  pendingIntro: "Najpierw rodzic lub opiekun musi się zgodzić. Wysłaliśmy mu e-mail.",
  pendingHold: "Trzymamy miejsce do: {deadline}.",

  consentSubject: "Czy {name} może pójść na: {title}?",
  consentHeading: "Czy {name} może pójść?",
  consentRequestIntro: "{name} chce pójść na: {title}. Najpierw potrzebujemy zgody rodzica lub opiekuna.",
  consentButton: "Odpowiedz tak lub nie",
  consentDeadline: "Odpowiedz do: {deadline}. Jeśli nie odpowiesz, miejsce dostanie ktoś inny.",
  consentIgnore: "Jeśli nie znasz osoby {name}, zignoruj ten e-mail.",

  refusedSubject: "Miejsce nie zostało potwierdzone: {title}",
  refusedHeading: "Miejsce nie zostało potwierdzone",
  refusedRefused: "Rodzic lub opiekun się nie zgodził, więc zwolniliśmy miejsce.",
  refusedExpired: "Rodzic lub opiekun nie odpowiedział na czas, więc zwolniliśmy miejsce.",
  refusedNext: "Możesz poszukać innego terminu.",

  waitlistedSubject: "Jesteś na liście oczekujących: {title}",
  waitlistedHeading: "Jesteś na liście oczekujących",
  waitlistedIntro: "Na {title} nie ma teraz miejsc. Jesteś numer {position} na liście oczekujących.",
  waitlistedNext: "Gdy zwolni się miejsce, od razu napiszemy.",

  offerSubject: "Jest dla Ciebie miejsce: {title}",
  offerHeading: "Jest dla Ciebie miejsce",
  offerIntro: "Zwolniło się miejsce na: {title}. Jest Twoje, jeśli chcesz.",
  offerDeadline: "Potwierdź do: {deadline}. Potem zaproponujemy je następnej osobie.",
  offerButton: "Biorę miejsce",

  offerExpiredSubject: "Oferta wygasła: {title}",
  offerExpiredHeading: "Oferta wygasła",
  offerExpiredIntro: "Nie potwierdziłeś(-aś) miejsca na {title} na czas, więc zaproponowaliśmy je następnej osobie.",

  cancelledSubject: "Rezerwacja odwołana: {title}",
  cancelledHeading: "Rezerwacja odwołana",
  cancelledIntro: "Twoje miejsce na {title} zostało odwołane. Nie musisz nic więcej robić.",

  changedSubject: "Zmiana terminu lub miejsca: {title}",
  changedHeading: "Spotkanie się zmieniło",
  changedIntro: "Zmienił się czas lub miejsce: {title}. Twoje miejsce jest nadal zarezerwowane. Oto nowe szczegóły.",

  sessionCancelledSubject: "Odwołane: {title}",
  sessionCancelledHeading: "To spotkanie jest odwołane",
  sessionCancelledIntro: "Przepraszamy. {title} ({when}) się nie odbędzie. Nie musisz nic robić.",

  groupConfirmedSubject: "Grupa zarezerwowana: {title}",
  groupConfirmedHeading: "Grupa zarezerwowana",
  groupConfirmedIntro: "Grupa ze szkoły {school} ma miejsca na: {title}.",
  groupChangedSubject: "Zmiana rezerwacji grupy: {title}",
  groupChangedHeading: "Rezerwacja grupy się zmieniła",
  groupChangedIntro: "Zmieniliśmy liczbę osób w grupie na: {title}.",
  groupCancelledSubject: "Rezerwacja grupy odwołana: {title}",
  groupCancelledHeading: "Rezerwacja grupy odwołana",
  groupCancelledIntro: "Miejsca dla grupy ze szkoły {school} na {title} zostały odwołane.",

  reminderSubject: "Przypomnienie: {title}, {when}",
  reminderHeading: "Do zobaczenia wkrótce",
  reminderIntro: "Przypominamy o: {title}.",

  mentoringWith: "Mentoring z: {mentor}",
  mentoringConfirmedSubject: "Mentoring zarezerwowany: {when}",
  mentoringConfirmedHeading: "Mentoring zarezerwowany",
  mentoringYoungPersonIntro: "Masz spotkanie mentoringowe z: {mentor}.",
  mentoringMentorIntro: "{name} zarezerwował(a) spotkanie mentoringowe z Tobą.",
  mentoringSafeguardingIntro: "Do wiadomości: {name} zarezerwował(a) mentoring z: {mentor}.",
  mentoringGuardianIntro: "{name} zarezerwował(a) mentoring z: {mentor}. Informujemy, bo ta osoba ma mniej niż 16 lat.",
  mentoringCancelledSubject: "Mentoring odwołany: {when}",
  mentoringCancelledHeading: "Mentoring odwołany",
  mentoringCancelledIntro: "Spotkanie mentoringowe ({name} i {mentor}) zostało odwołane.",

  feedbackSubject: "Jak było na: {title}?",
  feedbackInvitationHeading: "Powiedz nam, jak było",
  feedbackIntro: "Dziękujemy za udział w: {title}. Co się udało? Co można poprawić? To zajmie 2 minuty.",
  feedbackInvitationAnonymous: "Możesz odpowiedzieć bez podawania imienia.",
  feedbackButton: "Podziel się opinią",

  magicLinkSubject: "Twój link do logowania w Open Door",
  magicLinkHeading: "Zaloguj się do Open Door",
  magicLinkIntro: "Kliknij przycisk, aby się zalogować.",
  magicLinkButton: "Zaloguj się",
  magicLinkExpiry: "Link działa jeden raz i wygasa po 15 minutach.",
  magicLinkIgnore: "Jeśli to nie Ty, zignoruj tę wiadomość.",
};
