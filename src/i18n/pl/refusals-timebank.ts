// Polish: refusals of the timebank (English in en/refusals-timebank.ts). Needs a native speaker's review.
import type { TimebankRefusalWords } from "../en/refusals-timebank";

export const timebankRefusals_pl: TimebankRefusalWords = {
  host_only_contributors: "Tylko organizacja prowadząca te zajęcia albo koordynator może zapisać, kto poświęcił na nie czas.",
  no_contributor: "Nie możemy znaleźć tej osoby.",
  contributor_session_cancelled: "Te zajęcia zostały odwołane, więc nie można zapisać dla nich czasu.",
  contribution_before_end: "Czas można potwierdzić po zakończeniu zajęć, od {when}.",
  no_timebank_entry: "Nie możemy znaleźć tego wpisu w banku czasu.",
  timebank_reversal_final: "Korekty nie można poprawić: zapisz właściwe godziny.",
  timebank_already_reversed: "Ten wpis został już poprawiony.",
  no_timebank_offer: "Nie możemy znaleźć tej oferty.",
  timebank_offer_withdrawn: "Ta oferta została wycofana.",
  timebank_balance_short: "To kosztuje {cost} godz., a masz {balance}. Najpierw poświęć lub zdobądź trochę więcej czasu.",
  timebank_offer_own_organisation: "Możesz dodawać oferty tylko dla organizacji, w której imieniu działasz.",
  timebank_people_only: "Tylko zalogowana osoba może wydać swoje godziny.",
  timebank_balances_forbidden: "Cały program widzą tylko koordynatorzy; partnerzy widzą swoją organizację.",
  no_record_link: "Nie możemy znaleźć tego linku do historii.",
  record_link_unusable: "Ten link do historii nie działa: właściciel mógł go wyłączyć.",
  record_young_people_only: "Moja historia jest dla młodych ludzi biorących udział w programie.",
  careers_own_school_only: "Tylko pracownicy tej szkoły albo koordynator mogą zobaczyć doświadczenia zawodowe jej uczniów.",
  careers_not_a_school: "Doświadczenia zawodowe zapisujemy tylko dla szkół.",
  no_careers_rule: "Nie możemy znaleźć tej reguły doświadczeń zawodowych.",
  careers_rule_host_unknown: "Nie ma organizacji o takim identyfikatorze.",
};
