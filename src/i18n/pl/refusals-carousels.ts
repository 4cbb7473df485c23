// Polish: refusals of carousels (English in en/refusals-carousels.ts). Needs a native speaker's review.
import type { CarouselRefusalWords } from "../en/refusals-carousels";

export const carouselRefusals_pl: CarouselRefusalWords = {
  no_such_carousel: "Nie możemy znaleźć tej karuzeli.",
  carousel_cancelled: "Ta karuzela została odwołana.",
  carousel_bookings_closed: "Zapisy na tę karuzelę są zamknięte.",
  carousel_full: "Niestety, ta karuzela jest pełna.",
  carousel_places_short: "Zostało tylko {seatsLeft} miejsc, a Twoja grupa potrzebuje {wanted}. Spróbuj mniejszej grupy.",
  carousel_ratio_short: "Grupa {pupils} uczniów potrzebuje co najmniej {needed} opiekunów (1 dorosły na każdych {pupilsPerStaff} uczniów). Podano {staff}.",
  no_such_carousel_group: "Nie możemy znaleźć tej rezerwacji grupy.",
  no_such_carousel_station: "Nie możemy znaleźć tego stanowiska.",
  carousel_group_not_live: "Ta rezerwacja grupy jest już anulowana lub zameldowana.",
  carousel_group_cancelled: "Ta rezerwacja grupy została anulowana.",
  carousel_started_no_cancel: "Karuzela już się zaczęła, więc nie można teraz anulować rezerwacji.",
  carousel_start_in_future: "Karuzela musi zacząć się w przyszłości.",
  carousel_close_before_start: "Zapisy muszą się zakończyć przed początkiem karuzeli.",
  carousel_venue_unknown: "Nie ma miejsca o takim identyfikatorze.",
  carousel_station_host: "Stanowisko prowadzi pracodawca lub organizacja partnerska.",
  carousel_check_in_too_many: "Grupę zarezerwowano dla {pupils} uczniów i {staff} opiekunów; nie można zameldować więcej osób.",
  carousel_no_plan_yet: "Ta karuzela nie ma jeszcze planu: powstaje po zamknięciu zapisów.",
  carousel_no_group_of_yours: "Nie masz grupy na tej karuzeli.",
  carousel_plan_first: "Najpierw utwórz plan: plany zajęć powstają na jego podstawie.",
  school_cant_host: "szkoła nie może prowadzić stanowiska",
  more_than_booked: "więcej niż zarezerwowano",
  must_be_before_start: "musi być przed startsAt",
};
