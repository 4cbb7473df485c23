// Romanian: refusals of the timebank (English in en/refusals-timebank.ts). Needs a native speaker's review.
import type { TimebankRefusalWords } from "../en/refusals-timebank";

export const timebankRefusals_ro: TimebankRefusalWords = {
  host_only_contributors: "Doar organizația care găzduiește această sesiune sau un coordonator poate înregistra cine și-a oferit timpul.",
  no_contributor: "Nu găsim această persoană.",
  contributor_session_cancelled: "Această sesiune a fost anulată, deci nu se poate înregistra timp pentru ea.",
  contribution_before_end: "Timpul poate fi confirmat după încheierea sesiunii, de la {when}.",
  no_timebank_entry: "Nu găsim această înregistrare din banca de timp.",
  timebank_reversal_final: "O corecție nu poate fi corectată: înregistrați orele corecte.",
  timebank_already_reversed: "Această înregistrare a fost deja corectată.",
  no_timebank_offer: "Nu găsim această ofertă.",
  timebank_offer_withdrawn: "Această ofertă a fost retrasă.",
  timebank_balance_short: "Costă {cost} ore și aveți {balance}. Oferiți sau câștigați mai întâi puțin mai mult timp.",
  timebank_offer_own_organisation: "Puteți face oferte doar pentru o organizație pe care o reprezentați.",
  timebank_people_only: "Doar o persoană autentificată își poate folosi orele.",
  timebank_balances_forbidden: "Doar coordonatorii văd întregul program; partenerii își văd propria organizație.",
  no_record_link: "Nu găsim acest link către un parcurs.",
  record_link_unusable: "Acest link nu funcționează: poate a fost dezactivat de proprietar.",
  record_young_people_only: "Parcursul meu este pentru tinerii care participă la program.",
  careers_own_school_only: "Doar personalul acestei școli sau un coordonator poate vedea dovezile de orientare profesională ale elevilor ei.",
  careers_not_a_school: "Dovezile de orientare profesională sunt păstrate doar pentru școli.",
  no_careers_rule: "Nu găsim această regulă pentru dovezile de orientare profesională.",
  careers_rule_host_unknown: "Nu există nicio organizație cu acest identificator.",
};
