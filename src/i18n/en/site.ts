// The website's English text: complete. Other locales fall back to it string by string.
// Short sentences, no jargon: many readers are 11 to 14, or read English as a second language.
import type { EventType } from "../../db/schema";

/** Plural choice by Intl.PluralRules category; `other` is always required. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface StatementSection {
  heading?: string;
  paragraphs: string[];
  list?: string[];
}

/** What another locale gives for this part: any string it leaves out is shown in English. */
export type Catalogue = Partial<typeof en>;

export const en = {
  tagline: "Free activities, workshops and mentoring for young people aged 11 to 25",
  skipToContent: "Skip to main content",
  mainNav: "Main menu",
  navWhatsOn: "What's on",
  navMyBookings: "My bookings",
  navSignIn: "Sign in",
  signOut: "Sign out",
  language: "Language",
  displayOptions: "Display",
  largerText: "Larger text",
  standardText: "Standard text",
  highContrast: "High contrast",
  standardContrast: "Standard colours",
  footerAccessibility: "Accessibility statement",
  footerAbout: "Open Door is run by local schools, employers, care homes and community groups together.",

  whatsOnTitle: "What's on",
  whatsOnIntro: "Find a free activity near you. Choose what you like, when you are free and what you need.",
  filterHeading: "Find an activity",
  filterType: "Type of activity",
  filterAnyType: "Any type",
  filterFrom: "From date",
  filterTo: "To date",
  filterDateHint: "For example, 2026-03-21",
  filterAge: "Your age",
  filterAgeHint: "We show activities open to your age.",
  filterAccess: "What you need",
  filterApply: "Show activities",
  filterClear: "Clear choices",
  filterErrorDate: "Enter a date like 2026-03-21",
  filterErrorAge: "Enter an age from 11 to 25",
  filterErrorRange: "The 'to' date must be after the 'from' date",
  errorSummaryTitle: "There is a problem",
  resultsHeading: { one: "{n} activity found", other: "{n} activities found" } as Plural,
  noResults: "Nothing matches your choices. Try fewer choices or other dates.",
  ages: "Ages {min} to {max}",
  nextDates: "Next dates",
  moreDates: { one: "and {n} more date", other: "and {n} more dates" } as Plural,
  seatsLeft: { one: "{n} place left", other: "{n} places left" } as Plural,
  full: "Full",
  fullWaitlist: "Full: you can join the waiting list",
  previousPage: "Previous page",
  nextPage: "Next page",
  pageOf: "Page {page} of {pages}",
  pagination: "Pages of results",

  eventTypes: {
    career_taster: "Career taster",
    cv_workshop: "CV workshop",
    interview_skills: "Interview skills",
    budgeting: "Money and budgeting",
    intergenerational: "Time with older people",
    community_event: "Community event",
    co_production: "Get involved",
  } as Record<EventType, string>,
  accessNeeds: {
    step_free: "Step-free access",
    accessible_toilet: "Accessible toilet",
    hearing_loop: "Hearing loop",
    quiet_room: "Quiet room",
    disabled_parking: "Disabled parking",
    bsl: "British Sign Language (BSL)",
    easy_read: "Easy-read materials",
    sensory_friendly: "Sensory-friendly",
  } as Record<string, string>,
  tags: {
    women_in_trades: "Women in trades",
    neurodiverse_friendly: "Neurodiverse-friendly",
    young_parents: "For young parents",
    families: "For families: adults and children of any age",
    send_friendly: "SEND-friendly",
  } as Record<string, string>,

  eventAbout: "About this activity",
  eventWhoFor: "Who it is for",
  eventHost: "Run by {name}",
  eventSupport: "Support at this activity",
  eventDates: "Dates and places",
  eventNoDates: "There are no dates for this activity at the moment. Please check again soon.",
  eventVenueAccess: "Access at this place",
  eventNotAvailable: "Not available: {what}",
  eventOnlineLink: "The link is sent to you when you book.",
  eventYouSaid: "You said, we did",
  eventYouSaidIntro: "What people told us about this activity, and what we changed.",
  youSaid: "You said",
  weDid: "We did",
  eventPoster: "Print a poster for this activity",
  eventBackToList: "Back to what's on",
  notInYourLanguage: "This text is not yet in your language.",

  posterTitle: "Poster",
  posterScan: "Scan the code with your phone camera to find out more and book.",
  posterOrVisit: "Or visit",
  posterPrintHint: "To print, use your browser's Print option. The poster fits on one A4 sheet.",
  posterQrLabel: "QR code linking to {url}",
  posterFree: "Free",

  signInTitle: "Sign in",
  signInIntro: "We will email you a link. Open it on this device to sign in. You do not need a password.",
  emailLabel: "Email address",
  emailHint: "The email you gave when you signed up.",
  emailError: "Enter an email address like name@example.com",
  sendLink: "Email me a sign-in link",
  checkEmailTitle: "Check your email",
  checkEmailBody: "If {email} is registered with Open Door, we have sent a sign-in link to it. The link works once and stops working after 15 minutes.",
  checkEmailNotArrived: "Nothing arrived? Check your junk folder, or ask for a new link.",
  askAgain: "Ask for a new link",
  linkTitle: "Sign in to Open Door",
  linkBody: "Press the button to finish signing in on this device.",
  linkButton: "Sign in",
  linkInvalidTitle: "This link does not work",
  linkInvalidBody: "This sign-in link has already been used or has run out. Links work once, for 15 minutes.",

  myTitle: "My bookings",
  myHello: "Hello, {name}",
  myNone: "You have no bookings yet.",
  myFindSomething: "Find something to do",
  myUpcoming: "Coming up",
  myPast: "Past and cancelled",
  myTicket: "Ticket code",
  myStatus: "Status",
  mentoringSession: "Mentoring session",
  bookingStatus: {
    pending_consent: "Waiting for a parent or carer to agree",
    confirmed: "Booked",
    waitlisted: "On the waiting list",
    offered: "A place is offered to you",
    cancelled: "Cancelled",
    attended: "You came",
    no_show: "Missed",
  } as Record<string, string>,

  notFoundTitle: "Page not found",
  notFoundBody: "We could not find this page. It may have moved, or the address may be wrong.",
  csrfTitle: "Please try again",
  csrfBody: "For your safety we could not accept this form. Go back, reload the page and try again.",

  statement: {
    title: "Accessibility statement",
    sections: [
      {
        paragraphs: [
          "This statement is about the Open Door website at {site}. It is run by the Open Door Youth Partnership.",
          "We want as many people as possible to be able to use this website. For example, you should be able to:",
        ],
        list: [
          "make the text larger with the 'Larger text' option at the top of every page, or zoom in up to 400% without text spilling off the screen",
          "switch to high-contrast colours with the 'High contrast' option; both choices are remembered on this device",
          "use the whole website with a keyboard only, with a clear outline showing where you are",
          "use it with a screen reader (such as NVDA, JAWS, VoiceOver or TalkBack) or speech recognition software",
          "use it without JavaScript and on a slow phone connection: every page is small",
          "read it in English, Polish, Romanian, Ukrainian or Arabic (Arabic is shown right to left)",
        ],
      },
      {
        paragraphs: ["We write in plain language with short sentences. Buttons and links are large so they are easy to press."],
      },
      {
        heading: "How accessible this website is",
        paragraphs: ["We know some parts of this website are not fully accessible yet:"],
        list: [
          "Some activity descriptions are written by partner organisations and are not yet translated into every language. We then show the English text and mark it as English, so screen readers read it correctly.",
          "Directions and public transport details come from each venue and may be incomplete. Ask us if you need more detail.",
          "Posters use a QR code. If you cannot scan it, the web address is printed under it.",
          "On the check-in page, you can scan a ticket's QR code with the camera in current browsers on phones and computers. This needs JavaScript and your permission to use the camera. Typing the ticket code always works, for example if you cannot see the screen well.",
        ],
      },
      {
        heading: "Feedback and contact information",
        paragraphs: [
          "If you need information on this website in a different format, such as easy read, large print, audio or another language, email {email}.",
          "Tell us the web address of the page, what you need, and how we can contact you. We will reply within 5 working days.",
        ],
      },
      {
        heading: "Reporting accessibility problems with this website",
        paragraphs: [
          "We are always looking to improve the accessibility of this website. If you find a problem that is not listed on this page, or you think we are not meeting accessibility requirements, email {email}.",
          "Please tell us which page, what went wrong, and what device, browser or assistive technology you were using. You do not have to give these details if you do not want to.",
        ],
      },
      {
        heading: "Enforcement procedure",
        paragraphs: [
          "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations').",
          "If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS). In Northern Ireland, contact the Equality Commission for Northern Ireland.",
        ],
      },
      {
        heading: "Technical information about this website's accessibility",
        paragraphs: [
          "We are committed to making this website accessible, in line with the accessibility regulations.",
          "We have tested this website against the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard and know of no failures. It has not yet had a full manual audit, so we do not claim full compliance until it has. Below we say how we tested it.",
        ],
      },
      {
        heading: "Content that is not accessible",
        paragraphs: [
          "We know of no content that fails the WCAG 2.2 AA standard. If you find some, please tell us (see 'Reporting accessibility problems with this website' above).",
        ],
      },
      {
        heading: "How we tested this website",
        paragraphs: [
          "Every type of page, in all five languages, with larger text and high contrast, is checked automatically with the axe accessibility engine in the Chromium browser against WCAG 2.2 A and AA each time the website changes. We also test that people can find and open an activity using only a keyboard.",
          "Automated checks cannot find every problem. We have not yet had a full manual audit by an independent organisation. We plan one, and we will update this statement with what it finds.",
          "This statement was prepared on 23 November 2026. It was last reviewed on 23 November 2026.",
        ],
      },
    ] as StatementSection[],
  },

  whenSameDay: "{day}, {start} to {end}",
  whenOvernight: "{day}, {start} to {endDay}, {end}",
  am: "am",
  pm: "pm",
};

export type Messages = typeof en;
