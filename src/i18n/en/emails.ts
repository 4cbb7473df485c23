// The emails' English text: complete. Every other locale may leave a string out and readers then
// see the English one. Short sentences, no jargon: many readers are 11–16 or read English as
// a second language. `{name}` placeholders are filled (and escaped) by the templates.
export const en = {
  moment: "{day}, {time}",
  span: "{start} to {end}",

  joinOnline: "Join online",
  onlineLinkLater: "This session is online. You will get the link from the young person's copy only.",
  access: "Access",
  accessUnknown: "Ask us if you need help getting in.",
  ticket: "Your ticket code",
  ticketQrAlt: "QR code of your ticket {code}: show it at the door",
  manage: "See or cancel your booking",
  view: "See your booking",
  contact: "Questions? Email {email}.",
  calendarNote: "Open the attached file to add this to your calendar.",
  calendarCancelNote: "Open the attached file to remove this from your calendar.",

  confirmedSubject: "Your place is booked: {title}",
  confirmedHeading: "Your place is booked",
  confirmedIntro: "You have a place at {title}.",

  pendingSubject: "We are holding your place: {title}",
  pendingHeading: "We are holding your place",
  pendingIntro: "Your parent or carer needs to say yes first. We have emailed them.",
  pendingHold: "We keep your place until {deadline}.",

  consentSubject: "Can {name} go to {title}?",
  consentHeading: "Can {name} go?",
  consentRequestIntro: "{name} wants to go to {title}. We need a parent or carer to say yes first.",
  consentButton: "Say yes or no",
  consentDeadline: "Please answer by {deadline}. If we do not hear from you, the place goes to someone else.",
  consentIgnore: "If you do not know {name}, you can ignore this email.",

  refusedSubject: "Your place was not confirmed: {title}",
  refusedHeading: "Your place was not confirmed",
  refusedRefused: "Your parent or carer said no, so we gave the place back.",
  refusedExpired: "We did not hear from your parent or carer in time, so we gave the place back.",
  refusedNext: "You can look for another session that suits you.",

  waitlistedSubject: "You are on the waiting list: {title}",
  waitlistedHeading: "You are on the waiting list",
  waitlistedIntro: "{title} is full right now. You are number {position} on the waiting list.",
  waitlistedNext: "If a place comes up, we will email you straight away.",

  offerSubject: "A place is free for you: {title}",
  offerHeading: "A place is free for you",
  offerIntro: "A place came up at {title}. It is yours if you want it.",
  offerDeadline: "Please say yes by {deadline}. After that we offer it to the next person.",
  offerButton: "Take the place",

  offerExpiredSubject: "Your offer has ended: {title}",
  offerExpiredHeading: "Your offer has ended",
  offerExpiredIntro: "You did not take the place at {title} in time, so we offered it to the next person.",

  cancelledSubject: "Your booking is cancelled: {title}",
  cancelledHeading: "Your booking is cancelled",
  cancelledIntro: "Your place at {title} is cancelled. You do not need to do anything else.",

  changedSubject: "Your session has changed: {title}",
  changedHeading: "Your session has changed",
  changedIntro: "The time or place of {title} has changed. Your place is still booked. Here are the new details.",

  sessionCancelledSubject: "Cancelled: {title}",
  sessionCancelledHeading: "This session is cancelled",
  sessionCancelledIntro: "We are sorry. {title} on {when} will not go ahead. You do not need to do anything.",
  sessionCancelledReason: "Why: {reason}",
  sessionCancelledOther: "Other dates with places",
  sessionCancelledOtherLink: "See the other dates and book",

  groupConfirmedSubject: "Your group is booked: {title}",
  groupConfirmedHeading: "Your group is booked",
  groupConfirmedIntro: "Your group from {school} has places at {title}.",
  groupChangedSubject: "Your group booking has changed: {title}",
  groupChangedHeading: "Your group booking has changed",
  groupChangedIntro: "We have changed the size of your group for {title}.",
  groupCancelledSubject: "Your group booking is cancelled: {title}",
  groupCancelledHeading: "Your group booking is cancelled",
  groupCancelledIntro: "The places for your group from {school} at {title} are cancelled.",

  reminderSubject: "Reminder: {title}, {when}",
  reminderHeading: "See you soon",
  reminderIntro: "This is a reminder about {title}.",

  mentoringWith: "Mentoring with {mentor}",
  mentoringConfirmedSubject: "Mentoring booked: {when}",
  mentoringConfirmedHeading: "Mentoring session booked",
  mentoringYoungPersonIntro: "You have a mentoring session with {mentor}.",
  mentoringMentorIntro: "{name} booked a mentoring session with you.",
  mentoringSafeguardingIntro: "For your records: {name} booked a mentoring session with {mentor}.",
  mentoringGuardianIntro: "{name} booked a mentoring session with {mentor}. We tell you because they are under 16.",
  mentoringCancelledSubject: "Mentoring cancelled: {when}",
  mentoringCancelledHeading: "Mentoring session cancelled",
  mentoringCancelledIntro: "The mentoring session between {name} and {mentor} is cancelled.",

  feedbackSubject: "How was {title}?",
  feedbackInvitationHeading: "Tell us how it went",
  feedbackIntro: "Thank you for coming to {title}. What worked? What could be better? It takes 2 minutes.",
  feedbackInvitationAnonymous: "You can answer without giving your name.",
  feedbackButton: "Give feedback",

  magicLinkSubject: "Your Open Door sign-in link",
  magicLinkHeading: "Sign in to Open Door",
  magicLinkIntro: "Tap the button to sign in.",
  magicLinkButton: "Sign in",
  magicLinkExpiry: "The link works once and stops working after 15 minutes.",
  magicLinkIgnore: "If you did not ask for this, you can ignore this email.",
};

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, string>>;
