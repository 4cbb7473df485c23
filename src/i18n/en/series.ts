// Issue #14 item 6: booking every date of an event in one step, the outcome per date (page and
// email) and the parent's or carer's one email with a link per date. English defines the keys;
// all start with "sr".
import type { Plural } from "./site";

export const seriesEn = {
  srBookAll: { one: "Book this date", other: "Book all {n} dates" } as Plural,
  srBookAllHint: "One form for every date still to come. Each date keeps the same rules as booking it alone.",
  srTitle: "Book every date",
  srIntro: "This books every date of {title} that is still to come. Each date keeps its own rules: when one is full you join its waiting list, and a date that clashes with another of your bookings is left out. You will see what happened to each date, and we will email it to you once.",
  srDatesHeading: "The dates",
  srNoneLeft: "There are no dates left to book.",
  srOutcomeTitle: "What happened to each date",
  srOutcomeIntro: "Here is each date of {title} and what happened to it.",
  srEmailed: "We have emailed you this list, with every booked date for your calendar.",
  srNothingBooked: "None of the dates could be booked this time.",
  srDate: "Date",
  srOutcome: "What happened",
  srBooked: "Booked",
  srPending: "Held: waiting for your parent's or carer's yes",
  srWaitlisted: "On the waiting list: you are number {position}",
  srClash: "Not booked: it clashes with {title}",
  srIneligible: "Not booked: this activity is for ages {min} to {max}, and you will be {age} on this date",
  srAlreadyBooked: "You already have a place",
  srPast: "Already happened",
  srCancelled: "Not booked: this date has been called off",
  srFull: "Not booked: it is full and has no waiting list",
  srGuardianLimit: "Not booked: your parent or carer has had as many consent requests as we send in a day",
  srSeeMine: "See my bookings",
  srEmailSubject: "Your dates for {title}",
  srEmailIntro: "You asked to book every date of {title}. Here is what happened to each one.",
  srEmailCalendar: "The invite with this email puts every booked date in your calendar. If you cancel one date later, only that date is taken out.",
  srEmailPending: "We have emailed your parent or carer: each held date is kept for 48 hours while they answer.",
  srConsentSubject: "{name} would like to go to {title}: one answer per date",
  srConsentHeading: "{name} needs your yes",
  srConsentIntro: "{name} has asked to book these dates of {title}. Because they are under {age}, each date needs your yes. Each date has its own link, so you can say yes to the weeks they can go and no to the others.",
  srConsentDate: "Answer for {when}",
  srConsentHold: "Each date is held for 48 hours (never past its start) while you decide; after that the place is let go.",
};

export type SeriesWords = { [K in keyof typeof seriesEn]?: (typeof seriesEn)[K] extends Plural ? Plural : string };
