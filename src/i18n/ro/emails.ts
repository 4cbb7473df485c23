import type { Catalogue } from "../en/emails";

export const ro: Catalogue = {
  moment: "{day}, {time}",
  span: "{start}–{end}",

  joinOnline: "Intră online",
  onlineLinkLater: "Sesiunea este online. Linkul îl primește doar tânărul.",
  access: "Acces",
  accessUnknown: "Scrie-ne dacă ai nevoie de ajutor la intrare.",
  ticket: "Codul biletului tău",
  manage: "Vezi sau anulează rezervarea",
  view: "Vezi rezervarea",
  contact: "Întrebări? Scrie la {email}.",
  calendarNote: "Deschide fișierul atașat ca să adaugi asta în calendar.",
  calendarCancelNote: "Deschide fișierul atașat ca să scoți asta din calendar.",

  confirmedSubject: "Ai un loc rezervat: {title}",
  confirmedHeading: "Ai un loc rezervat",
  confirmedIntro: "Ai un loc la {title}.",

  pendingSubject: "Îți păstrăm locul: {title}",
  pendingHeading: "Îți păstrăm locul",
  pendingIntro: "Mai întâi, părintele sau îngrijitorul tău trebuie să fie de acord. I-am trimis un email.",
  pendingHold: "Îți păstrăm locul până {deadline}.",

  consentSubject: "Poate {name} să vină la {title}?",
  consentHeading: "Poate {name} să vină?",
  consentRequestIntro: "{name} vrea să vină la {title}. Mai întâi avem nevoie de acordul unui părinte sau îngrijitor.",
  consentButton: "Răspunde da sau nu",
  consentDeadline: "Te rugăm să răspunzi până {deadline}. Dacă nu răspunzi, locul merge la altcineva.",
  consentIgnore: "Dacă nu o cunoști pe persoana {name}, poți ignora acest email.",

  refusedSubject: "Locul nu a fost confirmat: {title}",
  refusedHeading: "Locul nu a fost confirmat",
  refusedRefused: "Părintele sau îngrijitorul a spus nu, așa că am eliberat locul.",
  refusedExpired: "Nu am primit răspuns la timp de la părinte sau îngrijitor, așa că am eliberat locul.",
  refusedNext: "Poți căuta altă sesiune care ți se potrivește.",

  waitlistedSubject: "Ești pe lista de așteptare: {title}",
  waitlistedHeading: "Ești pe lista de așteptare",
  waitlistedIntro: "{title} nu mai are locuri acum. Ești numărul {position} pe lista de așteptare.",
  waitlistedNext: "Dacă se eliberează un loc, îți scriem imediat.",

  offerSubject: "Un loc e liber pentru tine: {title}",
  offerHeading: "Un loc e liber pentru tine",
  offerIntro: "S-a eliberat un loc la {title}. E al tău dacă îl vrei.",
  offerDeadline: "Spune da până {deadline}. După aceea îl oferim următoarei persoane.",
  offerButton: "Iau locul",

  offerExpiredSubject: "Oferta a expirat: {title}",
  offerExpiredHeading: "Oferta a expirat",
  offerExpiredIntro: "Nu ai luat locul la {title} la timp, așa că l-am oferit următoarei persoane.",

  cancelledSubject: "Rezervarea ta este anulată: {title}",
  cancelledHeading: "Rezervarea ta este anulată",
  cancelledIntro: "Locul tău la {title} este anulat. Nu mai trebuie să faci nimic.",

  changedSubject: "Sesiunea ta s-a schimbat: {title}",
  changedHeading: "Sesiunea ta s-a schimbat",
  changedIntro: "Ora sau locul pentru {title} s-a schimbat. Locul tău rămâne rezervat. Iată noile detalii.",

  sessionCancelledSubject: "Anulat: {title}",
  sessionCancelledHeading: "Această sesiune este anulată",
  sessionCancelledIntro: "Ne pare rău. {title} de {when} nu mai are loc. Nu trebuie să faci nimic.",

  groupConfirmedSubject: "Grupul tău este rezervat: {title}",
  groupConfirmedHeading: "Grupul tău este rezervat",
  groupConfirmedIntro: "Grupul de la {school} are locuri la {title}.",
  groupChangedSubject: "Rezervarea grupului s-a schimbat: {title}",
  groupChangedHeading: "Rezervarea grupului s-a schimbat",
  groupChangedIntro: "Am schimbat mărimea grupului pentru {title}.",
  groupCancelledSubject: "Rezervarea grupului este anulată: {title}",
  groupCancelledHeading: "Rezervarea grupului este anulată",
  groupCancelledIntro: "Locurile grupului de la {school} la {title} sunt anulate.",

  reminderSubject: "Memento: {title}, {when}",
  reminderHeading: "Ne vedem curând",
  reminderIntro: "Îți amintim de {title}.",

  mentoringWith: "Mentorat cu {mentor}",
  mentoringConfirmedSubject: "Mentorat rezervat: {when}",
  mentoringConfirmedHeading: "Sesiune de mentorat rezervată",
  mentoringYoungPersonIntro: "Ai o sesiune de mentorat cu {mentor}.",
  mentoringMentorIntro: "{name} a rezervat o sesiune de mentorat cu tine.",
  mentoringSafeguardingIntro: "Pentru evidență: {name} a rezervat o sesiune de mentorat cu {mentor}.",
  mentoringGuardianIntro: "{name} a rezervat o sesiune de mentorat cu {mentor}. Îți spunem pentru că are sub 16 ani.",
  mentoringCancelledSubject: "Mentorat anulat: {when}",
  mentoringCancelledHeading: "Sesiune de mentorat anulată",
  mentoringCancelledIntro: "Sesiunea de mentorat dintre {name} și {mentor} este anulată.",

  feedbackSubject: "Cum a fost la {title}?",
  feedbackInvitationHeading: "Spune-ne cum a fost",
  feedbackIntro: "Mulțumim că ai venit la {title}. Ce a mers bine? Ce poate fi mai bun? Durează 2 minute.",
  feedbackInvitationAnonymous: "Poți răspunde fără să îți dai numele.",
  feedbackButton: "Dă-ne părerea ta",

  magicLinkSubject: "Linkul tău de conectare Open Door",
  magicLinkHeading: "Conectează-te la Open Door",
  magicLinkIntro: "Apasă butonul ca să te conectezi.",
  magicLinkButton: "Conectare",
  magicLinkExpiry: "Linkul merge o singură dată și expiră după 15 minute.",
  magicLinkIgnore: "Dacă nu ai cerut asta, poți ignora acest email.",
};
