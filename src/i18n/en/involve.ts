// English text for the "Get involved" page (issue #16 item 8): co-production opportunities,
// each an event of type co_production, bookable like any other. The words follow the
// programme's own co-production texts (shared/context 001 and 002). Complete; other locales
// fall back to it string by string.

export type InvolveCatalogue = Partial<Record<keyof typeof involveEn, string>>;

export const involveEn = {
  giTitle: "Get involved",
  giFooterLink: "Get involved",
  giLead: "Help decide what Open Door does. Young people and families plan, try out and judge it with us, as equal partners.",
  giWhatHeading: "What co-production means",
  giWhatBody:
    "Co-production means working together as equal partners. What you know from your own life counts as much as what staff know from their jobs. Nobody has all the answers, but together we can make something better.",
  giWaysHeading: "Ways to take part",
  giBoardTitle: "Youth advisory board",
  giBoardBody: "Meet other young people to decide what the programme offers next, and check that we did what we said.",
  giInspectorsTitle: "Young inspectors",
  giInspectorsBody: "Visit the places we use and tell us how welcoming they are: signs, information, quiet spaces, getting there by bus or car.",
  giCodesignTitle: "Co-design workshops",
  giCodesignBody: "Shape new pages, leaflets and activities with the people who make them.",
  giGainHeading: "What you get from it",
  giGainBody: "New skills and new people to know, something real for your CV, and services that work better for everyone.",
  giComingHeading: "Coming up",
  giNone: "Nothing is planned just now. Check again soon, or tell us what you would like to do.",
  giOtherHeading: "Other ways to have your say",
  giParents: "Parents and carers: ask your child's school whether it has a parent carer forum, and come to our family events.",
} as const;
