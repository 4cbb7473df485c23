// Romanian: refusals of carousels (English in en/refusals-carousels.ts). Needs a native speaker's review.
import type { CarouselRefusalWords } from "../en/refusals-carousels";

export const carouselRefusals_ro: CarouselRefusalWords = {
  no_such_carousel: "Nu găsim acest carusel.",
  carousel_cancelled: "Acest carusel a fost anulat.",
  carousel_bookings_closed: "Rezervările pentru acest carusel s-au închis.",
  carousel_full: "Ne pare rău, acest carusel este plin.",
  carousel_places_short: "Au mai rămas doar {seatsLeft} locuri, iar grupa ta are nevoie de {wanted}. Încearcă o grupă mai mică.",
  carousel_ratio_short: "O grupă de {pupils} elevi are nevoie de cel puțin {needed} însoțitori (1 adult la fiecare {pupilsPerStaff} elevi). Ai scris {staff}.",
  no_such_carousel_group: "Nu găsim această rezervare de grupă.",
  no_such_carousel_station: "Nu găsim acest stand.",
  carousel_group_not_live: "Această rezervare de grupă este deja anulată sau înregistrată.",
  carousel_group_cancelled: "Această rezervare de grupă a fost anulată.",
  carousel_started_no_cancel: "Caruselul a început, așa că rezervarea nu mai poate fi anulată acum.",
  carousel_start_in_future: "Caruselul trebuie să înceapă în viitor.",
  carousel_close_before_start: "Rezervările trebuie să se închidă înainte de începerea caruselului.",
  carousel_venue_unknown: "Nu există niciun loc cu acest id.",
  carousel_station_host: "Un stand este condus de un angajator sau de o organizație parteneră.",
  carousel_check_in_too_many: "Grupa a fost rezervată pentru {pupils} elevi și {staff} însoțitori; nu pot fi înregistrați mai mulți.",
  carousel_no_plan_yet: "Acest carusel nu are încă un plan: se face când se închid rezervările.",
  carousel_no_group_of_yours: "Nu ai nicio grupă la acest carusel.",
  carousel_plan_first: "Fă mai întâi planul: orarele pornesc de la el.",
  school_cant_host: "o școală nu poate conduce un stand",
  more_than_booked: "mai mult decât s-a rezervat",
  must_be_before_start: "trebuie să fie înainte de startsAt",
};
