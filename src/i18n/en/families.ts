// English text for household booking at family events (issue #16 item 10). Complete; other
// locales fall back to it string by string.

export type FamiliesCatalogue = Partial<Record<keyof typeof familiesEn, string>>;

export const familiesEn = {
  hhTitle: "Book for your household",
  hhIntro: "This is a family event: adults and children of any age can come. Book one place for each person coming. Only you need an account, and we do not ask for the children's names.",
  hhForFamilies: "For families: a parent or carer books places for the whole household, adults and children of any age.",
  hhAdults: "Adults coming, including you",
  hhChildren: "Children coming",
  hhCountHint: "At most {max} places in one booking.",
  hhAccess: "Anything that would help your household take part (optional)",
  hhSubmit: "Book these places",
  hhCountError: "Enter whole numbers: at least 1 adult, and no more than {max} places in all.",
  hhLink: "Book for your household",
} as const;
