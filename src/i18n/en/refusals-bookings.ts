// English wording of the refusals of bookings, groups and sessions (the rules' write sites).
// Spread into refusalsEn / fieldRefusalsEn (problems.ts), so `refuse()` type-checks their facts;
// kept apart so the catalogue's parts are edited by one owner each. Reproduces the sentences
// these services wrote before refusals were worded here. `as const`: see problems.ts.

export const bookingRefusalsEn = {
  // Bookings (src/features/bookings)
  consent_link_unusable: "This consent link has already been used or has run out. The young person can book again if there is still space.",
  no_such_session: "We can't find that session.",
  session_cancelled_no_booking: "This session has been cancelled, so it can't be booked or changed.",
  session_started_no_booking: "This session has already started, so it's too late to book or change it.",
  no_such_booking: "We can't find that booking.",
  booking_clashes_with: 'You already have a place at "{title}" at the same time. Cancel that one first if you\'d rather come to this.',
  offer_changed_meanwhile: "This booking changed while you were accepting. Please look at it again.",
  no_offer_waiting: "There's no seat offer waiting on this booking.",
  offer_ran_out_at: "Sorry, this seat offer ran out at {time} on {date}, so it has gone to the next person waiting.",
  offer_ran_out: "Sorry, this seat offer ran out, so it has gone to the next person waiting.",
  person_books_seat: "A person has to sign in to book a place; API keys can book groups only.",
  book_only_for_yourself: "You can only book a place for yourself.",
  no_such_young_person: "We can't find that young person.",
  not_young_person: "Only young people aged {min} to {max} can book a place. School staff can book a group instead.",
  outside_age_range: "This session is for ages {minAge} to {maxAge}. On the day of the session you will be {age}.",
  guardian_email_needed: "Because you are under {consentAge}, we need a parent's or carer's email address so they can say yes.",
  guardian_email_is_a_childs: "A parent or carer has to say yes, so give their email address: not your own, and not another young person's.",
  already_has_place: "You already have a place (or a place on the waiting list) for this session.",
  account_deleted: "This account has been deleted. Please sign up again to book.",
  session_full_no_waitlist: "Sorry, this session is full and it doesn't have a waiting list. Have a look at other dates.",
  mentoring_cancel_elsewhere: "Mentoring bookings are cancelled from the mentoring page.",
  booking_already_cancelled: "This booking is already cancelled.",
  booking_already_happened: "This session has already happened, so the booking can't be cancelled.",
  too_late_to_cancel: "The session has already started, so it's too late to cancel here. Please tell the organisers.",
  booking_busy: "This booking is being changed by someone else right now. Please try again.",
  // Groups (src/features/groups)
  group_ratio_short: "A group of {pupils} pupils needs at least {needed} staff (1 adult for every {pupilsPerStaff} pupils). You said {staff}.",
  roster_too_long: "The list has {names} names but the group has {pupils} pupils.",
  group_session_full: "Sorry, this session is full. Groups can't join a waiting list, so please choose another date.",
  group_seats_short: "Only {seatsLeft} seats are left and your group needs {wanted}. Try a smaller group or another date.",
  own_school_only: "Only staff of that school can book a group for it.",
  schools_only_groups: "Only schools can book groups.",
  event_no_groups: "This event doesn't take group bookings. Pupils can book their own places.",
  no_such_group_booking: "We can't find that group booking.",
  group_booking_closed: "This group booking is cancelled or finished, so it can't be changed.",
  group_booking_busy: "This group booking is being changed by someone else right now. Please try again.",
  // Sessions (src/features/sessions)
  no_session_with_id: "There is no session with that id.",
  session_already_cancelled: "This session is already cancelled.",
  session_started_no_cancel: "This session has already started, so it can't be cancelled.",
  session_cancelled_no_change: "This session has been cancelled, so it can't be changed.",
  session_started_no_change: "This session has already started, so it can't be changed.",
  session_venue_unknown: "There is no venue with that id.",
  session_move_into_past: "A session can only be moved to a time in the future.",
  session_end_before_start: "The session has to end after it starts.",
  new_session_end_before_start: "The session must end after it starts.",
  new_session_venue_unknown: "There is no venue with that id.",
  venue_or_link: "Give either a venue or an online link (one, not both).",
  series_overlaps: "Sessions in this series would overlap each other. Make them shorter or further apart.",
  sessions_in_future: "Sessions must start in the future.",
  check_in_begun_no_move: "Someone is already checked in for this session, so its time can't be changed.",
  move_clashes: "{count} of the people booked on this session already have another booking at that time, so it can't move there.",
  capacity_below_seats: "{taken} seats are already taken, so the capacity can't be less than {taken}.",
  session_busy: "This session is being changed by someone else right now. Please try again.",
} as const;

/** Short messages for the fields these refusals name (`errors[].message`). */
export const bookingFieldRefusalsEn = {
  no_such_person: "no such person",
  required_under_age: "required for people under {age}",
  guardian_must_be_adult: "must be a parent's or carer's email, not a young person's",
  must_be_at_least: "must be at least {min}",
  at_most_names: "at most {max} names",
  not_a_school: "not a school",
  no_such_venue_field: "no such venue",
  must_be_in_future: "must be in the future",
  must_be_after_starts_at: "must be after startsAt",
  one_of_venue_or_link: "give exactly one of venueId or onlineUrl",
  longer_than_gap: "longer than the gap between sessions",
  check_in_has_begun: "check-in has begun",
  clashes_with_booked: "clashes with other bookings of people booked here",
} as const;

/** What another locale writes for these lines (English fills any gap). */
export type BookingRefusalWords = Partial<Record<keyof typeof bookingRefusalsEn | keyof typeof bookingFieldRefusalsEn, string>>;
