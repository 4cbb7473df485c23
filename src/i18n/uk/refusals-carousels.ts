// Ukrainian: refusals of carousels (English in en/refusals-carousels.ts). Needs a native speaker's review.
import type { CarouselRefusalWords } from "../en/refusals-carousels";

export const carouselRefusals_uk: CarouselRefusalWords = {
  no_such_carousel: "Ми не можемо знайти цю карусель.",
  carousel_cancelled: "Цю карусель скасовано.",
  carousel_bookings_closed: "Запис на цю карусель закрито.",
  carousel_full: "На жаль, ця карусель заповнена.",
  carousel_places_short: "Залишилося лише {seatsLeft} місць, а вашій групі потрібно {wanted}. Спробуйте меншу групу.",
  carousel_ratio_short: "Групі з {pupils} учнів потрібно щонайменше {needed} супровідників (1 дорослий на кожних {pupilsPerStaff} учнів). Ви вказали {staff}.",
  no_such_carousel_group: "Ми не можемо знайти це бронювання групи.",
  no_such_carousel_station: "Ми не можемо знайти цю станцію.",
  carousel_group_not_live: "Це бронювання групи вже скасовано або прибуття вже відмічено.",
  carousel_group_cancelled: "Це бронювання групи скасовано.",
  carousel_started_no_cancel: "Карусель уже почалася, тож бронювання зараз не можна скасувати.",
  carousel_start_in_future: "Карусель має початися в майбутньому.",
  carousel_close_before_start: "Запис має закритися до початку каруселі.",
  carousel_venue_unknown: "Місця з таким ідентифікатором немає.",
  carousel_station_host: "Станцію проводить роботодавець або організація-партнер.",
  carousel_check_in_too_many: "Групу заброньовано на {pupils} учнів і {staff} супровідників; більше відмітити не можна.",
  carousel_no_plan_yet: "Ця карусель ще не має плану: його складають після закриття запису.",
  carousel_no_group_of_yours: "У вас немає групи на цій каруселі.",
  carousel_plan_first: "Спершу складіть план: розклади беруться з нього.",
  school_cant_host: "школа не може проводити станцію",
  more_than_booked: "більше, ніж заброньовано",
  must_be_before_start: "має бути раніше за startsAt",
};
