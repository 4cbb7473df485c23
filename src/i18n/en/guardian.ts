// Issue #14, part 2: the guardian's record of a consent decision (email and page), withdrawing
// a yes, the attendee's feedback page, and saying a waiting-list place before it is taken.
// English is complete and defines the keys; all start with "gd".
export const guardianEn = {
  // The guardian's record, emailed after every decision (emails/guardian.ts)
  gdDecidedGrantedSubject: "You said yes: {name} can go to {title}",
  gdDecidedRefusedSubject: "You said no: {name} will not go to {title}",
  gdDecidedWithdrawnSubject: "You withdrew your yes: {name} will not go to {title}",
  gdDecidedHeading: "We have recorded your answer",
  gdDecidedGrantedIntro: "You said {name} can go to {title}. Their place is confirmed.",
  gdDecidedRefusedIntro: "You said {name} cannot go to {title}. We have cancelled the booking and told them.",
  gdDecidedWithdrawnIntro: "You withdrew your yes for {name} to go to {title}. We have cancelled the booking, told them, and offered the place to the next person waiting.",
  gdDecidedWithdrawHint: "If you change your mind, you can withdraw your yes from the same page until the session starts.",
  gdDecidedLink: "See your answer",
  gdDecidedKeep: "Keep this email: its link is the only way back to your answer.",
  // To the young person when the yes is withdrawn (emails/bookings.ts consentRefused)
  gdWithdrawnYoungPerson: "Your parent or carer has withdrawn their yes, so we have cancelled your place and given it back.",
  // The consent page after the answer (src/web/people/pages/consent.tsx)
  gdAnswerTitle: "Your answer",
  gdStateGranted: "You said yes: {name} can come.",
  gdStateWithdrawable: "You said yes: {name} can come. If you change your mind, you can withdraw your yes here until the session starts.",
  gdStateRefused: "You said no: {name} is not coming, and the booking is cancelled.",
  gdStateWithdrawn: "You withdrew your yes: {name}'s booking is cancelled.",
  gdStateCancelled: "You said yes, and the booking has been cancelled since (by {name}, or because the session was called off). Nothing else is needed from you.",
  gdWithdrawWarning: "Withdrawing cancels {name}'s place and offers it to the next person waiting. {name} can book again if there is still space.",
  gdWithdrawButton: "Withdraw my yes",
  gdWithdrawnTitle: "Your yes is withdrawn",
  gdWithdrawnBody: "{name}'s booking is cancelled and we have told them. We have emailed you a record.",
  gdRecordSent: "We have emailed you a record of your answer, with a link back to this page.",
  // Feedback from the emailed link (src/web/people/pages/feedback.tsx)
  gdFeedbackTitle: "How was it?",
  gdFeedbackIntro: "Tell us what you thought of {title}. It takes a minute, and it helps us make the next one better.",
  gdFeedbackRating: "How was it overall?",
  gdRating1: "1: Poor",
  gdRating2: "2: Not great",
  gdRating3: "3: OK",
  gdRating4: "4: Good",
  gdRating5: "5: Brilliant",
  gdFeedbackWorked: "What worked well? (optional)",
  gdFeedbackBetter: "What could be better? (optional)",
  gdFeedbackAnonymous: "Do not show my name with my answer",
  gdFeedbackAnonymousHint: "The organisers will see your words without your name.",
  gdFeedbackSubmit: "Send my feedback",
  gdFeedbackRatingError: "Choose how it was, from 1 to 5",
  gdFeedbackTooLong: "Please keep this under {max} characters",
  gdFeedbackThanksTitle: "Thank you for your feedback",
  gdFeedbackThanksBody: "We read every answer. Look out for \"You said, we did\" on the activity's page.",
  gdFeedbackGivenTitle: "You have already given feedback",
  gdFeedbackGivenBody: "We have your answer for this session (one answer per booking). Thank you.",
  gdFeedbackNotYetTitle: "Feedback opens after the session",
  gdFeedbackNotYetBody: "You can give feedback once you have been to the session and been checked in.",
  gdFeedbackLinkTitle: "This feedback link does not work",
  gdFeedbackLinkBody: "Please use the link in your most recent feedback email, or sign in and open the booking.",
  // The booking page of a full session (src/web/people/pages/book.tsx)
  gdFullWaitlist: "Full: join the waiting list (you would be number {position}).",
  gdJoinWaitlist: "Join the waiting list (number {position})",
} as const;

/** What another locale writes (English fills any gap). */
export type GuardianWords = Partial<Record<keyof typeof guardianEn, string>>;
