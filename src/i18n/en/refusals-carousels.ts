// English wording of the carousels' refusals (src/features/carousels, issue #18). Spread into
// refusalsEn / fieldRefusalsEn (problems.ts), so `refuse()` type-checks their facts; kept
// apart so each part of the catalogue has one owner. `as const`: see problems.ts.

export const carouselRefusalsEn = {
  no_such_carousel: "We can't find that carousel.",
  carousel_cancelled: "This carousel has been cancelled.",
  carousel_bookings_closed: "Bookings for this carousel have closed.",
  carousel_full: "Sorry, this carousel is full.",
  carousel_places_short: "Only {seatsLeft} places are left and your group needs {wanted}. Try a smaller group.",
  carousel_ratio_short: "A group of {pupils} pupils needs at least {needed} staff (1 adult for every {pupilsPerStaff} pupils). You said {staff}.",
  no_such_carousel_group: "We can't find that group booking.",
  no_such_carousel_station: "We can't find that station.",
  carousel_group_not_live: "This group booking is already cancelled or checked in.",
  carousel_group_cancelled: "This group booking was cancelled.",
  carousel_started_no_cancel: "The carousel has started, so the booking can't be cancelled now.",
  carousel_start_in_future: "The carousel must start in the future.",
  carousel_close_before_start: "Bookings must close before the carousel starts.",
  carousel_venue_unknown: "There is no venue with that id.",
  carousel_station_host: "A station is run by an employer or a partner organisation.",
  carousel_check_in_too_many: "The group was booked for {pupils} pupils and {staff} staff; more can't be checked in.",
  carousel_no_plan_yet: "This carousel has no plan yet: it is made when bookings close.",
  carousel_no_group_of_yours: "You have no group on this carousel.",
  carousel_plan_first: "Make the plan first: the timetables come from it.",
} as const;

/** Short messages for the fields these refusals name (`errors[].message`). */
export const carouselFieldRefusalsEn = {
  school_cant_host: "a school can't run a station",
  more_than_booked: "more than booked",
  must_be_before_start: "must be before startsAt",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type CarouselRefusalWords = Partial<Record<keyof typeof carouselRefusalsEn | keyof typeof carouselFieldRefusalsEn, string>>;
